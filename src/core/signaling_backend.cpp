#include "core/signaling_backend.h"

namespace treff {

namespace {
// Layer heights of a 720 p camera (publishers send a quarter, half and all of their camera's
// height; wasm/rtc.js): 180, 360 and 720 px. A tile up to a quarter taller than a layer still
// takes that layer: scaling up that little is not seen, and it halves what is sent. Janus gives
// the next lower layer where a publisher sends fewer (a smaller camera).
constexpr float kSmallLayerPx = 180 * 1.25f;
constexpr float kMediumLayerPx = 360 * 1.25f;
}  // namespace

VideoSize video_size_for_height(float device_px) {
  if (device_px <= 0) return VideoSize::Off;
  if (device_px <= kSmallLayerPx) return VideoSize::Small;
  if (device_px <= kMediumLayerPx) return VideoSize::Medium;
  return VideoSize::Large;
}

}  // namespace treff
