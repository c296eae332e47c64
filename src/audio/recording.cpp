#include "audio/recording.h"

#include <cmath>

namespace treff::audio {

Result<Recording> Recording::start(const OggOpusWriter::Options& options) {
  auto writer = OggOpusWriter::create(options);
  if (!writer) return writer.error();
  return Recording(std::move(writer).value(), options.input_rate);
}

Status Recording::add(const float* pcm, int samples_per_channel) {
  auto written = writer_.write(pcm, samples_per_channel);
  if (!written) return written;
  const std::int64_t n = static_cast<std::int64_t>(samples_per_channel) * writer_.channels();
  for (std::int64_t i = 0; i < n; ++i) {
    const double s = pcm[i];
    sum_of_squares_ += s * s;
    peak_ = std::max(peak_, std::fabs(s));
  }
  samples_ += n;
  return Ok{};
}

Status Recording::finish() { return writer_.finish(); }

double Recording::seconds() const {
  return static_cast<double>(writer_.samples_written()) / static_cast<double>(input_rate_);
}

Loudness Recording::loudness() const {
  if (samples_ == 0) return {};
  return {std::sqrt(sum_of_squares_ / static_cast<double>(samples_)), peak_};
}

}  // namespace treff::audio
