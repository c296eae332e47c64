#include "server/accounts/voice_message_check.h"

#include <cmath>
#include <string>

#include "audio/ogg_opus_reader.h"

namespace treff::server {

Result<std::int64_t> check_voice_message(std::string_view ogg) {
  if (ogg.size() > kMaxVoiceMessageBytes) return Error{"voice-message-too-long", "A voice message may last a minute at most."};
  audio::OggOpusLimits limits;
  limits.max_packets = 2 * 60 * 50;  // a minute of 20 ms packets, twice over for shorter ones
  auto file = audio::read_ogg_opus(reinterpret_cast<const std::uint8_t*>(ogg.data()), ogg.size(), limits);
  if (!file) return file.error();
  const auto ms = static_cast<std::int64_t>(std::llround(file.value().seconds() * 1000));
  // The recorder stops at 60 s; half a second more for the encoder's last frame.
  if (ms > kMaxVoiceMessageMs + 500)
    return Error{"voice-message-too-long", "A voice message may last a minute at most."};
  if (ms < 300) return Error{"voice-message-empty", "The voice message holds no sound."};
  return ms;
}

}  // namespace treff::server
