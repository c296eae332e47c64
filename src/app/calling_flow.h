// Calling a contact in the app: the line opens with the login and closes with the logout, the
// contacts screen shows who is online and rings the chosen ones, a ring for this person takes
// the screen ("Opnemen" / "Weigeren"), and the ring's private room is joined as any room (the
// caller at once, the callee on answering). A call that came from a ring ends on the contacts.
// From inside a room, the organisation's people can be rung into that room.
#pragma once

#include <optional>

#include "app/client_app.h"

namespace treff::app {

// Takes the line's news and acts on it. True when anything changed on screen.
bool follow_calling(App& app, double now_ms);
// The "Online now" part of the contacts screen, and what its buttons do.
ui::OnlineContactsView online_contacts_view(App& app);
void act_on_online_contacts(App& app, const ui::OnlineContactsIntents& in, double now_ms);
// Draws the screen of a ring for this person, when there is one; false otherwise.
bool draw_incoming_ring(App& app, double now_ms);
// The caller's bar in the room while the others' phones ring; none otherwise.
std::optional<ui::RingBar> ring_bar(const App& app, double now_ms);
// "Stop" in the room's bar: the ring ends; the caller leaves a ring's own call, and stays in a
// room they rang someone into.
void stop_ringing(App& app);
// The room menu's list of the organisation's people (online first), for someone logged in.
void show_colleagues(const App& app, ui::RoomView& view);
// The room menu opened: its list of the organisation is read anew.
void load_colleagues(App& app);
// Rings this person of the organisation into the room on screen.
void call_colleague(App& app, int account, double now_ms);
// The call on screen came from a ring: leaving it goes back to the contacts, not to "Rejoin".
bool in_ring_call(const App& app);

}  // namespace treff::app
