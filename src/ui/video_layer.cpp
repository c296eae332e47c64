#include "ui/video_layer.h"

namespace treff::ui::video_layer {
namespace {

std::vector<Picture> g_pictures;

}  // namespace

void begin_frame() { g_pictures.clear(); }

void show(ImDrawList* dl, std::uint32_t video, ImVec2 min, ImVec2 max, float radius, bool mirror) {
  dl->AddImageRounded(kVideoHole, min, max, ImVec2(0, 0), ImVec2(1, 1), IM_COL32_WHITE, radius);
  g_pictures.push_back({video, min, max, radius, mirror});
}

const std::vector<Picture>& pictures() { return g_pictures; }

}  // namespace treff::ui::video_layer
