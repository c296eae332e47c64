#include <algorithm>
#include <string>
#include <utility>

#include "ui/audio_catalog.h"
#include "ui/catalog.h"
#include "ui/screens.h"
#include "ui/widgets.h"

namespace treff::ui {

namespace {

// The own picture (when `height` > 0), under it a bar that moves with the microphone's sound.
void draw_preview(const PrejoinView& preview, float width, float height) {
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
}

// "Test microphone", the bar of its three seconds, and what it found.
void draw_mic_test(const PrejoinView& preview, float width, JoinIntents& out) {
  if (!preview.offer_mic_test) return;
  ImGui::BeginDisabled(preview.mic_test_busy);
  if (button((std::string(tr(AudioText::TestMicrophone)) + "###test-microphone").c_str(), ImVec2(width, kTouchTarget)))
    out.test_microphone = true;
  ImGui::EndDisabled();
  if (preview.mic_test_progress >= 0) progress_bar(width, preview.mic_test_progress, kGood);
  if (preview.mic_test_message) text_block(preview.mic_test_message, width, preview.mic_test_warning ? kWarning : 0);
}

// One button per kind of device that shows the one in use and switches to the next.
void draw_device_buttons(const PrejoinView& preview, float width, JoinIntents& out) {
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
  const float mic_test = preview.offer_mic_test ? row + 8 + (preview.mic_test_message ? 3 * ImGui::GetTextLineHeightWithSpacing() : 0.0f) : 0.0f;
  return (preview.has_audio ? ImGui::GetTextLineHeightWithSpacing() : 0.0f) + mic_test +
         row * static_cast<float>(!preview.camera.empty() + !preview.microphone.empty() + !preview.speaker.empty());
}

// What a person came to do comes first: their name (and the password of a locked room), then Join
// and what went wrong; after it "audio only" and the room's name, which the link has filled in.
bool draw_join_fields(JoinForm& form, float width, JoinIntents& out) {
  ImGui::TextUnformatted(tr(Text::YourName));
  // Keyboard focus starts in the name field: type a name (or keep the remembered one), press Enter.
  bool submit = text_field("##name", tr(Text::YourName), form.name, sizeof form.name, width,
                           {"name", ImGui::IsWindowAppearing()});
  if (form.ask_password) {  // the server said the room is locked
    ImGui::TextUnformatted(tr(Text::Password));
    FieldOptions secret{"off", std::exchange(form.focus_password, false)};
    secret.secret = true;
    submit |= text_field("##password", tr(Text::Password), form.password, sizeof form.password, width, secret);
  }
  ImGui::BeginDisabled(form.busy || form.blocked);
  submit |= primary_button(form.busy ? tr(Text::Joining) : tr(Text::Join), width);
  ImGui::EndDisabled();
  // Under the button, so that a long message ("ask for the password") does not push it out of a
  // small window; screen readers hear it as it appears.
  if (form.error) text_block(form.error, width, kWarning);
  out.audio_only_changed = check_box(tr(Text::AudioOnly), form.audio_only);
  ImGui::TextUnformatted(tr(Text::RoomName));
  submit |= text_field("##room", tr(Text::RoomName), form.room, sizeof form.room, width);
  return submit;
}

}  // namespace

// Wide screens: the picture and the devices on the left, the fields on the right. One column (phones,
// zoomed windows): the fields first, then the picture, the devices behind one button.
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
  bool submit = false;
  if (columns.side_by_side) {
    // The fields first (in Tab order too), then the picture under the title.
    ImGui::Spacing();
    const float preview_top = ImGui::GetCursorPosY();
    ImGui::EndGroup();
    ImGui::SetCursorPos(ImVec2(columns.right, top + 8));
    ImGui::BeginGroup();
    submit = draw_join_fields(form, columns.width, out);
    ImGui::EndGroup();
    ImGui::SetCursorPos(ImVec2(columns.left, preview_top));
    ImGui::BeginGroup();
    // The picture takes what the title, meter and device buttons leave of the window's height;
    // where that is too little to recognise anyone (a phone held sideways), only the meter shows.
    const float room_left = screen_height() - preview_top - preview_extras_height(preview) - 24.0f;
    draw_preview(preview, columns.width, room_left < 90.0f ? 0.0f : std::min(room_left, columns.width * 0.75f));
    draw_mic_test(preview, columns.width, out);
    draw_device_buttons(preview, columns.width, out);
  } else {
    submit = draw_join_fields(form, columns.width, out);
    ImGui::Spacing();
    draw_preview(preview, columns.width, std::min(columns.width * 0.75f, screen_height() * 0.6f));
    draw_mic_test(preview, columns.width, out);
    const bool any_device = !preview.camera.empty() || !preview.microphone.empty() || !preview.speaker.empty();
    if (any_device && button((std::string(tr(Text::DeviceChoices)) + "###device-choices").c_str(), ImVec2(columns.width, kTouchTarget)))
      form.devices_open = !form.devices_open;
    if (form.devices_open) draw_device_buttons(preview, columns.width, out);
  }
  ImGui::EndGroup();
  // Last in Tab order: the name field comes first for the people who came to join.
  out.language = language_picker();
  end_screen();
  out.join = submit && !form.busy && !form.blocked;
  return out;
}

bool draw_left_screen(const char* message) {
  begin_screen("left");
  const float width = std::min(ImGui::GetContentRegionAvail().x, 420.0f);
  ImGui::SetCursorPos(ImVec2((ImGui::GetWindowWidth() - width) / 2, screen_height() * 0.25f));
  ImGui::BeginGroup();
  text_block(message, width);
  ImGui::Spacing();
  const bool rejoin = primary_button(tr(Text::Rejoin), width, ImGui::IsWindowAppearing());
  ImGui::EndGroup();
  end_screen();
  return rejoin;
}

}  // namespace treff::ui
