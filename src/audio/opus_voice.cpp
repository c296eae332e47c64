#include "audio/opus_voice.h"

#include <opus.h>

#include <cmath>

namespace treff::audio {

std::string codec_version() { return opus_get_version_string(); }

std::string check_codec() {
  auto encoder = VoiceEncoder::create();
  if (!encoder) return encoder.error().message;
  std::vector<float> tone(VoiceEncoder::kFrameSamples);
  for (std::size_t i = 0; i < tone.size(); ++i)
    tone[i] = 0.3f * std::sin(2.0f * 3.14159265f * 440.0f * static_cast<float>(i) / VoiceEncoder::kSampleRate);
  auto packet = encoder.value().encode(tone);
  if (!packet) return packet.error().message;
  return codec_version() + ", " + std::to_string(packet.value().size()) + " bytes per 20 ms";
}

void VoiceEncoder::Free::operator()(OpusEncoder* e) const { opus_encoder_destroy(e); }

VoiceEncoder::~VoiceEncoder() = default;

Result<VoiceEncoder> VoiceEncoder::create(int bitrate) {
  int err = OPUS_OK;
  OpusEncoder* e = opus_encoder_create(kSampleRate, 1, OPUS_APPLICATION_VOIP, &err);
  if (err != OPUS_OK || !e) return Error{"audio-codec", std::string("Opus encoder: ") + opus_strerror(err)};
  opus_encoder_ctl(e, OPUS_SET_BITRATE(bitrate));
  return VoiceEncoder(e);
}

Result<std::vector<std::uint8_t>> VoiceEncoder::encode(const std::vector<float>& frame) {
  if (frame.size() != static_cast<std::size_t>(kFrameSamples))
    return Error{"audio-codec", "An Opus frame must hold 20 ms of audio."};
  std::vector<std::uint8_t> packet(1500);
  const int n = opus_encode_float(encoder_.get(), frame.data(), kFrameSamples, packet.data(),
                                  static_cast<opus_int32>(packet.size()));
  if (n < 0) return Error{"audio-codec", std::string("Opus encode: ") + opus_strerror(n)};
  packet.resize(static_cast<std::size_t>(n));
  return packet;
}

}  // namespace treff::audio
