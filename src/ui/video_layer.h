// The pictures a frame shows: the screens say where each person's video goes, and leave the canvas
// transparent there (a hole drawn with kVideoHole); the app hands the list to the browser, which
// shows the video under the canvas. Collected per frame, the way the automation tree is.
#pragma once

#include <imgui.h>

#include <cstdint>
#include <vector>

namespace treff::ui::video_layer {

// A draw list "texture" the renderer does not sample: it erases what is under the shape (with its
// antialiased edge), so the canvas is transparent there.
inline const ImTextureID kVideoHole = reinterpret_cast<ImTextureID>(~std::uintptr_t{0});

struct Picture {
  std::uint32_t video = 0;
  ImVec2 min, max;  // CSS px of the page
  float radius = 0;
  bool mirror = false;
};

void begin_frame();
// Shows `video` in the rectangle min..max of the current window's draw list, with rounded corners,
// mirrored for the self-view. Its clip rectangle cuts the hole (a scrolled screen), not the list.
void show(ImDrawList* dl, std::uint32_t video, ImVec2 min, ImVec2 max, float radius, bool mirror);
const std::vector<Picture>& pictures();

}  // namespace treff::ui::video_layer
