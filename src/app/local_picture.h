// The picture of the person's own camera, one video for the join prompt's preview and the room's
// self-view alike: joining then shows the picture at once, where a new video would first wait for
// a frame (and the interface would be drawn again for it while the call is being set up).
#pragma once

#include <string>

#include "app/call_controller.h"
#include "platform/video_placement.h"

namespace treff::app {

class LocalPicture {
 public:
  explicit LocalPicture(platform::VideoPlacement& videos) : videos_(videos) {}
  ~LocalPicture() { close(); }
  LocalPicture(const LocalPicture&) = delete;
  LocalPicture& operator=(const LocalPicture&) = delete;

  // Opens the video when a camera track is there, closes it when the track goes, and opens it
  // again for another camera.
  void follow(const LocalMediaState& local);
  // 0 while there is no camera.
  platform::VideoHandle video() const { return video_; }

 private:
  void close();

  platform::VideoPlacement& videos_;
  platform::VideoHandle video_ = 0;
  std::string camera_id_;  // the camera the video shows
};

}  // namespace treff::app
