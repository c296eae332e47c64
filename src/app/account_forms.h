// Which account screen is shown and what its forms hold between frames. The App keeps one; the
// functions of account_flow.h act on it.
#pragma once

#include <string>

#include "ui/account_screens.h"

namespace treff::app {

enum class AccountScreen { None, Login, Invitation, Contacts, MyDetails };

struct AccountForms {
  AccountScreen screen = AccountScreen::None;
  ui::LoginForm login;
  ui::InvitationForm invitation;
  std::string invitation_token;       // from the link's #fragment, never sent anywhere but /api
  ui::ContactsState contacts;
  ui::DetailsForm details;
  std::string requested_name;         // whom the last contact request went to
  bool details_filled = false;        // the details form holds the account's saved values
  bool leave_after_save = false;      // "Save" in the unsaved-changes question
  bool clear_passwords = false;       // a password change went out: its fields empty on success
  bool contacts_on_session = false;   // a page opened without a room shows the contacts when logged in
  bool camera_was_open = false;       // the camera was opened for a photo
  unsigned photo_request = 0;         // the photo being cut in the browser
  unsigned photo_preview = 0;         // its texture, shown until the server has the photo
  std::string photo_problem;          // a code for ui::tr_account_problem; "" for none
  unsigned copy_request = 0;          // the invitation link's clipboard copy
};

}  // namespace treff::app
