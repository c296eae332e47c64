// VideoFrames on wasm/video.js.
#pragma once

#include "platform/video_frames.h"

namespace treff::platform {

class WebVideoFrames final : public VideoFrames {
 public:
  VideoHandle open_local() override;
  VideoHandle open_remote(PeerHandle peer) override;
  bool update(VideoHandle video, unsigned texture, int& width, int& height) override;
  void close(VideoHandle video) override;
};

}  // namespace treff::platform
