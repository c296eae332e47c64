// Ogg Opus files made while audio comes in (voice messages, call recordings), by libopusenc.
// The file's bytes come out page by page as they are complete, so a caller streams them on
// (to an upload, to a download) and a two-hour recording never sits in memory.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "audio/opus_voice.h"
#include "core/result.h"

struct OggOpusEnc;

namespace treff::audio {

class OggOpusWriter {
 public:
  struct Options {
    int channels = 1;
    int bitrate = kCallBitrate;
    std::string title;  // the TITLE comment players show; empty: none
    // The rate the samples come at (a browser's AudioContext runs at 44.1 or 48 kHz); libopusenc
    // resamples to Opus' 48 kHz.
    int input_rate = kSampleRate;
    // Opus' VoIP tuning, as WebRTC encodes a call's voice (else its music tuning).
    bool voice = false;
  };

  static Result<OggOpusWriter> create(const Options& options);
  OggOpusWriter(OggOpusWriter&&) noexcept = default;
  OggOpusWriter& operator=(OggOpusWriter&&) noexcept = default;
  ~OggOpusWriter();

  // Adds samples_per_channel interleaved samples at the input rate (-1..1), any number at a time.
  Status write(const float* pcm, int samples_per_channel);
  // Encodes what is still buffered and ends the stream; nothing may be written after it.
  Status finish();
  // The file's bytes completed since the last call (empty while a page is still filling).
  std::vector<std::uint8_t> take_bytes();

  std::int64_t samples_written() const { return samples_written_; }
  int channels() const { return channels_; }

 private:
  struct Free {
    void operator()(OggOpusEnc* e) const;
  };
  OggOpusWriter(OggOpusEnc* e, int channels) : encoder_(e), channels_(channels) {}
  void collect_pages(bool flush);

  std::unique_ptr<OggOpusEnc, Free> encoder_;
  int channels_;
  std::int64_t samples_written_ = 0;
  bool finished_ = false;
  std::vector<std::uint8_t> pending_;
};

}  // namespace treff::audio
