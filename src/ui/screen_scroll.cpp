#include "ui/screen_scroll.h"

#include <imgui.h>
#include <imgui_internal.h>

#include <algorithm>
#include <string>

#include "ui/automation.h"

namespace treff::ui::scroll {
namespace {

std::string g_screen;        // whose offset this is
float g_offset = 0;          // CSS px the window is moved up
float g_content_height = 0;  // of the window as last drawn
float g_top = 0;             // where the window's top is before scrolling (screen y)
float g_visible_bottom = 0;  // what lies below is scrolled to
float g_pending = 0;         // wheel and drag since the last frame
bool g_moved = false;
unsigned g_seen_focus = 0;   // the focused widget last brought into view
int g_shown_frame = -1;      // the last frame that drew the window

constexpr float kFocusMargin = 16;  // a focused widget keeps this much room to the window's edge

void set_offset(float offset) {
  offset = std::clamp(offset, 0.0f, std::max(0.0f, g_top + g_content_height - g_visible_bottom));
  if (offset == g_offset) return;
  g_offset = offset;
  g_moved = true;
}

}  // namespace

void place_window(const char* id, ImVec2 pos, float width, float min_height, float visible_bottom) {
  const bool shown_before = g_shown_frame >= ImGui::GetFrameCount() - 1;
  if (g_screen != id || !shown_before) g_screen = id, g_offset = 0, g_content_height = 0, g_pending = 0, g_seen_focus = 0;
  g_top = pos.y;
  g_visible_bottom = visible_bottom;
  ImGui::SetNextWindowPos(ImVec2(pos.x, pos.y - g_offset));
  ImGui::SetNextWindowSize(ImVec2(width, std::max(min_height, g_content_height)));
}

void place_screen(const char* id) {
  const ImGuiViewport* vp = ImGui::GetMainViewport();
  place_window(id, vp->WorkPos, vp->WorkSize.x, vp->WorkSize.y, vp->WorkPos.y + vp->WorkSize.y);
}

void unclip() {
  const ImGuiWindow* window = ImGui::GetCurrentWindow();
  ImGui::PushClipRect(window->Pos, ImVec2(window->Pos.x + window->Size.x, window->Pos.y + window->Size.y), false);
}

void finish_window() {
  ImGui::PopClipRect();
  g_shown_frame = ImGui::GetFrameCount();
  const ImGuiWindow* window = ImGui::GetCurrentWindow();
  g_content_height = window->DC.CursorMaxPos.y - window->Pos.y + ImGui::GetStyle().WindowPadding.y;
  float offset = g_offset + g_pending;
  g_pending = 0;
  // Keyboard focus moved to a widget (Tab, or a screen that puts it in a field): it comes into view
  // once; after that the person may scroll away from it.
  const unsigned focused = automation::focused_widget();
  if (focused != g_seen_focus) {
    for (const auto& node : automation::building()) {
      if (node.id != focused) continue;
      g_seen_focus = focused;
      const float top = node.y - kFocusMargin, bottom = node.y + node.h + kFocusMargin;
      if (top < 0) offset += top;
      else if (bottom > g_visible_bottom) offset += std::min(top, bottom - g_visible_bottom);
    }
  }
  set_offset(offset);
}

void by(float dy) {
  if (ImGui::GetFrameCount() != g_shown_frame) return;  // the room screen is showing: it does not scroll
  g_pending += dy;
  g_moved = true;
}

bool take_moved() {
  const bool moved = g_moved;
  g_moved = false;
  return moved;
}

}  // namespace treff::ui::scroll
