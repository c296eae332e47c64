// The start screen: "Call now" (a fresh room, joined at once) or a room with a chosen name, and how
// Treff works in three steps. Two columns where there is room for them, one on phones.
#include <algorithm>
#include <string>

#include "ui/catalog.h"
#include "ui/connection_catalog.h"
#include "ui/screens.h"
#include "ui/widgets.h"

namespace treff::ui {
namespace {

void draw_title(float width) {
  ImGui::PushFont(title_font());
  text_block(tr(Text::StartTitle), width);
  ImGui::PopFont();
  ImGui::Spacing();
}

void draw_how_it_works(StartForm& form, float width) {
  text_block(tr(Text::HowItWorks), width, kAccent);
  for (Text step : {Text::Step1, Text::Step2, Text::Step3}) text_block(tr(step), width);
  const char* toggle = form.details_open ? tr(Text::FewerDetails) : tr(Text::MoreDetails);
  const float w = std::min(width, ImGui::CalcTextSize(toggle).x + 2 * ImGui::GetStyle().FramePadding.x);
  if (button((std::string(toggle) + "###details").c_str(), ImVec2(w, kTouchTarget))) form.details_open = !form.details_open;
  if (form.details_open) text_block(tr(Text::Details), width);
}

void draw_start_actions(JoinForm& join, StartForm& form, float width, StartIntents& out) {
  ImGui::TextUnformatted(tr(Text::YourName));
  out.call_now |= text_field("##name", tr(Text::YourName), join.name, sizeof join.name, width,
                             {"name", ImGui::IsWindowAppearing()});
  out.call_now |= primary_button(tr(Text::CallNow), width);
  ImGui::Spacing();
  text_block(tr(Text::Or), width);
  ImGui::TextUnformatted(tr(Text::NewRoomName));
  out.create_room |= text_field("##new-room", tr(Text::NewRoomName), form.new_room, sizeof form.new_room, width);
  out.create_room |= button(tr(Text::CreateRoom), ImVec2(width, kTouchTarget));
  if (form.error) text_block(form.error, width, kWarning);
  if (!form.server.empty()) {
    ImGui::Spacing();
    out.next_server |= button((form.server + "###server").c_str(), ImVec2(width, kTouchTarget));
    if (!form.server_description.empty()) text_block(form.server_description.c_str(), width);
  }
  if (form.account_button) {
    ImGui::Spacing();
    out.account |= button(form.account_button, ImVec2(width, kTouchTarget));
  }
  out.test_connection |= button(tr(ConnectionText::TestConnection), ImVec2(width, kTouchTarget));
}

}  // namespace

// Side by side: the title and how it works on the left, the name and the buttons on the right. One
// column: the title, the name and the buttons, then how it works. Either way the name field and
// "Call now" come first in Tab order.
StartIntents draw_start_screen(JoinForm& join, StartForm& form) {
  StartIntents out;
  begin_screen("start");
  const ScreenColumns columns = screen_columns(720, 420);
  const float top = 24 + kTouchTarget;  // below the language row
  ImGui::SetCursorPos(ImVec2(columns.left, top));
  ImGui::BeginGroup();
  draw_title(columns.width);
  if (columns.side_by_side) {
    const float below_title = ImGui::GetCursorPosY();
    ImGui::EndGroup();
    ImGui::SetCursorPos(ImVec2(columns.right, top + 8));
    ImGui::BeginGroup();
    draw_start_actions(join, form, columns.width, out);
    ImGui::EndGroup();
    ImGui::SetCursorPos(ImVec2(columns.left, below_title));
    ImGui::BeginGroup();
  } else {
    draw_start_actions(join, form, columns.width, out);
    ImGui::Spacing();
  }
  draw_how_it_works(form, columns.width);
  ImGui::EndGroup();
  out.language = language_picker();
  end_screen();
  return out;
}

}  // namespace treff::ui
