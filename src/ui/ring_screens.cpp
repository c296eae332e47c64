// A ring on screen: for the person rung, the caller's photo and name with "Opnemen" and "Weigeren"
// and how long it still rings; for the caller, a bar in the room with the time left and "Stop".
#include <algorithm>

#include "ui/calling_catalog.h"
#include "ui/calling_screens.h"
#include "ui/screens.h"
#include "ui/widgets.h"

namespace treff::ui {
namespace {

constexpr float kGap = 16;

// The time left, as a bar that empties.
void time_bar(float left, float width) {
  ImDrawList* dl = ImGui::GetWindowDrawList();
  const ImVec2 a = ImGui::GetCursorScreenPos();
  const float h = 14;
  dl->AddRectFilled(a, ImVec2(a.x + width, a.y + h), IM_COL32(210, 214, 208, 255), h / 2);
  const float f = std::clamp(left, 0.0f, 1.0f);
  if (f > 0) dl->AddRectFilled(a, ImVec2(a.x + std::max(h, width * f), a.y + h), kAccent, h / 2);
  ImGui::Dummy(ImVec2(width, h + 4));
}

}  // namespace

IncomingRingIntents draw_incoming_ring_screen(const IncomingRingView& view) {
  IncomingRingIntents out;
  const float width = begin_column_screen("incoming-ring", 520);
  const float side = std::min(220.0f, width);
  const ImVec2 at = ImGui::GetCursorScreenPos();
  const ImVec2 a(at.x + (width - side) / 2, at.y);
  draw_person_photo(ImGui::GetWindowDrawList(), view.caller, a, ImVec2(a.x + side, a.y + side));
  ImGui::Dummy(ImVec2(width, side + 8));
  ImGui::PushFont(title_font());
  text_block(tr_with_name(CallingText::IsCallingYou, view.caller.name).c_str(), width);
  ImGui::PopFont();
  if (view.sound_only) text_block(tr(CallingText::SoundOnly), width);
  time_bar(view.left, width);
  const float w = (width - kGap) / 2;
  ImGui::BeginDisabled(view.answering);
  out.answer = filled_button(tr(CallingText::Answer), ImVec2(w, kTouchTarget), kPrimaryButton, ImGui::IsWindowAppearing());
  ImGui::SameLine(0, kGap);
  out.decline = filled_button(tr(CallingText::Refuse), ImVec2(w, kTouchTarget), kDangerButton);
  ImGui::EndDisabled();
  out.language = end_column_screen(width);
  return out;
}

bool draw_ring_bar(const RingBar& bar, float width) {
  ImDrawList* dl = ImGui::GetWindowDrawList();
  const ImVec2 a = ImGui::GetCursorScreenPos();
  constexpr float kInset = 12;
  const float stop_w = std::min(160.0f, width / 3), inner = width - stop_w - 3 * kInset;
  // The panel is as tall as what it holds: drawn behind it once that is laid out.
  dl->ChannelsSplit(2);
  dl->ChannelsSetCurrent(1);
  ImGui::SetCursorScreenPos(ImVec2(a.x + kInset, a.y + 8));
  ImGui::BeginGroup();
  text_block(bar.text.c_str(), inner, kAccent);
  time_bar(bar.left, inner);
  text_block(bar.seconds.c_str(), inner);
  ImGui::EndGroup();
  const float h = std::max(kTouchTarget + 16, ImGui::GetItemRectMax().y - a.y + 8);
  ImGui::SetCursorScreenPos(ImVec2(a.x + width - stop_w - kInset, a.y + (h - kTouchTarget) / 2));
  const bool stop = filled_button(tr(CallingText::Stop), ImVec2(stop_w, kTouchTarget), kDangerButton);
  dl->ChannelsSetCurrent(0);
  dl->AddRectFilled(a, ImVec2(a.x + width, a.y + h), IM_COL32(255, 255, 255, 240), 10.0f);
  dl->ChannelsMerge();
  ImGui::SetCursorScreenPos(ImVec2(a.x, a.y + h));
  return stop;
}

}  // namespace treff::ui
