#include "app/input.h"

#include <emscripten/html5.h>
#include <imgui.h>

#include <cstring>
#include <deque>
#include <set>
#include <string>

namespace treff::app {
namespace {

struct InputEvent {
  enum Kind { Move, Button, Key, Text };
  explicit InputEvent(Kind k) : kind(k) {}
  Kind kind;
  float x = 0, y = 0;
  int code = 0;
  bool down = false;
  bool ctrl = false, shift = false, alt = false, super = false;
  std::string text;
};

std::deque<InputEvent> g_queue;

// DOM keyCodes we hand to ImGui (all below 512, the size of io.KeysDown).
const struct {
  ImGuiKey key;
  int code;
} kKeyMap[] = {{ImGuiKey_Tab, 9},        {ImGuiKey_LeftArrow, 37}, {ImGuiKey_RightArrow, 39}, {ImGuiKey_UpArrow, 38},
               {ImGuiKey_DownArrow, 40}, {ImGuiKey_PageUp, 33},    {ImGuiKey_PageDown, 34},   {ImGuiKey_Home, 36},
               {ImGuiKey_End, 35},       {ImGuiKey_Insert, 45},    {ImGuiKey_Delete, 46},     {ImGuiKey_Backspace, 8},
               {ImGuiKey_Space, 32},     {ImGuiKey_Enter, 13},     {ImGuiKey_Escape, 27},     {ImGuiKey_A, 65},
               {ImGuiKey_C, 67},         {ImGuiKey_V, 86},         {ImGuiKey_X, 88},          {ImGuiKey_Y, 89},
               {ImGuiKey_Z, 90}};

constexpr int kEnter = 13;
constexpr int kSpace = 32;

bool is_mapped(int code) {
  for (const auto& k : kKeyMap)
    if (k.code == code) return true;
  return false;
}

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

EM_BOOL on_key(int type, const EmscriptenKeyboardEvent* e, void*) {
  const bool down = type == EMSCRIPTEN_EVENT_KEYDOWN;
  const int code = static_cast<int>(e->keyCode);
  InputEvent ev(InputEvent::Key);
  ev.code = code;
  ev.down = down;
  ev.ctrl = e->ctrlKey;
  ev.shift = e->shiftKey;
  ev.alt = e->altKey;
  ev.super = e->metaKey;
  g_queue.push_back(ev);
  // Printable characters: e->key is the character itself (one code point, UTF-8).
  const bool printable = down && !e->ctrlKey && !e->metaKey && e->key[0] != 0 &&
                         (std::strlen(e->key) == 1 || static_cast<unsigned char>(e->key[0]) >= 0x80) &&
                         std::strlen(e->key) <= 4;
  if (printable) {
    InputEvent text(InputEvent::Text);
    text.text = e->key;
    g_queue.push_back(text);
  }
  // Keep the browser's own shortcuts (reload, zoom, …); take what the UI uses.
  return printable || (is_mapped(code) && !e->ctrlKey && !e->metaKey) ? EM_TRUE : EM_FALSE;
}

}  // namespace

void install_input_handlers(const char* canvas) {
  ImGuiIO& io = ImGui::GetIO();
  for (const auto& k : kKeyMap) io.KeyMap[k.key] = k.code;
  emscripten_set_mousedown_callback(canvas, nullptr, true, on_mouse);
  emscripten_set_mouseup_callback(EMSCRIPTEN_EVENT_TARGET_WINDOW, nullptr, true, on_mouse);
  emscripten_set_mousemove_callback(canvas, nullptr, true, on_mouse);
  emscripten_set_touchstart_callback(canvas, nullptr, true, on_touch);
  emscripten_set_touchmove_callback(canvas, nullptr, true, on_touch);
  emscripten_set_touchend_callback(canvas, nullptr, true, on_touch);
  emscripten_set_touchcancel_callback(canvas, nullptr, true, on_touch);
  emscripten_set_keydown_callback(EMSCRIPTEN_EVENT_TARGET_WINDOW, nullptr, true, on_key);
  emscripten_set_keyup_callback(EMSCRIPTEN_EVENT_TARGET_WINDOW, nullptr, true, on_key);
}

bool apply_queued_input() {
  ImGuiIO& io = ImGui::GetIO();
  bool applied = false;
  // A button or key that already changed this frame waits for the next one; other keys go on, so
  // fast typing is not replayed one key per frame.
  bool button_changed[5] = {};
  std::set<int> keys_changed;
  while (!g_queue.empty()) {
    const InputEvent& e = g_queue.front();
    if (e.kind == InputEvent::Button) {
      if (button_changed[e.code]) break;
      io.MouseDown[e.code] = e.down;
      button_changed[e.code] = true;
    } else if (e.kind == InputEvent::Key) {
      if (!keys_changed.insert(e.code).second) break;
      if (e.code >= 0 && e.code < 512) io.KeysDown[e.code] = e.down;
      // ImGui 1.86 activates a focused button with Space only; Enter should too, except in a
      // text field, where Enter submits.
      if (e.code == kEnter && (!io.WantTextInput || !e.down)) io.KeysDown[kSpace] = e.down;
      io.KeyCtrl = e.ctrl;
      io.KeyShift = e.shift;
      io.KeyAlt = e.alt;
      io.KeySuper = e.super;
    } else if (e.kind == InputEvent::Text) {
      io.AddInputCharactersUTF8(e.text.c_str());
    } else {
      io.MousePos = ImVec2(e.x, e.y);
    }
    g_queue.pop_front();
    applied = true;
  }
  return applied || !g_queue.empty();
}

}  // namespace treff::app
