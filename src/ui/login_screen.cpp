// The login screen (e-mail address, password, "Log in") and the page an invitation link opens,
// where the invited person sets their own password. One centred column, on phones and laptops.
#include <algorithm>
#include <string>

#include "ui/account_catalog.h"
#include "ui/account_screens.h"
#include "ui/connection_catalog.h"
#include "ui/screens.h"
#include "ui/widgets.h"

namespace treff::ui {
namespace {

constexpr float kFormWidth = 440;

// The column, with the title drawn; its width.
float begin_form(const char* id, const char* title) {
  const float width = begin_column_screen(id, kFormWidth);
  ImGui::PushFont(title_font());
  text_block(title, width);
  ImGui::PopFont();
  ImGui::Spacing();
  return width;
}

}  // namespace

LoginIntents draw_login_screen(LoginForm& form) {
  LoginIntents out;
  const float width = begin_form("login", tr(AccountText::LoginTitle));
  if (form.notice) text_block(form.notice, width, kWarning);
  ImGui::TextUnformatted(tr(AccountText::Email));
  out.log_in |= text_field("##email", tr(AccountText::Email), form.email, sizeof form.email, width,
                           {"username", ImGui::IsWindowAppearing()});
  ImGui::TextUnformatted(tr(AccountText::Password));
  FieldOptions secret{"current-password"};
  secret.secret = true;
  out.log_in |= text_field("##password", tr(AccountText::Password), form.password, sizeof form.password, width, secret);
  ImGui::BeginDisabled(form.busy);
  out.log_in |= primary_button(form.busy ? tr(AccountText::LoggingIn) : tr(AccountText::LogIn), width);
  ImGui::EndDisabled();
  if (form.error) text_block(form.error, width, kWarning);
  ImGui::Spacing();
  text_block(tr(AccountText::ForgotPassword), width);
  out.test_connection |= button(tr(ConnectionText::TestConnection), ImVec2(width, kTouchTarget));
  out.back |= button(tr(AccountText::Back), ImVec2(width, kTouchTarget));
  out.language = end_column_screen(width);
  if (form.busy) out.log_in = false;
  return out;
}

InvitationIntents draw_invitation_screen(InvitationForm& form) {
  InvitationIntents out;
  const float width = begin_form("invitation", tr(AccountText::InvitationTitle));
  if (form.greeting.empty() && !form.error) text_block(tr(AccountText::CheckingInvitation), width);
  if (!form.greeting.empty()) {
    text_block(form.greeting.c_str(), width, kAccent);
    text_block(form.email.c_str(), width);
  }
  if (form.usable) {
    text_block(tr(AccountText::ChoosePassword), width);
    FieldOptions secret{"new-password", ImGui::IsWindowAppearing()};
    secret.secret = true;
    ImGui::TextUnformatted(tr(AccountText::NewPassword));
    out.set_password |= text_field("##new-password", tr(AccountText::NewPassword), form.password, sizeof form.password,
                                   width, secret);
    secret.wants_focus = false;
    ImGui::TextUnformatted(tr(AccountText::RepeatPassword));
    out.set_password |= text_field("##repeat-password", tr(AccountText::RepeatPassword), form.repeated,
                                   sizeof form.repeated, width, secret);
    ImGui::BeginDisabled(form.busy);
    out.set_password |= primary_button(tr(AccountText::SetPassword), width);
    ImGui::EndDisabled();
  }
  if (form.error) text_block(form.error, width, kWarning);
  ImGui::Spacing();
  out.to_login |= button(tr(AccountText::LogIn), ImVec2(width, kTouchTarget));
  out.language = end_column_screen(width);
  if (form.busy || !form.usable) out.set_password = false;
  return out;
}

}  // namespace treff::ui
