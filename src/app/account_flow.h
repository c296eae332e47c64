// The account screens in the app: which one shows, what each is given from the AccountController,
// and what is done with what the person asked for (log in, set the password of an invitation,
// contacts, details, photo, password).
#pragma once

#include "app/client_app.h"

namespace treff::app {

// At page start: asks whether the page is logged in; an /invite#<token> link opens its page.
void start_accounts(App& app);
// Takes the server's answers and the browser's photos, and moves between screens as they say.
// While the contact list shows, it is loaded again now and then. True when anything changed on
// screen.
bool follow_accounts(App& app, double now_ms);
// Draws the account screen that is open and acts on it; false when none is.
bool draw_account_screens(App& app, double now_ms);
// The start screen's account button: "Log in" or, logged in, "My contacts"; null when the server
// keeps no accounts. open_account() is its press.
const char* account_button_label(const App& app);
void open_account(App& app);
// A person of the account's lists as the screens show them (photo, initials; no presence).
ui::PersonCard person_card(App& app, const Person& p);
// A contact's presence as the line last heard it; Unknown without a line.
ui::PresenceMark presence_mark(const App& app, int account);

}  // namespace treff::app
