// Opus voice encoding for Treff (ring tones, voice messages and level tests use it later).
// Wraps libopus so that the rest of the code never sees its C handles.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "core/result.h"

struct OpusEncoder;

namespace treff::audio {

// "libopus 1.3.1" or similar.
std::string codec_version();
// Encodes one 20 ms frame of a 440 Hz tone and says how it went: "libopus 1.3.1, 108 bytes per
// 20 ms", or the error. Proves that the codec runs where it was compiled to (the page).
std::string check_codec();

class VoiceEncoder {
 public:
  static constexpr int kSampleRate = 48000;
  static constexpr int kFrameSamples = kSampleRate / 50;  // 20 ms, mono

  static Result<VoiceEncoder> create(int bitrate = 32000);
  VoiceEncoder(VoiceEncoder&&) noexcept = default;
  VoiceEncoder& operator=(VoiceEncoder&&) noexcept = default;
  ~VoiceEncoder();

  // Encodes exactly one 20 ms mono frame (kFrameSamples samples, -1..1).
  Result<std::vector<std::uint8_t>> encode(const std::vector<float>& frame);

 private:
  struct Free {
    void operator()(OpusEncoder* e) const;
  };
  explicit VoiceEncoder(OpusEncoder* e) : encoder_(e) {}
  std::unique_ptr<OpusEncoder, Free> encoder_;
};

}  // namespace treff::audio
