#include "app/account_flow.h"

#include <emscripten.h>

#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>
#include <utility>

#include "app/calling_flow.h"
#include "app/connection_flow.h"
#include "app/entry_flow.h"
#include "app/webgl_renderer.h"
#include "core/text_rules.h"
#include "platform/web/dom_glue.h"
#include "platform/web/web_photos.h"
#include "platform/web/web_sharing.h"
#include "ui/account_catalog.h"
#include "ui/catalog.h"

namespace treff::app {
namespace {

// What the server keeps at most; a 256 px square JPEG is some 20-40 KiB.
constexpr int kPhotoSide = 256;
constexpr int kPhotoBytes = 256 * 1024;

void copy_into(char* out, std::size_t size, const std::string& text) {
  std::snprintf(out, size, "%s", text.c_str());
}

const char* problem_of(const AccountController& accounts, AccountTask task) {
  const auto& p = accounts.task(task).problem;
  return p ? ui::tr_account_problem(p->code) : nullptr;
}

ImTextureID texture_id(unsigned texture) {
  return reinterpret_cast<ImTextureID>(static_cast<std::uintptr_t>(texture));
}

}  // namespace

ui::PersonCard person_card(App& app, const Person& p) {
  ui::PersonCard c;
  c.id = p.id;
  c.name = p.name;
  c.initials = initials_of(p.name);
  c.email = p.email;
  c.phone = p.phone;
  c.about = p.about;
  c.organisation = p.organisation;
  c.photo = app.photos.get(p.id, photo_path(p));
  return c;
}

namespace {

void show(App& app, AccountScreen screen) {
  AccountForms& f = app.account_ui;
  f.screen = screen;
  for (AccountTask t : {AccountTask::FindPeople, AccountTask::RequestContact, AccountTask::AnswerRequest,
                        AccountTask::RemoveContact, AccountTask::SaveDetails, AccountTask::ChangePassword,
                        AccountTask::UploadPhoto, AccountTask::Invite, AccountTask::LogIn})
    app.accounts->reset_task(t);
  f.photo_problem.clear();
  f.details.ask_unsaved = f.details.taking_photo = false;
  f.details_filled = false;
  if (screen == AccountScreen::Contacts && app.accounts->me()) app.accounts->load_contacts();
}

void fill_details(App& app) {
  const Person& me = *app.accounts->me();
  ui::DetailsForm& d = app.account_ui.details;
  copy_into(d.name, sizeof d.name, me.name);
  copy_into(d.phone, sizeof d.phone, me.phone);
  copy_into(d.about, sizeof d.about, me.about);
  app.account_ui.details_filled = true;
}

bool details_changed(const App& app) {
  const auto& me = app.accounts->me();
  const ui::DetailsForm& d = app.account_ui.details;
  if (!me || !app.account_ui.details_filled) return false;
  return trim_spaces(d.name) != me->name || trim_spaces(d.phone) != me->phone || trim_spaces(d.about) != me->about;
}

void clear_secrets(AccountForms& f) {
  std::memset(f.login.password, 0, sizeof f.login.password);
  std::memset(f.invitation.password, 0, sizeof f.invitation.password);
  std::memset(f.invitation.repeated, 0, sizeof f.invitation.repeated);
  std::memset(f.details.current, 0, sizeof f.details.current);
  std::memset(f.details.fresh, 0, sizeof f.details.fresh);
  std::memset(f.details.repeated, 0, sizeof f.details.repeated);
}

// Logged out (asked for, or the session ended): nothing of the account stays on the page.
void forget_account(App& app, bool ended) {
  AccountForms& f = app.account_ui;
  clear_secrets(f);
  delete_image_texture(std::exchange(f.photo_preview, 0));
  f.contacts = {};
  f.details = {};
  app.photos.clear();
  treff_dom_guard_unload(0);
  if (ended) {
    show(app, AccountScreen::Login);
  } else {
    show(app, AccountScreen::None);
    app.show_start = app.form.room[0] == '\0';
  }
}

// True when a picture came (its preview or its problem is shown).
bool take_picked_photos(App& app) {
  AccountForms& f = app.account_ui;
  bool any = false;
  for (auto& picked : platform::take_picked_photos()) {
    if (picked.request != f.photo_request) continue;
    f.photo_request = 0;
    any = true;
    if (picked.error == "cancelled") continue;
    if (!picked.error.empty()) {
      f.photo_problem = picked.error;
      continue;
    }
    f.photo_problem.clear();
    app.accounts->upload_photo(picked.jpeg);
  }
  return any;
}

// A new picture to cut: a fresh texture for its preview (the old one goes).
unsigned fresh_preview(AccountForms& f) {
  delete_image_texture(f.photo_preview);
  f.photo_preview = create_image_texture();
  return f.photo_preview;
}

// The camera is open while a photo is being taken on "My details", and closed after.
void follow_camera(App& app) {
  AccountForms& f = app.account_ui;
  const bool want = f.screen == AccountScreen::MyDetails && f.details.taking_photo;
  if (want) app.call->preview(false, true);
  else if (f.camera_was_open) app.call->preview(false, false);
  f.camera_was_open = want;
}

void draw_login(App& app) {
  AccountForms& f = app.account_ui;
  AccountController& accounts = *app.accounts;
  f.login.busy = accounts.task(AccountTask::LogIn).busy;
  f.login.error = problem_of(accounts, AccountTask::LogIn);
  f.login.notice = accounts.session_ended() ? ui::tr(ui::AccountText::SessionEnded) : nullptr;
  const ui::LoginIntents in = ui::draw_login_screen(f.login);
  if (in.language) switch_language(*in.language);
  if (in.log_in) accounts.log_in(f.login.email, f.login.password);
  if (in.test_connection) open_connection_test(app, emscripten_get_now());
  if (in.back) {
    show(app, AccountScreen::None);
    app.show_start = app.form.room[0] == '\0';
  }
}

void draw_invitation(App& app) {
  AccountForms& f = app.account_ui;
  AccountController& accounts = *app.accounts;
  const auto& info = accounts.invitation();
  f.invitation.greeting = info ? ui::tr_with_name(ui::AccountText::InvitationFor, info->name) : "";
  f.invitation.email = info ? info->email : "";
  f.invitation.usable = info.has_value();
  f.invitation.busy = accounts.task(AccountTask::AcceptInvitation).busy;
  const char* check = problem_of(accounts, AccountTask::CheckInvitation);
  const char* accept = problem_of(accounts, AccountTask::AcceptInvitation);
  f.invitation.error = accept ? accept : check;
  // A link that is no good any more offers no password fields, only the login.
  if (check) f.invitation.usable = false;
  if (accept && accounts.task(AccountTask::AcceptInvitation).problem->code.rfind("invitation-", 0) == 0)
    f.invitation.usable = false;
  const ui::InvitationIntents in = ui::draw_invitation_screen(f.invitation);
  if (in.language) switch_language(*in.language);
  if (in.set_password) accounts.accept_invitation(f.invitation_token, f.invitation.password, f.invitation.repeated);
  if (in.to_login) {
    treff_dom_replace_path("/");
    show(app, AccountScreen::Login);
  }
}

ui::ContactsView contacts_view(App& app) {
  AccountController& accounts = *app.accounts;
  const ContactBook& book = accounts.book();
  ui::ContactsView v;
  v.my_name = accounts.me()->name;
  for (const auto& p : book.contacts) {
    v.contacts.push_back(person_card(app, p));
    v.contacts.back().presence = presence_mark(app, p.id);
  }
  for (const auto& p : book.asking_me) v.asking_me.push_back(person_card(app, p));
  for (const auto& p : book.asked) v.asked.push_back(person_card(app, p));
  auto listed = [](const std::vector<Person>& list, int id) {
    return std::any_of(list.begin(), list.end(), [id](const Person& p) { return p.id == id; });
  };
  for (const auto& p : accounts.people_found()) {
    ui::FoundPerson found{person_card(app, p), ui::FoundState::CanAsk};
    if (p.id == accounts.me()->id) found.state = ui::FoundState::Self;
    else if (listed(book.contacts, p.id)) found.state = ui::FoundState::AlreadyContact;
    else if (listed(book.asked, p.id)) found.state = ui::FoundState::Waiting;
    v.found.push_back(std::move(found));
  }
  v.searched = accounts.task(AccountTask::FindPeople).done;
  v.busy = accounts.task(AccountTask::RequestContact).busy || accounts.task(AccountTask::AnswerRequest).busy ||
           accounts.task(AccountTask::RemoveContact).busy;
  for (AccountTask t : {AccountTask::RequestContact, AccountTask::AnswerRequest, AccountTask::RemoveContact,
                        AccountTask::FindPeople, AccountTask::Contacts})
    if (!v.error) v.error = problem_of(accounts, t);
  if (accounts.task(AccountTask::RequestContact).done)
    v.notice = ui::tr_with_name(ui::AccountText::RequestSent, app.account_ui.requested_name);
  v.online = online_contacts_view(app);
  return v;
}

void draw_contacts(App& app, double now_ms) {
  AccountForms& f = app.account_ui;
  AccountController& accounts = *app.accounts;
  const ui::ContactsIntents in = ui::draw_contacts_screen(contacts_view(app), f.contacts);
  act_on_online_contacts(app, in.calling, now_ms);
  if (in.language) switch_language(*in.language);
  if (in.search) accounts.find_people(f.contacts.query);
  if (in.request) {
    for (const auto& p : accounts.people_found())
      if (p.id == *in.request) f.requested_name = p.name;
    accounts.request_contact(*in.request);
  }
  if (in.accept || in.decline) accounts.reset_task(AccountTask::RequestContact);
  if (in.accept) accounts.answer_request(*in.accept, true);
  if (in.decline) accounts.answer_request(*in.decline, false);
  if (in.remove) accounts.remove_contact(*in.remove);
  if (in.my_details) show(app, AccountScreen::MyDetails);
  if (in.rooms) {
    show(app, AccountScreen::None);
    app.show_start = true;
  }
  if (in.log_out) accounts.log_out();
  if (in.test_connection) open_connection_test(app, now_ms);
}

ui::DetailsView details_view(App& app) {
  AccountForms& f = app.account_ui;
  AccountController& accounts = *app.accounts;
  ui::DetailsView v;
  v.me = person_card(app, *accounts.me());
  // The photo just chosen shows at once, until the server's copy of it has loaded.
  if (!v.me.photo && f.photo_preview && (accounts.task(AccountTask::UploadPhoto).busy || accounts.task(AccountTask::UploadPhoto).done))
    v.me.photo = texture_id(f.photo_preview);
  v.admin = accounts.me()->admin;
  v.changed = details_changed(app);
  v.saving = accounts.task(AccountTask::SaveDetails).busy;
  if (const char* p = problem_of(accounts, AccountTask::SaveDetails)) {
    v.details_message = p;
    v.details_failed = true;
  } else if (accounts.task(AccountTask::SaveDetails).done && !v.changed) {
    v.details_message = ui::tr(ui::AccountText::Saved);
  }
  // Not while the file chooser is open: one closed without a choice may never say so.
  v.photo_busy = accounts.task(AccountTask::UploadPhoto).busy;
  if (!f.photo_problem.empty()) {
    v.photo_message = ui::tr_account_problem(f.photo_problem);
    v.photo_failed = true;
  } else if (const char* p = problem_of(accounts, AccountTask::UploadPhoto)) {
    v.photo_message = p;
    v.photo_failed = true;
  } else if (accounts.task(AccountTask::UploadPhoto).done) {
    v.photo_message = ui::tr(ui::AccountText::NewPhotoSaved);
  }
  v.password_busy = accounts.task(AccountTask::ChangePassword).busy;
  if (const char* p = problem_of(accounts, AccountTask::ChangePassword)) {
    v.password_message = p;
    v.password_failed = true;
  } else if (accounts.task(AccountTask::ChangePassword).done) {
    v.password_message = ui::tr(ui::AccountText::PasswordChanged);
  }
  if (const char* p = problem_of(accounts, AccountTask::Invite)) {
    v.invite_message = p;
    v.invite_failed = true;
  }
  v.invite_link = accounts.invitation_link();
  if (!v.invite_link.empty()) v.invite_note = ui::tr_with_name(ui::AccountText::InvitationMade, f.details.invite_name);
  v.camera_video = app.own_picture.video();
  return v;
}

void draw_details(App& app) {
  AccountForms& f = app.account_ui;
  AccountController& accounts = *app.accounts;
  if (!f.details_filled) fill_details(app);
  const ui::DetailsView view = details_view(app);
  treff_dom_guard_unload(view.changed ? 1 : 0);
  const ui::DetailsIntents in = ui::draw_my_details_screen(view, f.details);
  if (in.language) switch_language(*in.language);
  auto save = [&] { accounts.save_details(f.details.name, f.details.phone, f.details.about); };
  if (in.save) save();
  if (in.save_and_leave) {
    save();
    f.leave_after_save = true;
  }
  if (in.back) {
    if (view.changed) f.details.ask_unsaved = true;
    else show(app, AccountScreen::Contacts);
  }
  if (in.leave_unsaved) {
    treff_dom_guard_unload(0);
    show(app, AccountScreen::Contacts);
  }
  if (in.choose_photo) f.photo_request = platform::choose_photo_file(kPhotoSide, kPhotoBytes, fresh_preview(f));
  if (in.open_camera) {
    f.details.taking_photo = true;
    f.photo_problem.clear();
  }
  if (in.close_camera) f.details.taking_photo = false;
  if (in.take_photo && view.camera_video) {
    f.photo_request = platform::photo_from_camera(view.camera_video, kPhotoSide, kPhotoBytes, fresh_preview(f));
    f.details.taking_photo = false;
  }
  if (in.change_password) {
    f.clear_passwords = true;
    accounts.change_password(f.details.current, f.details.fresh, f.details.repeated);
  }
  if (in.log_out_everywhere) accounts.log_out_everywhere();
  if (in.invite) accounts.invite(f.details.invite_email, f.details.invite_name);
  if (in.copy_invite) f.copy_request = platform::copy_to_clipboard(accounts.invitation_link());
}

}  // namespace

void start_accounts(App& app) {
  app.accounts = std::make_unique<AccountController>(app.http);
  app.accounts->check_session();
  AccountForms& f = app.account_ui;
  f.invitation_token = platform::take_string(treff_dom_invitation_token());
  if (!f.invitation_token.empty() || platform::take_string(treff_dom_path()) == "/invite") {
    f.screen = AccountScreen::Invitation;
    app.show_start = false;
    app.accounts->check_invitation(f.invitation_token);
    return;
  }
  f.contacts_on_session = app.show_start;
}

const char* account_button_label(const App& app) {
  if (app.accounts->me()) return ui::tr(ui::AccountText::ContactsTitle);
  return app.accounts->accounts_available() ? ui::tr(ui::AccountText::LoginTitle) : nullptr;
}

void open_account(App& app) {
  show(app, app.accounts->me() ? AccountScreen::Contacts : AccountScreen::Login);
  app.show_start = false;
}

bool follow_accounts(App& app, double now_ms) {
  AccountController& accounts = *app.accounts;
  AccountForms& f = app.account_ui;
  if (f.screen == AccountScreen::Contacts) accounts.keep_contacts_fresh(static_cast<std::int64_t>(now_ms));
  bool changed = accounts.tick();
  changed |= app.photos.take_loaded();
  changed |= take_picked_photos(app);
  follow_camera(app);
  const bool in_account = f.screen == AccountScreen::Contacts || f.screen == AccountScreen::MyDetails;
  if (accounts.me()) {
    if (f.screen == AccountScreen::Login || f.screen == AccountScreen::Invitation) {
      if (f.screen == AccountScreen::Invitation) treff_dom_replace_path("/");
      clear_secrets(f);
      show(app, AccountScreen::Contacts);
      app.show_start = false;
      changed = true;
    }
    // Opened without a room and still logged in from before: the contacts, as after a login.
    if (f.contacts_on_session && app.show_start && f.screen == AccountScreen::None &&
        app.call->phase() == CallPhase::Idle) {
      show(app, AccountScreen::Contacts);
      app.show_start = false;
      changed = true;
    }
    f.contacts_on_session = false;
  } else if (in_account) {
    forget_account(app, accounts.session_ended());
    changed = true;
  }
  if (accounts.session_known()) f.contacts_on_session = f.contacts_on_session && accounts.me();
  if (f.leave_after_save && !accounts.task(AccountTask::SaveDetails).busy) {
    f.leave_after_save = false;
    if (accounts.task(AccountTask::SaveDetails).done) show(app, AccountScreen::Contacts);
    else f.details.ask_unsaved = false;
    changed = true;
  }
  if (f.clear_passwords && accounts.task(AccountTask::ChangePassword).done) {
    f.clear_passwords = false;
    clear_secrets(f);
  }
  return changed;
}

bool draw_account_screens(App& app, double now_ms) {
  switch (app.account_ui.screen) {
    case AccountScreen::None: return false;
    case AccountScreen::Login: draw_login(app); return true;
    case AccountScreen::Invitation: draw_invitation(app); return true;
    case AccountScreen::Contacts:
      if (app.accounts->me()) draw_contacts(app, now_ms);
      return true;
    case AccountScreen::MyDetails:
      if (app.accounts->me()) draw_details(app);
      return true;
  }
  return false;
}

}  // namespace treff::app
