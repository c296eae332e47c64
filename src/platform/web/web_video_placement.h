// VideoPlacement on wasm/video.js.
#pragma once

#include "platform/video_placement.h"

namespace treff::platform {

class WebVideoPlacement final : public VideoPlacement {
 public:
  VideoHandle open_local() override;
  VideoHandle open_remote(const RemoteSource& source) override;
  VideoStatus status(VideoHandle video) override;
  void place(const std::vector<VideoRect>& shown) override;
  void close(VideoHandle video) override;
};

}  // namespace treff::platform
