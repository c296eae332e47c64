// How a person gets into a room: the start screen (Call now, a named room, the server) and the join
// prompt (name, password, the pre-join check of camera, microphone and speaker), and what they do.
#pragma once

#include "app/client_app.h"

namespace treff::app {

// Draws the start screen (a page opened without a room) or the join prompt, and acts on them.
void draw_entry_screens(App& app);
// Joins the room in the join form (also "Rejoin" after leaving).
void start_join(App& app);
// On the join prompt the person sees and hears what they would send, and the server is connected
// already; elsewhere nothing is watched. True when the preview changed on screen.
bool follow_preview(App& app, double now_ms);
// Uses `language` for every text from now on, and remembers it for the next visit.
void switch_language(ui::Language language);

}  // namespace treff::app
