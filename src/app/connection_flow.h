// The connection test in the page: opened from the start, login and contacts screens, it takes the
// screen until "Back", runs app/ConnectionCheck against the page's own server and shows it with
// ui/connection_screen.h.
#pragma once

#include <nlohmann/json.hpp>

#include "app/client_app.h"

namespace treff::app {

// Opens the test's screen and starts the test.
void open_connection_test(App& app, double now_ms);
// Each frame: takes the test's answers; true when the screen should be drawn again.
bool follow_connection_test(App& app, double now_ms);
// Draws the test's screen when it is open; false when it is not.
bool draw_connection_test(App& app, double now_ms);
// For window.treff.state(): what the screen shows.
nlohmann::json connection_test_json(const App& app, double now_ms);

}  // namespace treff::app
