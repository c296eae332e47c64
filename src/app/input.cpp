#include "app/input.h"

#include <emscripten/html5.h>
#include <imgui.h>

#include <cfloat>
#include <cmath>
#include <deque>

#include "ui/screen_scroll.h"

namespace treff::app {
namespace {

struct InputEvent {
  enum Kind { Move, Button, Scroll };
  explicit InputEvent(Kind k) : kind(k) {}
  Kind kind;
  float x = 0, y = 0;  // Scroll: y is how far, in CSS px
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

// Where the finger went down, and whether it has become a drag that scrolls the screen.
float g_touch_start_y = 0, g_touch_last_y = 0;
bool g_dragging = false;
constexpr float kDragThreshold = 10;  // CSS px: less is a tap that wobbled

void push_move(float x, float y) {
  InputEvent ev(InputEvent::Move);
  ev.x = x, ev.y = y;
  g_queue.push_back(ev);
}

void push_button(bool down) {
  InputEvent ev(InputEvent::Button);
  ev.down = down;
  g_queue.push_back(ev);
}

EM_BOOL on_touch(int type, const EmscriptenTouchEvent* e, void*) {
  if (e->numTouches < 1) return EM_FALSE;
  const EmscriptenTouchPoint& t = e->touches[0];
  const float x = static_cast<float>(t.targetX), y = static_cast<float>(t.targetY);
  if (type == EMSCRIPTEN_EVENT_TOUCHSTART) {
    g_touch_start_y = g_touch_last_y = y;
    g_dragging = false;
    push_move(x, y);
    push_button(true);
  } else if (type == EMSCRIPTEN_EVENT_TOUCHMOVE) {
    if (!g_dragging && std::fabs(y - g_touch_start_y) > kDragThreshold) {
      // A drag, not a tap: the finger leaves every widget (so nothing is pressed when it lifts)
      // and moves the screen with it.
      g_dragging = true;
      push_move(-FLT_MAX, -FLT_MAX);
    }
    if (g_dragging) {
      InputEvent ev(InputEvent::Scroll);
      ev.y = g_touch_last_y - y;
      g_queue.push_back(ev);
    } else {
      push_move(x, y);
    }
    g_touch_last_y = y;
  } else {  // end or cancel
    if (!g_dragging) push_move(x, y);
    push_button(false);
  }
  return EM_TRUE;  // no synthesized mouse events, no page zoom
}

EM_BOOL on_wheel(int, const EmscriptenWheelEvent* e, void*) {
  InputEvent ev(InputEvent::Scroll);
  const double unit = e->deltaMode == DOM_DELTA_LINE ? 40.0 : e->deltaMode == DOM_DELTA_PAGE ? 400.0 : 1.0;
  ev.y = static_cast<float>(e->deltaY * unit);
  g_queue.push_back(ev);
  return EM_TRUE;
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
  emscripten_set_wheel_callback(canvas, nullptr, true, on_wheel);
}

bool apply_queued_input() {
  ImGuiIO& io = ImGui::GetIO();
  bool applied = false;
  // A button change ends the frame's input: ImGui sees a press or a release where it happened. A
  // quick click (down and up between two frames) is seen as a click, and a move that followed a
  // release at once (the next click, elsewhere) waits: else the release would count at the new
  // place and the first click would be lost (a quick "Audio only" then "Join" joined with video).
  while (!g_queue.empty()) {
    const InputEvent e = g_queue.front();
    g_queue.pop_front();
    applied = true;
    if (e.kind == InputEvent::Scroll) {
      ui::scroll::by(e.y);
    } else if (e.kind == InputEvent::Button) {
      io.MouseDown[e.code] = e.down;
      break;
    } else {
      io.MousePos = ImVec2(e.x, e.y);
    }
  }
  return applied || !g_queue.empty();
}

}  // namespace treff::app
