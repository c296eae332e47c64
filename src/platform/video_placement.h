// Video of the people in a call, shown by the browser itself: each picture is a <video> element
// under the canvas, where the interface leaves a transparent hole for it. The browser's compositor
// then shows every new frame without waking the interface, which is redrawn only when it changes.
#pragma once

#include <cstdint>
#include <vector>

#include "platform/peer_connections.h"

namespace treff::platform {

using VideoHandle = std::uint32_t;  // 0: none

// What the decoder has given so far: frames decoded and the picture's size (0 before the first).
struct VideoStatus {
  long frames = 0;
  int width = 0, height = 0;
};

// Whether the screen must change from `before` to `now`: a first picture came (or went), or the
// picture's shape changed. New frames alone change nothing: the browser shows them.
inline bool looks_different(const VideoStatus& before, const VideoStatus& now) {
  return (now.frames > 0) != (before.frames > 0) || now.width != before.width || now.height != before.height;
}

// One picture on screen: where (CSS px of the page), how round its corners are, and whether it is
// shown mirrored (the self-view; what is sent stays as the camera sees it).
struct VideoRect {
  VideoHandle video = 0;
  float x = 0, y = 0, w = 0, h = 0, radius = 0;
  bool mirror = false;
};
inline bool operator==(const VideoRect& a, const VideoRect& b) {
  return a.video == b.video && a.x == b.x && a.y == b.y && a.w == b.w && a.h == b.h && a.radius == b.radius &&
         a.mirror == b.mirror;
}

class VideoPlacement {
 public:
  virtual ~VideoPlacement() = default;
  virtual VideoHandle open_local() = 0;  // 0 when there is no camera
  virtual VideoHandle open_remote(const RemoteSource& source) = 0;  // 0 when it has no video
  virtual VideoStatus status(VideoHandle video) = 0;
  // Shows exactly these pictures at these places and hides every other.
  virtual void place(const std::vector<VideoRect>& shown) = 0;
  virtual void close(VideoHandle video) = 0;
};

}  // namespace treff::platform
