// The connection test's screen (ui/connection_screen.h). One centred column on phones and laptops.
#include "ui/connection_screen.h"

#include <algorithm>

#include "ui/connection_catalog.h"
#include "ui/screens.h"
#include "ui/widgets.h"

namespace treff::ui {
namespace {

constexpr ImU32 kRed = IM_COL32(196, 52, 52, 255);
constexpr ImU32 kAmber = IM_COL32(214, 134, 0, 255);
constexpr ImU32 kGreen = IM_COL32(30, 130, 70, 255);
constexpr ImU32 kUnlit = IM_COL32(214, 217, 210, 255);

void progress_bar(float done, float width) {
  ImDrawList* dl = ImGui::GetWindowDrawList();
  const ImVec2 a = ImGui::GetCursorScreenPos();
  const float h = 14;
  dl->AddRectFilled(a, ImVec2(a.x + width, a.y + h), kUnlit, h / 2);
  const float f = std::clamp(done, 0.0f, 1.0f);
  if (f > 0) dl->AddRectFilled(a, ImVec2(a.x + std::max(h, width * f), a.y + h), kAccent, h / 2);
  ImGui::Dummy(ImVec2(width, h + 6));
}

// Red, amber and green side by side; the reached one in its colour and taller, the others grey, so
// the place says it as well as the colour does.
void result_bar(LineColour reached, float width) {
  ImDrawList* dl = ImGui::GetWindowDrawList();
  const ImVec2 a = ImGui::GetCursorScreenPos();
  constexpr float kGap = 6, kLow = 16, kHigh = 28;
  const float part = (width - 2 * kGap) / 3;
  const ImU32 colours[] = {kRed, kAmber, kGreen};
  const ConnectionText names[] = {ConnectionText::ScaleRed, ConnectionText::ScaleAmber, ConnectionText::ScaleGreen};
  for (int i = 0; i < 3; ++i) {
    const bool lit = static_cast<int>(reached) == i;
    const float x = a.x + static_cast<float>(i) * (part + kGap);
    const float top = a.y + (lit ? 0 : (kHigh - kLow) / 2);
    dl->AddRectFilled(ImVec2(x, top), ImVec2(x + part, top + (lit ? kHigh : kLow)), lit ? colours[i] : kUnlit, 6);
  }
  ImGui::Dummy(ImVec2(width, kHigh + 8));
  report_text(tr(names[static_cast<int>(reached)]), a, ImVec2(a.x + width, a.y + kHigh));
}

}  // namespace

ConnectionTestIntents draw_connection_test_screen(const ConnectionTestView& view) {
  ConnectionTestIntents out;
  const float width = begin_column_screen("connection-test", 520);
  ImGui::PushFont(title_font());
  text_block(tr(ConnectionText::TestConnection), width);
  ImGui::PopFont();
  ImGui::Spacing();
  text_block(tr(ConnectionText::Intro), width);
  ImGui::Spacing();
  if (view.running) {
    text_block(view.step.c_str(), width, kAccent);
    progress_bar(view.progress, width);
  }
  if (view.colour) {
    ImGui::PushFont(title_font());
    text_block(view.headline.c_str(), width, *view.colour == LineColour::Red ? kWarning : kAccent);
    ImGui::PopFont();
    result_bar(*view.colour, width);
  }
  if (!view.running && !view.advice.empty()) text_block(view.advice.c_str(), width);
  if (!view.running) {
    for (const auto& figure : view.figures) text_block(figure.c_str(), width);
  }
  ImGui::Spacing();
  const bool tested = view.colour || !view.advice.empty();
  ImGui::BeginDisabled(view.running);
  out.start = primary_button(tested ? tr(ConnectionText::TestAgain) : tr(ConnectionText::Start), width,
                             ImGui::IsWindowAppearing());
  ImGui::EndDisabled();
  out.back = button(tr(ConnectionText::Back), ImVec2(width, kTouchTarget));
  out.language = end_column_screen(width);
  if (view.running) out.start = false;
  return out;
}

}  // namespace treff::ui
