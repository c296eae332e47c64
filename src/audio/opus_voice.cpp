#include "audio/opus_voice.h"

#include <opus.h>

#include <cmath>

namespace treff::audio {
namespace {

Error codec_error(const char* what, int code) {
  return Error{"audio-codec", std::string(what) + ": " + opus_strerror(code)};
}

bool valid_channels(int channels) { return channels == 1 || channels == 2; }

}  // namespace

std::string codec_version() { return opus_get_version_string(); }

std::string check_codec() {
  auto encoder = VoiceEncoder::create();
  if (!encoder) return encoder.error().message;
  std::vector<float> tone(kFrameSamples);
  for (std::size_t i = 0; i < tone.size(); ++i)
    tone[i] = 0.3f * std::sin(2.0f * 3.14159265f * 440.0f * static_cast<float>(i) / kSampleRate);
  auto packet = encoder.value().encode(tone);
  if (!packet) return packet.error().message;
  return codec_version() + ", " + std::to_string(packet.value().size()) + " bytes per 20 ms";
}

void VoiceEncoder::Free::operator()(OpusEncoder* e) const { opus_encoder_destroy(e); }

VoiceEncoder::~VoiceEncoder() = default;

Result<VoiceEncoder> VoiceEncoder::create(int channels, int bitrate) {
  if (!valid_channels(channels)) return Error{"audio-codec", "Opus voice is mono or stereo."};
  int err = OPUS_OK;
  OpusEncoder* e = opus_encoder_create(kSampleRate, channels, OPUS_APPLICATION_VOIP, &err);
  if (err != OPUS_OK || !e) return codec_error("Opus encoder", err);
  VoiceEncoder encoder(e, channels);
  err = opus_encoder_ctl(e, OPUS_SET_BITRATE(bitrate));
  if (err != OPUS_OK) return codec_error("Opus bitrate", err);
  return encoder;
}

int VoiceEncoder::delay() const {
  opus_int32 lookahead = 0;
  opus_encoder_ctl(encoder_.get(), OPUS_GET_LOOKAHEAD(&lookahead));
  return static_cast<int>(lookahead);
}

Result<std::vector<std::uint8_t>> VoiceEncoder::encode(const float* pcm, std::size_t samples) {
  if (samples != static_cast<std::size_t>(kFrameSamples * channels_))
    return Error{"audio-codec", "An Opus frame must hold 20 ms of audio."};
  // 1275 bytes is the most one Opus frame can take (RFC 6716, 3.2.1).
  std::vector<std::uint8_t> packet(1275);
  const int n = opus_encode_float(encoder_.get(), pcm, kFrameSamples, packet.data(),
                                  static_cast<opus_int32>(packet.size()));
  if (n < 0) return codec_error("Opus encode", n);
  packet.resize(static_cast<std::size_t>(n));
  return packet;
}

void VoiceDecoder::Free::operator()(OpusDecoder* d) const { opus_decoder_destroy(d); }

VoiceDecoder::~VoiceDecoder() = default;

Result<VoiceDecoder> VoiceDecoder::create(int channels) {
  if (!valid_channels(channels)) return Error{"audio-codec", "Opus voice is mono or stereo."};
  int err = OPUS_OK;
  OpusDecoder* d = opus_decoder_create(kSampleRate, channels, &err);
  if (err != OPUS_OK || !d) return codec_error("Opus decoder", err);
  return VoiceDecoder(d, channels);
}

Result<std::vector<float>> VoiceDecoder::decode(const std::uint8_t* packet, std::size_t size) {
  constexpr int kMaxFrameSamples = kSampleRate * 120 / 1000;
  std::vector<float> pcm(static_cast<std::size_t>(kMaxFrameSamples * channels_));
  const int n = opus_decode_float(decoder_.get(), packet, static_cast<opus_int32>(size), pcm.data(),
                                  kMaxFrameSamples, 0);
  if (n < 0) return codec_error("Opus decode", n);
  pcm.resize(static_cast<std::size_t>(n * channels_));
  return pcm;
}

}  // namespace treff::audio
