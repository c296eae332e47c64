#include <algorithm>
#include <string>
#include <utility>

#include "ui/catalog.h"
#include "ui/screens.h"
#include "ui/widgets.h"

namespace treff::ui {

namespace {

// The own picture, under it a bar that moves with the microphone's sound, then one button per
// kind of device that shows the one in use and switches to the next.
void draw_preview(const PrejoinView& preview, float width, float height, JoinIntents& out) {
  ImDrawList* dl = ImGui::GetWindowDrawList();
  const ImVec2 a = ImGui::GetCursorScreenPos();
  if (height > 0) {  // 4:3, centred
    const float w = std::min(width, height / 0.75f), x = a.x + (width - w) / 2;
    draw_tile(dl, preview.self, ImVec2(x, a.y), ImVec2(x + w, a.y + height), false);
    ImGui::Dummy(ImVec2(width, height));
  }
  if (preview.has_audio) {
    ImGui::TextUnformatted(tr(Text::MicLevel));
    report_text(tr(Text::MicLevel), ImGui::GetItemRectMin(), ImGui::GetItemRectMax());
    ImGui::SameLine();
    const ImVec2 m = ImGui::GetCursorScreenPos();
    const float bar_w = width - (m.x - a.x), bar_h = 10.0f;
    const float y = m.y + (ImGui::GetTextLineHeight() - bar_h) / 2;
    dl->AddRectFilled(ImVec2(m.x, y), ImVec2(m.x + bar_w, y + bar_h), IM_COL32(220, 220, 212, 255), 5.0f);
    if (preview.level > 0)
      dl->AddRectFilled(ImVec2(m.x, y), ImVec2(m.x + bar_w * preview.level, y + bar_h), kGood, 5.0f);
    ImGui::Dummy(ImVec2(bar_w, ImGui::GetTextLineHeight()));
  }
  // "###" ids: the label changes with the device, keyboard focus stays on the button.
  if (!preview.camera.empty() && button((preview.camera + "###camera-device").c_str(), ImVec2(width, kTouchTarget)))
    out.next_camera = true;
  if (!preview.microphone.empty() &&
      button((preview.microphone + "###microphone-device").c_str(), ImVec2(width, kTouchTarget)))
    out.next_microphone = true;
  if (!preview.speaker.empty() && button((preview.speaker + "###speaker-device").c_str(), ImVec2(width, kTouchTarget)))
    out.next_speaker = true;
}

// Height of what draw_preview puts under the picture.
float preview_extras_height(const PrejoinView& preview) {
  const float row = kTouchTarget + ImGui::GetStyle().ItemSpacing.y;
  return (preview.has_audio ? ImGui::GetTextLineHeightWithSpacing() : 0.0f) +
         row * static_cast<float>(!preview.camera.empty() + !preview.microphone.empty() + !preview.speaker.empty());
}

bool draw_join_fields(JoinForm& form, float width, JoinIntents& out) {
  ImGui::TextUnformatted(tr(Text::YourName));
  // Keyboard focus starts in the name field: type a name (or keep the remembered one), press Enter.
  bool submit = text_field("##name", tr(Text::YourName), form.name, sizeof form.name, width,
                           {"name", ImGui::IsWindowAppearing()});
  ImGui::TextUnformatted(tr(Text::RoomName));
  submit |= text_field("##room", tr(Text::RoomName), form.room, sizeof form.room, width);
  if (form.ask_password) {  // the server said the room is locked
    ImGui::TextUnformatted(tr(Text::Password));
    FieldOptions secret{"off", std::exchange(form.focus_password, false)};
    secret.secret = true;
    submit |= text_field("##password", tr(Text::Password), form.password, sizeof form.password, width, secret);
  }
  out.audio_only_changed = check_box(tr(Text::AudioOnly), form.audio_only);
  if (form.error) text_block(form.error, width, kWarning);
  ImGui::Spacing();
  ImGui::BeginDisabled(form.busy || form.blocked);
  submit |= primary_button(form.busy ? tr(Text::Joining) : tr(Text::Join), width);
  ImGui::EndDisabled();
  return submit;
}

}  // namespace

// Wide screens: the picture on the left, the fields on the right; phones: the picture on top.
JoinIntents draw_join_screen(JoinForm& form, const PrejoinView& preview) {
  JoinIntents out;
  begin_screen("join");
  const ScreenColumns columns = screen_columns(700, 400);
  const float top = 24 + kTouchTarget;  // below the language row
  ImGui::SetCursorPos(ImVec2(columns.left, top));
  ImGui::BeginGroup();
  ImGui::PushFont(title_font());
  ImGui::TextUnformatted(tr(Text::JoinTitle));
  ImGui::PopFont();
  if (columns.side_by_side) ImGui::Spacing();
  // Side by side, the picture takes what the title, meter and device buttons leave of the window's
  // height; in one column, what the fields below leave over too. Where that is too little to
  // recognise anyone (a phone held sideways), only the microphone's meter shows.
  const float below = columns.side_by_side ? 24.0f : 420.0f;
  const float room_left = ImGui::GetWindowHeight() - ImGui::GetCursorPosY() - preview_extras_height(preview) - below;
  draw_preview(preview, columns.width, room_left < 90.0f ? 0.0f : std::min(room_left, columns.width * 0.75f), out);
  if (columns.side_by_side) {
    ImGui::EndGroup();
    ImGui::SetCursorPos(ImVec2(columns.right, top + 8));
    ImGui::BeginGroup();
  }
  const bool submit = draw_join_fields(form, columns.width, out);
  ImGui::EndGroup();
  // Last in Tab order: the name field comes first for the people who came to join.
  out.language = language_picker();
  ImGui::End();
  out.join = submit && !form.busy && !form.blocked;
  return out;
}

bool draw_left_screen(const char* message) {
  begin_screen("left");
  const float width = std::min(ImGui::GetContentRegionAvail().x, 420.0f);
  ImGui::SetCursorPos(ImVec2((ImGui::GetWindowWidth() - width) / 2, ImGui::GetWindowHeight() * 0.25f));
  ImGui::BeginGroup();
  text_block(message, width);
  ImGui::Spacing();
  const bool rejoin = primary_button(tr(Text::Rejoin), width, ImGui::IsWindowAppearing());
  ImGui::EndGroup();
  ImGui::End();
  return rejoin;
}

}  // namespace treff::ui
