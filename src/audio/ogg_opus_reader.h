// Reads an Ogg Opus file held in memory (a voice message) with libogg's framing, checking what a
// file posing as one could get wrong: that it is Opus at all, that no page is damaged or missing,
// that it is not cut off, and how long it really plays. The server checks uploads with it; the
// tests and players decode with it.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "core/result.h"

namespace treff::audio {

struct OggOpusFile {
  int channels = 0;
  int pre_skip = 0;         // samples at 48 kHz the decoder's first output is ahead by
  std::uint32_t input_rate = 0;  // what the recording was made at (informative only)
  std::int64_t samples = 0;      // playable samples per channel at 48 kHz, pre-skip removed
  std::string vendor;
  std::vector<std::string> comments;  // "TAG=value"
  std::vector<std::vector<std::uint8_t>> packets;

  double seconds() const { return static_cast<double>(samples) / 48000.0; }
};

struct OggOpusLimits {
  std::size_t max_comment_bytes = 64 * 1024;
  std::size_t max_packets = 3 * 60 * 60 * 50;  // three hours of 20 ms packets
};

// Error codes: "audio-not-opus" (another format, or no Opus header), "audio-damaged" (a page
// fails its checksum, a page is missing, an Opus packet is invalid), "audio-truncated" (the file
// ends before its stream does).
Result<OggOpusFile> read_ogg_opus(const std::uint8_t* data, std::size_t size,
                                  const OggOpusLimits& limits = {});

// The file's sound, interleaved, pre-skip and end trimming applied.
Result<std::vector<float>> decode_ogg_opus(const OggOpusFile& file);

}  // namespace treff::audio
