#include "app/input.h"

#include <emscripten/html5.h>
#include <imgui.h>

#include <deque>

namespace treff::app {
namespace {

struct InputEvent {
  enum Kind { Move, Button };
  explicit InputEvent(Kind k) : kind(k) {}
  Kind kind;
  float x = 0, y = 0;
  int code = 0;
  bool down = false;
};

std::deque<InputEvent> g_queue;

EM_BOOL on_mouse(int type, const EmscriptenMouseEvent* e, void*) {
  InputEvent ev(InputEvent::Move);
  ev.x = static_cast<float>(e->targetX);
  ev.y = static_cast<float>(e->targetY);
  g_queue.push_back(ev);
  if (type == EMSCRIPTEN_EVENT_MOUSEDOWN || type == EMSCRIPTEN_EVENT_MOUSEUP) {
    ev.kind = InputEvent::Button;
    ev.code = e->button == 2 ? 1 : e->button == 1 ? 2 : 0;
    ev.down = type == EMSCRIPTEN_EVENT_MOUSEDOWN;
    g_queue.push_back(ev);
  }
  return EM_TRUE;
}

EM_BOOL on_touch(int type, const EmscriptenTouchEvent* e, void*) {
  if (e->numTouches < 1) return EM_FALSE;
  const EmscriptenTouchPoint& t = e->touches[0];
  InputEvent ev(InputEvent::Move);
  ev.x = static_cast<float>(t.targetX);
  ev.y = static_cast<float>(t.targetY);
  g_queue.push_back(ev);
  if (type == EMSCRIPTEN_EVENT_TOUCHSTART || type == EMSCRIPTEN_EVENT_TOUCHEND || type == EMSCRIPTEN_EVENT_TOUCHCANCEL) {
    ev.kind = InputEvent::Button;
    ev.down = type == EMSCRIPTEN_EVENT_TOUCHSTART;
    g_queue.push_back(ev);
  }
  return EM_TRUE;  // no synthesized mouse events, no page zoom
}

}  // namespace

void install_input_handlers(const char* canvas) {
  emscripten_set_mousedown_callback(canvas, nullptr, true, on_mouse);
  emscripten_set_mouseup_callback(EMSCRIPTEN_EVENT_TARGET_WINDOW, nullptr, true, on_mouse);
  emscripten_set_mousemove_callback(canvas, nullptr, true, on_mouse);
  emscripten_set_touchstart_callback(canvas, nullptr, true, on_touch);
  emscripten_set_touchmove_callback(canvas, nullptr, true, on_touch);
  emscripten_set_touchend_callback(canvas, nullptr, true, on_touch);
  emscripten_set_touchcancel_callback(canvas, nullptr, true, on_touch);
}

bool apply_queued_input() {
  ImGuiIO& io = ImGui::GetIO();
  bool applied = false;
  // A button that already changed this frame waits for the next one, so a quick click (down and
  // up between two frames) is seen by ImGui as a click.
  bool button_changed[5] = {};
  while (!g_queue.empty()) {
    const InputEvent& e = g_queue.front();
    if (e.kind == InputEvent::Button) {
      if (button_changed[e.code]) break;
      io.MouseDown[e.code] = e.down;
      button_changed[e.code] = true;
    } else {
      io.MousePos = ImVec2(e.x, e.y);
    }
    g_queue.pop_front();
    applied = true;
  }
  return applied || !g_queue.empty();
}

}  // namespace treff::app
