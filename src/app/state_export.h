// Read-only state of the client for tests and tools, as window.treff.state(): the phase, the people
// with their media and video frames, the local camera and microphone, the preview. Made when asked
// (wasm/dom.js calls treff_state), so that it is current without the frame loop drawing.
#pragma once

#include <string>

#include "app/client_app.h"

namespace treff::app {

std::string state_json(const App& app);

}  // namespace treff::app
