// The room's recording (app/call_recording.h) on the room screen: the menu's button, the line
// that tells everyone who records, and keeping the recording's mix and the person's media state
// in step with the call.
#pragma once

#include "app/client_app.h"

namespace treff::app {

void show_recording(App& app, ui::RoomView& view, double now_ms);
void toggle_recording(App& app, double now_ms);
// Every frame; true when the screen must change.
bool follow_recording(App& app, double now_ms);

}  // namespace treff::app
