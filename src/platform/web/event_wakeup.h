// Browser events (a socket message, a WebRTC answer, an opened camera) are queued by the web
// platform objects and taken by the call controller. Waiting for the next frame to take them adds a
// frame (and, on a busy page, a render) to every step of a join, so each queued event also wakes
// the app's handler, which takes them at once.
#pragma once

namespace treff::platform {

using WakeHandler = void (*)();

void set_wake_handler(WakeHandler handler);
// Runs the handler now; when called from inside the handler (an event queued synchronously while
// it runs), runs it once more after it returns instead.
void wake();

}  // namespace treff::platform
