#include <algorithm>
#include <utility>

#include "ui/catalog.h"
#include "ui/screens.h"
#include "ui/widgets.h"

namespace treff::ui {

JoinIntents draw_join_screen(JoinForm& form) {
  JoinIntents out;
  begin_screen("join");
  const float width = std::min(ImGui::GetContentRegionAvail().x, 420.0f);
  const float x = (ImGui::GetWindowWidth() - width) / 2;
  ImGui::SetCursorPos(ImVec2(x, std::max(24.0f, ImGui::GetWindowHeight() * 0.18f)));
  ImGui::BeginGroup();
  ImGui::PushFont(title_font());
  ImGui::TextUnformatted(tr(Text::JoinTitle));
  ImGui::PopFont();
  ImGui::Spacing();
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
  ImGui::BeginDisabled(form.busy);
  submit |= primary_button(form.busy ? tr(Text::Joining) : tr(Text::Join), width);
  ImGui::EndDisabled();
  ImGui::EndGroup();
  // Last in Tab order: the name field comes first for the people who came to join.
  out.language = language_picker();
  ImGui::End();
  out.join = submit && !form.busy;
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
