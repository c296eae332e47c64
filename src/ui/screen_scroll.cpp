#include "ui/screen_scroll.h"

#include <imgui.h>
#include <imgui_internal.h>

#include <algorithm>
#include <string>

#include "ui/automation.h"

namespace treff::ui::scroll {
namespace {

std::string g_screen;        // whose offset this is
float g_offset = 0;          // CSS px the screen is moved up
float g_content_height = 0;  // of the screen as last drawn
float g_pending = 0;         // wheel and drag since the last frame
bool g_moved = false;
unsigned g_seen_focus = 0;   // the focused widget last brought into view
int g_shown_frame = -1;      // the last frame that drew a scrolling screen

constexpr float kFocusMargin = 16;  // a focused widget keeps this much room to the window's edge

float display_height() { return ImGui::GetMainViewport()->WorkSize.y; }

void set_offset(float offset) {
  offset = std::clamp(offset, 0.0f, std::max(0.0f, g_content_height - display_height()));
  if (offset == g_offset) return;
  g_offset = offset;
  g_moved = true;
}

}  // namespace

void place_window(const char* id) {
  if (g_screen != id) g_screen = id, g_offset = 0, g_content_height = 0, g_pending = 0, g_seen_focus = 0;
  const ImGuiViewport* vp = ImGui::GetMainViewport();
  ImGui::SetNextWindowPos(ImVec2(vp->WorkPos.x, vp->WorkPos.y - g_offset));
  ImGui::SetNextWindowSize(ImVec2(vp->WorkSize.x, std::max(vp->WorkSize.y, g_content_height)));
}

void finish_window() {
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
      else if (bottom > display_height()) offset += std::min(top, bottom - display_height());
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
