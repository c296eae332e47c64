// What a voice message upload must be before it is stored: a complete Ogg Opus file of at most a
// minute, read with the same code the browser wrote it with (src/audio's reader). Its length is
// what the file's own granule positions say, not what the client claims.
#pragma once

#include <cstdint>
#include <string_view>

#include "core/result.h"

namespace treff::server {

// 60 s at the call's 32 kbit/s are about 240 kB; the limit leaves room for louder, busier sound.
constexpr std::uint64_t kMaxVoiceMessageBytes = 1024 * 1024;
constexpr std::int64_t kMaxVoiceMessageMs = 60'000;

// The message's duration in milliseconds. Errors: the reader's "audio-not-opus",
// "audio-damaged", "audio-truncated"; "voice-message-too-long"; "voice-message-empty".
Result<std::int64_t> check_voice_message(std::string_view ogg);

}  // namespace treff::server
