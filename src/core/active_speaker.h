// Decides who is speaking from audio levels, with hysteresis in time and in loudness so the large
// view does not flicker between people who talk over each other or cough once.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>

namespace treff {

struct ActiveSpeakerTuning {
  double speaking_level = 0.02;    // smoothed level (0..1 RMS) above which someone counts as speaking
  double takeover_ratio = 1.5;     // a challenger must be this much louder than a still-speaking speaker
  std::int64_t takeover_ms = 700;  // ... for this long without interruption
  double smoothing = 0.3;          // weight of a new sample in the moving average
};

class ActiveSpeakerDetector {
 public:
  explicit ActiveSpeakerDetector(ActiveSpeakerTuning tuning = {}) : tuning_(tuning) {}

  // Feeds one level sample (0..1) of a participant; samples should come at a steady rate.
  void add_level(const std::string& id, double level);
  void remove(const std::string& id);

  // Re-evaluates at `now_ms` (a monotonic clock); returns the speaker (who stays the speaker through silence).
  const std::optional<std::string>& update(std::int64_t now_ms);
  const std::optional<std::string>& speaker() const { return speaker_; }

 private:
  ActiveSpeakerTuning tuning_;
  std::map<std::string, double> smoothed_;
  std::optional<std::string> speaker_;
  std::optional<std::string> challenger_;
  std::int64_t challenger_since_ = 0;
};

}  // namespace treff
