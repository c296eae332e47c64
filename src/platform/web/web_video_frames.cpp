#include "platform/web/web_video_frames.h"

extern "C" {
std::uint32_t treff_video_open_local();
std::uint32_t treff_video_open_remote(std::uint32_t peer);
int treff_video_update(std::uint32_t video, unsigned texture, int* size);
void treff_video_close(std::uint32_t video);
}

namespace treff::platform {

VideoHandle WebVideoFrames::open_local() { return treff_video_open_local(); }
VideoHandle WebVideoFrames::open_remote(PeerHandle peer) { return treff_video_open_remote(peer); }

bool WebVideoFrames::update(VideoHandle video, unsigned texture, int& width, int& height) {
  int size[2] = {0, 0};
  if (!treff_video_update(video, texture, size)) return false;
  width = size[0];
  height = size[1];
  return true;
}

void WebVideoFrames::close(VideoHandle video) { treff_video_close(video); }

}  // namespace treff::platform
