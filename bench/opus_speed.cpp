// How fast the Opus encoder Treff ships runs: the same source, built natively and to wasm, encodes
// the same 20 s of voice-like sound at the call's bitrate, 20 ms at a time as the recorder does.
// Prints ×realtime (seconds of sound encoded per second) per channel count.
// Run both builds with bench/opus_speed.sh for the wasm/native ratio.
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <vector>

#include "audio/opus_voice.h"

namespace {

using treff::audio::kFrameSamples;
using treff::audio::kSampleRate;

// Voice-like test sound: a pitch gliding between 100 and 250 Hz with ten harmonics, syllables of
// about 250 ms, a little noise (fixed seed); channel 2 lags a few ms so stereo is not mono twice.
std::vector<float> voice_like(int channels, double seconds) {
  const auto frames = static_cast<std::size_t>(seconds * kSampleRate);
  std::vector<float> pcm(frames * static_cast<std::size_t>(channels));
  std::uint32_t seed = 12345;
  for (int c = 0; c < channels; ++c) {
    double phase = 0;
    for (std::size_t i = 0; i < frames; ++i) {
      const double t = static_cast<double>(i) / kSampleRate - 0.003 * c;
      const double pitch = 175 + 75 * std::sin(2 * M_PI * 0.7 * t);
      phase += 2 * M_PI * pitch / kSampleRate;
      double v = 0;
      for (int h = 1; h <= 10; ++h) v += std::sin(h * phase) / h;
      const double syllable = std::max(0.0, std::sin(2 * M_PI * 2.0 * t));
      seed = seed * 1664525u + 1013904223u;
      const double noise = (static_cast<double>(seed >> 8) / (1 << 24) - 0.5) * 0.02;
      pcm[i * static_cast<std::size_t>(channels) + static_cast<std::size_t>(c)] =
          static_cast<float>(0.2 * v * syllable + noise);
    }
  }
  return pcm;
}

// Best of `rounds` timings (wall clock: wasm's clock() is one too), in seconds of sound per second.
double times_realtime(int channels, int rounds) {
  const double seconds = 20.0;
  const auto pcm = voice_like(channels, seconds);
  const std::size_t frame = static_cast<std::size_t>(kFrameSamples * channels);
  double best = 0;
  std::size_t bytes = 0;
  for (int r = 0; r < rounds; ++r) {
    auto encoder = treff::audio::VoiceEncoder::create(channels, treff::audio::kCallBitrate * channels);
    if (!encoder) {
      std::fprintf(stderr, "%s\n", encoder.error().message.c_str());
      return 0;
    }
    bytes = 0;
    const auto start = std::chrono::steady_clock::now();
    for (std::size_t at = 0; at + frame <= pcm.size(); at += frame)
      bytes += encoder.value().encode(pcm.data() + at, frame).value().size();
    const std::chrono::duration<double> took = std::chrono::steady_clock::now() - start;
    best = std::max(best, seconds / took.count());
  }
  std::printf("  %s: %.0fx realtime (%zu bytes for %.0f s)\n", channels == 1 ? "mono  " : "stereo",
              best, bytes, seconds);
  return best;
}

}  // namespace

int main() {
#ifdef __EMSCRIPTEN__
  std::printf("wasm (node), %s\n", treff::audio::codec_version().c_str());
#else
  std::printf("native, %s\n", treff::audio::codec_version().c_str());
#endif
  const double mono = times_realtime(1, 5);
  const double stereo = times_realtime(2, 5);
  // A line the shell script reads.
  std::printf("RESULT mono=%.1f stereo=%.1f\n", mono, stereo);
  return mono > 0 && stereo > 0 ? 0 : 1;
}
