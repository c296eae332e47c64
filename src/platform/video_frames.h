// Video of a participant as a texture the UI can draw.
#pragma once

#include <cstdint>

#include "platform/peer_connections.h"

namespace treff::platform {

using VideoHandle = std::uint32_t;  // 0: none

class VideoFrames {
 public:
  virtual ~VideoFrames() = default;
  virtual VideoHandle open_local() = 0;  // 0 when there is no camera
  virtual VideoHandle open_remote(PeerHandle peer) = 0;
  // Uploads a new frame into `texture` when one arrived; then true, with the frame size.
  virtual bool update(VideoHandle video, unsigned texture, int& width, int& height) = 0;
  virtual void close(VideoHandle video) = 0;
};

}  // namespace treff::platform
