#include "core/active_speaker.h"

namespace treff {

void ActiveSpeakerDetector::add_level(const std::string& id, double level) {
  auto [it, fresh] = smoothed_.emplace(id, level);
  if (!fresh) it->second += tuning_.smoothing * (level - it->second);
}

void ActiveSpeakerDetector::remove(const std::string& id) {
  smoothed_.erase(id);
  if (speaker_ == id) speaker_.reset();
  if (challenger_ == id) challenger_.reset();
}

const std::optional<std::string>& ActiveSpeakerDetector::update(std::int64_t now_ms) {
  const std::string* loudest = nullptr;
  double loudest_level = tuning_.speaking_level;
  for (const auto& [id, level] : smoothed_) {
    if (level > loudest_level) {
      loudest = &id;
      loudest_level = level;
    }
  }
  if (!loudest || (speaker_ && *loudest == *speaker_)) {
    challenger_.reset();
    return speaker_;
  }
  if (!speaker_) {  // nobody holds the floor: the first clear voice takes it at once
    speaker_ = *loudest;
    challenger_.reset();
    return speaker_;
  }
  const double current = smoothed_.count(*speaker_) ? smoothed_[*speaker_] : 0.0;
  const bool current_speaking = current > tuning_.speaking_level;
  if (current_speaking && loudest_level < current * tuning_.takeover_ratio) {
    challenger_.reset();
    return speaker_;
  }
  if (challenger_ != *loudest) {
    challenger_ = *loudest;
    challenger_since_ = now_ms;
  } else if (now_ms - challenger_since_ >= tuning_.takeover_ms) {
    speaker_ = *loudest;
    challenger_.reset();
  }
  return speaker_;
}

}  // namespace treff
