// VideoFrames on wasm/video.js.
#pragma once

#include <string>

#include "platform/video_frames.h"

namespace treff::platform {

class WebVideoFrames final : public VideoFrames {
 public:
  VideoHandle open_local() override;
  VideoHandle open_remote(PeerHandle peer) override;
  bool update(VideoHandle video, unsigned texture, int& width, int& height) override;
  void close(VideoHandle video) override;

  // The speaker remote sound plays on ("": the system's default), where the browser lets a page
  // choose (HTMLMediaElement.setSinkId).
  static bool speaker_choice_supported();
  void set_speaker(const std::string& device_id);
};

}  // namespace treff::platform
