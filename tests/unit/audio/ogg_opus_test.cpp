#include <gtest/gtest.h>
#include <ogg/ogg.h>

#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <iterator>
#include <string>

#include "audio/ogg_opus_reader.h"
#include "audio/ogg_opus_writer.h"
#include "test_signals.h"

namespace treff::audio {
namespace {

using Bytes = std::vector<std::uint8_t>;

// Writes `pcm` in 20 ms blocks, as the browser hands it over, and returns the whole file.
Bytes make_file(const std::vector<float>& pcm, int channels, const std::string& title = "") {
  auto writer = OggOpusWriter::create({channels, kCallBitrate * channels, title});
  EXPECT_TRUE(writer.ok());
  Bytes file;
  const std::size_t block = static_cast<std::size_t>(kFrameSamples * channels);
  for (std::size_t at = 0; at < pcm.size(); at += block) {
    const std::size_t n = std::min(block, pcm.size() - at);
    EXPECT_TRUE(writer.value().write(pcm.data() + at, static_cast<int>(n) / channels).ok());
    auto bytes = writer.value().take_bytes();
    file.insert(file.end(), bytes.begin(), bytes.end());
  }
  EXPECT_TRUE(writer.value().finish().ok());
  auto rest = writer.value().take_bytes();
  file.insert(file.end(), rest.begin(), rest.end());
  return file;
}

std::string save(const Bytes& file, const std::string& name) {
  const std::string path = ::testing::TempDir() + name;
  std::ofstream(path, std::ios::binary).write(reinterpret_cast<const char*>(file.data()),
                                               static_cast<std::streamsize>(file.size()));
  return path;
}

// Seconds of sound in a 16-bit WAV file, read from its "data" chunk.
double wav_seconds(const std::string& path, int channels) {
  std::ifstream in(path, std::ios::binary);
  const std::string wav((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  const auto at = wav.find("data");
  if (wav.size() < 12 || at == std::string::npos) return -1;
  const std::size_t bytes = wav.size() - at - 8;  // opusdec may leave the chunk size open
  return static_cast<double>(bytes) / (2.0 * channels * 48000.0);
}

std::vector<std::size_t> page_starts(const Bytes& file) {
  std::vector<std::size_t> starts;
  for (std::size_t i = 0; i + 4 <= file.size(); ++i)
    if (std::memcmp(file.data() + i, "OggS", 4) == 0) starts.push_back(i);
  return starts;
}

TEST(OggOpus, AFileReadsBackWithItsExactLengthAndTitle) {
  const auto file = make_file(testing::tones({440}, 3.0), 1, "Treff test");
  auto read = read_ogg_opus(file.data(), file.size());
  ASSERT_TRUE(read.ok()) << read.error().message;
  EXPECT_EQ(read.value().channels, 1);
  EXPECT_EQ(read.value().samples, 3 * 48000);
  EXPECT_DOUBLE_EQ(read.value().seconds(), 3.0);
  EXPECT_NE(read.value().vendor.find("libopusenc"), std::string::npos);
  ASSERT_EQ(read.value().comments.size(), 1u);
  EXPECT_EQ(read.value().comments[0], "TITLE=Treff test");
  // 3 s at 32 kbit/s is about 12 kB; headers and pages add a little.
  EXPECT_GT(file.size(), 8000u);
  EXPECT_LT(file.size(), 16000u);
}

TEST(OggOpus, DecodedFileMatchesWhatWentInAboveTheNoiseFloor) {
  const auto tone = testing::tones({440, 660}, 2.0);
  const auto file = make_file(tone, 2);
  auto read = read_ogg_opus(file.data(), file.size());
  ASSERT_TRUE(read.ok()) << read.error().message;
  auto pcm = decode_ogg_opus(read.value());
  ASSERT_TRUE(pcm.ok()) << pcm.error().message;
  ASSERT_EQ(pcm.value().size(), tone.size());  // pre-skip and end trimming line it up exactly
  // Files use libopusenc's music tuning (Opus' "audio" application): 37.8 dB here.
  const double snr = testing::snr_db(tone, pcm.value(), 2, 0, 4800);
  RecordProperty("snr_db", std::to_string(snr));
  EXPECT_GT(snr, 34.0);
}

TEST(OggOpus, OpusToolsAcceptTheFileAndDecodeItToTheRightDuration) {
  for (int channels : {1, 2}) {
    const auto file = make_file(testing::tones(channels == 1 ? std::vector<double>{440} : std::vector<double>{440, 660}, 5.0), channels);
    const auto path = save(file, "tone" + std::to_string(channels) + ".opus");
    const auto wav = path + ".wav";
    EXPECT_EQ(std::system(("opusinfo " + path + " > " + path + ".info 2>&1").c_str()), 0)
        << "opusinfo refused the file (see " << path << ".info)";
    ASSERT_EQ(std::system(("opusdec --quiet " + path + " " + wav).c_str()), 0);
    EXPECT_NEAR(wav_seconds(wav, channels), 5.0, 0.001);
  }
}

TEST(OggOpus, PagesComeOutWhileRecordingSoMemoryStaysFlat) {
  auto writer = OggOpusWriter::create({});
  ASSERT_TRUE(writer.ok());
  const auto second = testing::tones({440}, 1.0);
  std::size_t largest_take = 0, total = 0;
  for (int s = 0; s < 120; ++s)  // two minutes
    for (std::size_t at = 0; at < second.size(); at += kFrameSamples) {
      ASSERT_TRUE(writer.value().write(second.data() + at, kFrameSamples).ok());
      const auto bytes = writer.value().take_bytes();
      largest_take = std::max(largest_take, bytes.size());
      total += bytes.size();
    }
  EXPECT_GT(total, 400000u);          // ~4 kB/s came out during the recording...
  EXPECT_LT(largest_take, 4096u);     // ...a page of at most ~200 ms at a time
  ASSERT_TRUE(writer.value().finish().ok());
  EXPECT_FALSE(writer.value().write(second.data(), kFrameSamples).ok());
}

TEST(OggOpus, ANonOggOrNonOpusFileIsNamedAsSuch) {
  const std::string wav = "RIFF\x24\x00\x00\x00WAVEfmt ";
  auto read = read_ogg_opus(reinterpret_cast<const std::uint8_t*>(wav.data()), wav.size());
  EXPECT_EQ(read.error().code, "audio-not-opus");

  // A real Ogg stream whose first packet is Vorbis' identification header.
  ogg_stream_state stream;
  ogg_stream_init(&stream, 1234);
  unsigned char vorbis[30] = {1, 'v', 'o', 'r', 'b', 'i', 's'};
  ogg_packet packet{vorbis, sizeof vorbis, 1, 1, 0, 0};
  ogg_stream_packetin(&stream, &packet);
  ogg_page page;
  Bytes file;
  while (ogg_stream_flush(&stream, &page)) {
    file.insert(file.end(), page.header, page.header + page.header_len);
    file.insert(file.end(), page.body, page.body + page.body_len);
  }
  ogg_stream_clear(&stream);
  read = read_ogg_opus(file.data(), file.size());
  EXPECT_EQ(read.error().code, "audio-not-opus") << read.error().message;
}

TEST(OggOpus, ACutOffFileIsTruncatedWhereverItIsCut) {
  const auto file = make_file(testing::tones({440}, 2.0), 1);
  for (std::size_t keep : {std::size_t{30}, std::size_t{100}, file.size() / 2, file.size() - 1}) {
    auto read = read_ogg_opus(file.data(), keep);
    ASSERT_FALSE(read.ok()) << keep;
    EXPECT_EQ(read.error().code, "audio-truncated") << keep << ": " << read.error().message;
  }
}

TEST(OggOpus, ADamagedOrMissingPageIsFound) {
  const auto file = make_file(testing::tones({440}, 2.0), 1);
  const auto starts = page_starts(file);
  ASSERT_GE(starts.size(), 5u);

  Bytes flipped = file;
  flipped[starts[3] + 40] ^= 0x55;  // inside a page's audio: its checksum no longer matches
  EXPECT_EQ(read_ogg_opus(flipped.data(), flipped.size()).error().code, "audio-damaged");

  Bytes gap(file.begin(), file.begin() + static_cast<std::ptrdiff_t>(starts[3]));
  gap.insert(gap.end(), file.begin() + static_cast<std::ptrdiff_t>(starts[4]), file.end());
  EXPECT_EQ(read_ogg_opus(gap.data(), gap.size()).error().code, "audio-damaged");

  Bytes twice = file;
  twice.insert(twice.end(), file.begin(), file.end());
  EXPECT_FALSE(read_ogg_opus(twice.data(), twice.size()).ok());
}

}  // namespace
}  // namespace treff::audio
