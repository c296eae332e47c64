#include "audio/opus_voice.h"

#include <gtest/gtest.h>

#include "test_signals.h"

namespace treff::audio {
namespace {

// Encodes `pcm` 20 ms at a time and decodes every packet again.
std::vector<float> round_trip(const std::vector<float>& pcm, int channels, int bitrate, int* delay) {
  auto encoder = VoiceEncoder::create(channels, bitrate);
  auto decoder = VoiceDecoder::create(channels);
  EXPECT_TRUE(encoder.ok() && decoder.ok());
  *delay = encoder.value().delay();
  std::vector<float> out;
  const std::size_t frame = static_cast<std::size_t>(kFrameSamples * channels);
  for (std::size_t at = 0; at + frame <= pcm.size(); at += frame) {
    auto packet = encoder.value().encode(pcm.data() + at, frame);
    EXPECT_TRUE(packet.ok());
    EXPECT_LE(packet.value().size(), static_cast<std::size_t>(bitrate / 8 / 50 * 2));
    auto decoded = decoder.value().decode(packet.value());
    EXPECT_TRUE(decoded.ok());
    EXPECT_EQ(decoded.value().size(), frame);
    out.insert(out.end(), decoded.value().begin(), decoded.value().end());
  }
  return out;
}

// The floors sit 3 dB under what libopus 1.3.1 gives here with the VoIP tuning WebRTC uses (mono
// 440 Hz at the call's 32 kbit/s: 12.2 dB; stereo 440/660 Hz at 64 kbit/s: 15.9 dB; SILK matches
// the waveform loosely and high-passes the input), so a broken build, a wrong bitrate or
// misaligned samples fail (they give 0 dB or less) while compilers' rounding does not.
TEST(OpusVoice, MonoToneComesBackAboveTheNoiseFloorAtTheCallBitrate) {
  const auto tone = testing::tones({440}, 1.0);
  int delay = 0;
  const auto decoded = round_trip(tone, 1, kCallBitrate, &delay);
  EXPECT_EQ(delay, 312);  // 6.5 ms at 48 kHz for the VoIP application
  const double snr = testing::snr_db(tone, decoded, 1, static_cast<std::size_t>(delay), 4800);
  RecordProperty("snr_db", std::to_string(snr));
  EXPECT_GT(snr, 9.0);
}

TEST(OpusVoice, StereoKeepsEachChannelApart) {
  const auto tone = testing::tones({440, 660}, 1.0);
  int delay = 0;
  const auto decoded = round_trip(tone, 2, 2 * kCallBitrate, &delay);
  const double snr = testing::snr_db(tone, decoded, 2, static_cast<std::size_t>(delay), 4800);
  RecordProperty("snr_db", std::to_string(snr));
  EXPECT_GT(snr, 12.0);
  // Swapped channels would be all noise.
  std::vector<float> swapped(decoded.size());
  for (std::size_t i = 0; i + 1 < decoded.size(); i += 2) {
    swapped[i] = decoded[i + 1];
    swapped[i + 1] = decoded[i];
  }
  EXPECT_LT(testing::snr_db(tone, swapped, 2, static_cast<std::size_t>(delay), 4800), 3.0);
}

TEST(OpusVoice, SilenceStaysSilent) {
  const std::vector<float> silence(48000, 0.0f);
  int delay = 0;
  double energy = 0;
  for (float s : round_trip(silence, 1, kCallBitrate, &delay)) energy += static_cast<double>(s) * s;
  EXPECT_LT(energy, 1e-4);
}

TEST(OpusVoice, RefusesWrongFrameSizesChannelsAndGarbage) {
  auto encoder = VoiceEncoder::create();
  ASSERT_TRUE(encoder.ok());
  std::vector<float> short_frame(100, 0.0f);
  EXPECT_EQ(encoder.value().encode(short_frame).error().code, "audio-codec");
  EXPECT_FALSE(VoiceEncoder::create(3).ok());
  EXPECT_FALSE(VoiceDecoder::create(0).ok());
  auto decoder = VoiceDecoder::create();
  ASSERT_TRUE(decoder.ok());
  // A TOC byte asking for code 3 (many frames) with no frame count is invalid.
  const std::vector<std::uint8_t> garbage{0x03};
  EXPECT_EQ(decoder.value().decode(garbage).error().code, "audio-codec");
}

TEST(OpusVoice, CheckCodecNamesTheLibrary) {
  EXPECT_NE(check_codec().find("libopus 1.3.1"), std::string::npos) << check_codec();
}

}  // namespace
}  // namespace treff::audio
