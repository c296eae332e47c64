// "My details": the photo (chosen from a file or taken with the camera), name, phone and a line
// about oneself with "Save"; the password; logging out everywhere; and, for admins, invitation
// links for new people of the organisation. Leaving with changes not saved asks first.
#include <algorithm>
#include <cstdio>
#include <string>

#include "ui/account_catalog.h"
#include "ui/account_screens.h"
#include "ui/screens.h"
#include "ui/catalog.h"
#include "ui/video_layer.h"
#include "ui/widgets.h"

namespace treff::ui {
namespace {

constexpr float kGap = 16;
constexpr float kPhoto = 160;

void message(const char* text, bool failed, float width) {
  if (text) text_block(text, width, failed ? kWarning : kGood);
}

void section(AccountText title, float width) {
  ImGui::Spacing();
  rule(width);
  ImGui::Spacing();
  text_block(tr(title), width, kAccent);
}

void draw_leave_row(const DetailsView& view, DetailsForm& form, float width, DetailsIntents& out) {
  if (!form.ask_unsaved) {
    out.back |= button(tr(AccountText::Back), ImVec2(std::min(width, 240.0f), kTouchTarget), ImGui::IsWindowAppearing());
    return;
  }
  text_block(tr(AccountText::UnsavedQuestion), width, kWarning);
  const float w = (width - 2 * kGap) / 3;
  ImGui::BeginDisabled(view.saving);
  out.save_and_leave |= filled_button(tr(AccountText::Save), ImVec2(w, kTouchTarget), kPrimaryButton, true);
  ImGui::EndDisabled();
  ImGui::SameLine(0, kGap);
  out.leave_unsaved |= button(tr(AccountText::DontSave), ImVec2(w, kTouchTarget));
  ImGui::SameLine(0, kGap);
  if (button(tr(AccountText::Cancel), ImVec2(w, kTouchTarget))) form.ask_unsaved = false;
}

void draw_photo(const DetailsView& view, DetailsForm& form, float width, DetailsIntents& out) {
  ImDrawList* dl = ImGui::GetWindowDrawList();
  const ImVec2 a = ImGui::GetCursorScreenPos();
  if (form.taking_photo) {
    // The camera's picture, with the square that will be kept marked on it.
    const float h = std::min(width * 0.75f, 360.0f), w = std::min(width, h * view.camera_aspect);
    const ImVec2 p(a.x + (width - w) / 2, a.y);
    dl->AddRectFilled(p, ImVec2(p.x + w, p.y + h), kTileBackground, 10.0f);
    if (view.camera_video) video_layer::show(dl, view.camera_video, p, ImVec2(p.x + w, p.y + h), 10.0f, true);
    const float side = std::min(w, h);
    const ImVec2 s(p.x + (w - side) / 2, p.y + (h - side) / 2);
    dl->AddRect(s, ImVec2(s.x + side, s.y + side), IM_COL32_WHITE, 0, 0, 3.0f);
    ImGui::Dummy(ImVec2(width, h));
    const float bw = (width - kGap) / 2;
    ImGui::BeginDisabled(!view.camera_video || view.photo_busy);
    out.take_photo |= filled_button(tr(AccountText::TakePhoto), ImVec2(bw, kTouchTarget), kPrimaryButton, true);
    ImGui::EndDisabled();
    ImGui::SameLine(0, kGap);
    out.close_camera |= button(tr(AccountText::Cancel), ImVec2(bw, kTouchTarget));
  } else {
    draw_person_photo(dl, view.me, a, ImVec2(a.x + kPhoto, a.y + kPhoto));
    ImGui::Dummy(ImVec2(kPhoto, kPhoto));
    ImGui::SameLine(0, kGap);
    ImGui::BeginGroup();
    const float bw = std::max(120.0f, width - kPhoto - kGap);
    ImGui::BeginDisabled(view.photo_busy);
    out.choose_photo |= button(tr(AccountText::ChoosePhoto), ImVec2(bw, kTouchTarget));
    out.open_camera |= button(tr(AccountText::CameraPhoto), ImVec2(bw, kTouchTarget));
    ImGui::EndDisabled();
    ImGui::EndGroup();
  }
  message(view.photo_message, view.photo_failed, width);
}

void draw_fields(const DetailsView& view, DetailsForm& form, float width, DetailsIntents& out) {
  ImGui::TextUnformatted(tr(AccountText::DisplayName));
  out.save |= text_field("##display-name", tr(AccountText::DisplayName), form.name, sizeof form.name, width, {"name"});
  ImGui::TextUnformatted(tr(AccountText::Phone));
  out.save |= text_field("##phone", tr(AccountText::Phone), form.phone, sizeof form.phone, width, {"tel"});
  ImGui::TextUnformatted(tr(AccountText::About));
  out.save |= text_field("##about", tr(AccountText::About), form.about, sizeof form.about, width);
  text_block((std::string(tr(AccountText::Email)) + ": " + view.me.email).c_str(), width);
  if (!view.me.organisation.empty())
    text_block((std::string(tr(AccountText::Organisation)) + ": " + view.me.organisation).c_str(), width);
  ImGui::BeginDisabled(view.saving);
  out.save |= primary_button(tr(AccountText::Save), width);
  ImGui::EndDisabled();
  message(view.details_message, view.details_failed, width);
}

void draw_password(const DetailsView& view, DetailsForm& form, float width, DetailsIntents& out) {
  section(AccountText::ChangePasswordTitle, width);
  FieldOptions secret{"current-password"};
  secret.secret = true;
  ImGui::TextUnformatted(tr(AccountText::CurrentPassword));
  out.change_password |= text_field("##current-password", tr(AccountText::CurrentPassword), form.current,
                                    sizeof form.current, width, secret);
  secret.autocomplete = "new-password";
  ImGui::TextUnformatted(tr(AccountText::NewPassword));
  out.change_password |= text_field("##new-password", tr(AccountText::NewPassword), form.fresh, sizeof form.fresh,
                                    width, secret);
  ImGui::TextUnformatted(tr(AccountText::RepeatPassword));
  out.change_password |= text_field("##repeat-password", tr(AccountText::RepeatPassword), form.repeated,
                                    sizeof form.repeated, width, secret);
  ImGui::BeginDisabled(view.password_busy);
  out.change_password |= button(tr(AccountText::ChangePassword), ImVec2(width, kTouchTarget));
  ImGui::EndDisabled();
  message(view.password_message, view.password_failed, width);
  ImGui::Spacing();
  out.log_out_everywhere |= button(tr(AccountText::LogOutEverywhere), ImVec2(width, kTouchTarget));
}

void draw_invite(const DetailsView& view, DetailsForm& form, float width, DetailsIntents& out) {
  section(AccountText::InviteTitle, width);
  ImGui::TextUnformatted(tr(AccountText::DisplayName));
  out.invite |= text_field("##invite-name", tr(AccountText::DisplayName), form.invite_name, sizeof form.invite_name, width);
  ImGui::TextUnformatted(tr(AccountText::Email));
  out.invite |= text_field("##invite-email", tr(AccountText::Email), form.invite_email, sizeof form.invite_email, width);
  out.invite |= button(tr(AccountText::MakeInvitation), ImVec2(width, kTouchTarget));
  message(view.invite_message, view.invite_failed, width);
  if (view.invite_link.empty()) return;
  text_block(view.invite_note.c_str(), width, kGood);
  std::snprintf(form.invite_link, sizeof form.invite_link, "%s", view.invite_link.c_str());
  FieldOptions read_only;
  read_only.read_only = true;
  ImGui::TextUnformatted(tr(AccountText::InvitationLink));
  text_field("##invite-link", tr(AccountText::InvitationLink), form.invite_link, sizeof form.invite_link, width,
             read_only);
  out.copy_invite |= button(tr(Text::CopyLink), ImVec2(width, kTouchTarget));
}

}  // namespace

DetailsIntents draw_my_details_screen(const DetailsView& view, DetailsForm& form) {
  DetailsIntents out;
  const float width = begin_column_screen("my-details", 560);
  ImGui::PushFont(title_font());
  text_block(tr(AccountText::MyDetails), width);
  ImGui::PopFont();
  draw_leave_row(view, form, width, out);
  ImGui::Spacing();
  draw_photo(view, form, width, out);
  ImGui::Spacing();
  draw_fields(view, form, width, out);
  draw_password(view, form, width, out);
  if (view.admin) draw_invite(view, form, width, out);
  out.language = end_column_screen(width);
  return out;
}

}  // namespace treff::ui
