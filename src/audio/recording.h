// One recording in progress (the microphone test, a voice message, a call): the sound goes into
// an Ogg Opus file and its loudness is measured on the way, so the page can tell "we heard
// nothing" from a working microphone. Runs in the audio worker, never on the page's main thread.
#pragma once

#include <cstdint>
#include <vector>

#include "audio/ogg_opus_writer.h"
#include "core/result.h"

namespace treff::audio {

struct Loudness {
  double rms = 0;   // 0..1 over everything so far
  double peak = 0;  // 0..1, the loudest sample
};

class Recording {
 public:
  static Result<Recording> start(const OggOpusWriter::Options& options);

  Status add(const float* pcm, int samples_per_channel);
  Status finish();
  // The file's bytes completed since the last call.
  std::vector<std::uint8_t> take_bytes() { return writer_.take_bytes(); }

  double seconds() const;
  Loudness loudness() const;

 private:
  Recording(OggOpusWriter writer, int input_rate) : writer_(std::move(writer)), input_rate_(input_rate) {}
  OggOpusWriter writer_;
  int input_rate_;
  double sum_of_squares_ = 0;
  double peak_ = 0;
  std::int64_t samples_ = 0;  // all channels
};

}  // namespace treff::audio
