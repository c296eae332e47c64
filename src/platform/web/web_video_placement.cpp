#include "platform/web/web_video_placement.h"

extern "C" {
std::uint32_t treff_video_open_local();
std::uint32_t treff_video_open_remote(std::uint32_t peer, const char* mids);
void treff_video_status(std::uint32_t video, double* out);
void treff_video_place(const float* rects, int count);
void treff_video_close(std::uint32_t video);
}

namespace treff::platform {

VideoHandle WebVideoPlacement::open_local() { return treff_video_open_local(); }
VideoHandle WebVideoPlacement::open_remote(const RemoteSource& source) {
  return treff_video_open_remote(source.peer, source.mid_list().c_str());
}

VideoStatus WebVideoPlacement::status(VideoHandle video) {
  double out[3] = {0, 0, 0};
  treff_video_status(video, out);
  return {static_cast<long>(out[0]), static_cast<int>(out[1]), static_cast<int>(out[2])};
}

void WebVideoPlacement::place(const std::vector<VideoRect>& shown) {
  // Seven numbers a picture, as wasm/video.js reads them: handle, x, y, w, h, radius, mirror.
  std::vector<float> flat;
  flat.reserve(shown.size() * 7);
  for (const VideoRect& r : shown)
    flat.insert(flat.end(), {static_cast<float>(r.video), r.x, r.y, r.w, r.h, r.radius, r.mirror ? 1.0f : 0.0f});
  treff_video_place(flat.data(), static_cast<int>(shown.size()));
}

void WebVideoPlacement::close(VideoHandle video) { treff_video_close(video); }

}  // namespace treff::platform
