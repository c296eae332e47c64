#include "app/local_picture.h"

namespace treff::app {

void LocalPicture::follow(const LocalMediaState& local) {
  if (video_ && (!local.has_video || local.camera_id != camera_id_)) close();
  if (!video_ && local.has_video) {
    video_ = videos_.open_local();
    camera_id_ = local.camera_id;
  }
}

void LocalPicture::close() {
  if (video_) videos_.close(video_);
  video_ = 0;
  camera_id_.clear();
}

}  // namespace treff::app
