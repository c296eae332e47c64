// Fuzzes the Ogg Opus reader as treff-server runs it on every voice message upload (and the
// browser on every message it plays): whatever the bytes, it gives a file or an error that says
// why, and a file it accepts decodes (to an error or to exactly as many samples as it said).
#include <cstddef>
#include <cstdint>
#include <cstdlib>

#include "audio/ogg_opus_reader.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  treff::audio::OggOpusLimits limits;
  limits.max_packets = 2 * 60 * 50;  // as the server reads voice messages
  const auto file = treff::audio::read_ogg_opus(data, size, limits);
  if (!file) {
    if (file.error().code.empty() || file.error().message.empty()) std::abort();
    return 0;
  }
  const auto pcm = treff::audio::decode_ogg_opus(file.value());
  if (pcm && pcm.value().size() != static_cast<std::size_t>(file.value().samples) * static_cast<std::size_t>(file.value().channels))
    std::abort();
  return 0;
}
