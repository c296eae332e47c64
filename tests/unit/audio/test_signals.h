// Test sounds and how close a decoded sound is to them, for the audio tests.
#pragma once

#include <cmath>
#include <cstddef>
#include <vector>

namespace treff::audio::testing {

// Interleaved tones: channel c plays frequencies[c] at amplitude 0.3.
inline std::vector<float> tones(const std::vector<double>& frequencies, double seconds) {
  const std::size_t channels = frequencies.size();
  const auto frames = static_cast<std::size_t>(seconds * 48000.0);
  std::vector<float> pcm(frames * channels);
  for (std::size_t i = 0; i < frames; ++i)
    for (std::size_t c = 0; c < channels; ++c)
      pcm[i * channels + c] = static_cast<float>(0.3 * std::sin(2.0 * M_PI * frequencies[c] * static_cast<double>(i) / 48000.0));
  return pcm;
}

// Signal-to-noise ratio in dB of `decoded` against `original`, decoded lagging by `delay` frames,
// over the frames both have, skipping the first `settle` frames (the codec's start-up).
inline double snr_db(const std::vector<float>& original, const std::vector<float>& decoded,
                     std::size_t channels, std::size_t delay, std::size_t settle) {
  double signal = 0, noise = 0;
  const std::size_t frames = std::min(original.size() / channels, decoded.size() / channels - delay);
  for (std::size_t i = settle; i < frames; ++i)
    for (std::size_t c = 0; c < channels; ++c) {
      const double s = original[i * channels + c];
      const double d = decoded[(i + delay) * channels + c] - s;
      signal += s * s;
      noise += d * d;
    }
  return 10.0 * std::log10(signal / std::max(noise, 1e-20));
}

}  // namespace treff::audio::testing
