#include "app/prejoin_preview.h"

#include <algorithm>
#include <cmath>

namespace treff::app {

bool PrejoinPreview::update(const LocalMediaState& local, platform::VideoHandle picture, double now_ms) {
  bool changed = false;
  if (picture != video_) {
    video_ = picture;
    changed = status_.frames > 0;  // the old picture goes
    status_ = {};
  }
  if (video_) {
    const platform::VideoStatus now = videos_.status(video_);
    changed |= platform::looks_different(status_, now);
    status_ = now;
  }

  if (local.has_audio && !meter_) meter_ = levels_.watch_local();
  if (!local.has_audio && meter_) {
    levels_.unwatch(meter_);
    meter_ = 0;
    level_ = 0;
    changed = true;
  }
  // Ten samples a second move the meter smoothly enough; each one redraws.
  if (meter_ && now_ms >= next_sample_ms_) {
    next_sample_ms_ = now_ms + 100;
    const double rms = levels_.level(meter_);
    const double db = rms > 0 ? 20.0 * std::log10(rms) : -100.0;
    const float level = static_cast<float>(std::clamp((db + 60.0) / 60.0, 0.0, 1.0));
    changed |= std::fabs(level - level_) > 0.01f;
    level_ = level;
  }
  return changed;
}

void PrejoinPreview::close() {
  if (meter_) levels_.unwatch(meter_);
  video_ = 0;
  meter_ = 0;
  status_ = {};
  level_ = 0;
}

}  // namespace treff::app
