// Mouse and touch input (Emscripten html5 events) for Dear ImGui 1.86, whose IO holds plain state:
// events are queued and applied at the start of a frame, at most one change per button per frame,
// so a quick click (down and up between two frames) is never lost. The keyboard does not come this
// way: it operates the DOM mirror's focusable elements (wasm/dom_mirror.js, app/dom_mirror.cpp).
#pragma once

namespace treff::app {

void install_input_handlers(const char* canvas_selector);
// Applies queued input to ImGui's IO; true when anything was applied (the frame must be drawn).
bool apply_queued_input();

}  // namespace treff::app
