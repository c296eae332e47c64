// Opus voice encoding and decoding for Treff (the microphone test, voice messages and call
// recordings). Wraps libopus so that the rest of the code never sees its C handles.
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "core/result.h"

struct OpusEncoder;
struct OpusDecoder;

namespace treff::audio {

constexpr int kSampleRate = 48000;
constexpr int kFrameSamples = kSampleRate / 50;  // 20 ms per channel, as WebRTC sends it
// What Chromium's WebRTC sends a voice at by default: encoding at this rate lets people hear
// themselves as the others hear them.
constexpr int kCallBitrate = 32000;

// "libopus 1.3.1" or similar.
std::string codec_version();
// Encodes one 20 ms frame of a 440 Hz tone and says how it went: "libopus 1.3.1, 108 bytes per
// 20 ms", or the error. Proves that the codec runs where it was compiled to (the page).
std::string check_codec();

class VoiceEncoder {
 public:
  static Result<VoiceEncoder> create(int channels = 1, int bitrate = kCallBitrate);
  VoiceEncoder(VoiceEncoder&&) noexcept = default;
  VoiceEncoder& operator=(VoiceEncoder&&) noexcept = default;
  ~VoiceEncoder();

  int channels() const { return channels_; }
  // Samples per channel the decoder's output lags behind the input (Opus' look-ahead).
  int delay() const;
  // Encodes exactly one 20 ms frame: kFrameSamples * channels interleaved samples, -1..1.
  Result<std::vector<std::uint8_t>> encode(const float* pcm, std::size_t samples);
  Result<std::vector<std::uint8_t>> encode(const std::vector<float>& frame) {
    return encode(frame.data(), frame.size());
  }

 private:
  struct Free {
    void operator()(OpusEncoder* e) const;
  };
  VoiceEncoder(OpusEncoder* e, int channels) : encoder_(e), channels_(channels) {}
  std::unique_ptr<OpusEncoder, Free> encoder_;
  int channels_;
};

class VoiceDecoder {
 public:
  static Result<VoiceDecoder> create(int channels = 1);
  VoiceDecoder(VoiceDecoder&&) noexcept = default;
  VoiceDecoder& operator=(VoiceDecoder&&) noexcept = default;
  ~VoiceDecoder();

  int channels() const { return channels_; }
  // Decodes one packet into interleaved samples (up to 120 ms of them).
  Result<std::vector<float>> decode(const std::uint8_t* packet, std::size_t size);
  Result<std::vector<float>> decode(const std::vector<std::uint8_t>& packet) {
    return decode(packet.data(), packet.size());
  }

 private:
  struct Free {
    void operator()(OpusDecoder* d) const;
  };
  VoiceDecoder(OpusDecoder* d, int channels) : decoder_(d), channels_(channels) {}
  std::unique_ptr<OpusDecoder, Free> decoder_;
  int channels_;
};

}  // namespace treff::audio
