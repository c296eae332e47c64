// Read-only state of the client for tests and tools, as window.treff.state(): the phase, the people
// with their media and frames drawn, the local camera and microphone, the preview.
#pragma once

#include "app/client_app.h"

namespace treff::app {

void publish_state(const App& app);

}  // namespace treff::app
