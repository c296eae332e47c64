// The UI automation tree: every interactive widget of the last drawn frame with its label, role,
// rectangle (CSS px, relative to the canvas) and state, collected through Dear ImGui's test-engine
// item hooks. Exported to the page as window.treff.ui() for end-to-end tests and for the
// accessible DOM mirror (wasm/dom_mirror.js), whose focusable elements send back what a keyboard,
// a phone keyboard or a screen reader did: a press, a changed text, Enter in a text field.
#pragma once

#include <string>
#include <vector>

namespace treff::ui::automation {

enum class Role { Button, Input, Checkbox, Thumbnail, Text };

struct Node {
  unsigned id = 0;
  std::string label;
  Role role = Role::Button;
  float x = 0, y = 0, w = 0, h = 0;
  bool disabled = false;
  bool checked = false;
  bool pressed = false;       // thumbnails: this person is shown large
  bool focus_request = false; // the screen just appeared and wants keyboard focus here
  std::string detail;         // spoken after the label, e.g. "microphone off"
  std::string value;          // inputs: their text
  std::string autocomplete;   // inputs: what the browser may fill in ("name", "off")
  bool secret = false;        // inputs: a password, shown as dots
  bool read_only = false;     // inputs: text to copy, not to edit (e.g. an invite link)
  bool select_all = false;    // inputs: when focus is requested, the whole text gets selected
};

// Call once after creating the ImGui context.
void enable();
// Call right before NewFrame(): starts collecting a new tree.
void begin_frame();
// Call after Render(): the collected tree becomes the published one.
void end_frame();
// The tree of the last completed frame.
const std::vector<Node>& nodes();
// JSON array for window.treff.ui().
std::string to_json();

// Annotations for the next widget: its role, the label a person sees (when the ImGui label is
// hidden, e.g. "##name") and, for inputs, the current text.
void next_role(Role role);
void next_label(const std::string& label);
void next_value(const std::string& value);
void next_autocomplete(const char* hint);
void next_secret();
void next_read_only();
// With next_focus_request: the text is selected, ready for Ctrl+C or a long press.
void next_select_all();
// Drops annotations a widget did not use (ImGui reports no item that is clipped away), so they
// cannot land on the next widget.
void clear_next();
// The next widget asks for keyboard focus (call when its screen appears).
void next_focus_request();
// Reports the last submitted widget, for widgets that give ImGui no item info (InvisibleButton).
void report_last_item(Role role, const std::string& label, bool pressed = false, const std::string& detail = {});
// A text that is not a widget but matters (a notice, a help line): reported with role Text.
void add_text(const std::string& label, float x, float y, float w, float h);

const char* role_name(Role role);

// Requests from the DOM mirror, kept until the widget with that id is drawn next (or dropped at the
// end of that frame when no such widget exists any more).
void request_press(unsigned id);
void request_text(unsigned id, std::string text);
void request_submit(unsigned id);
// Escape was pressed in the mirror: kept for one frame, for an open menu or panel to close.
void request_escape();
// Keyboard focus went to the mirror's element of widget `id` (Tab, a click, a screen reader).
void note_focus(unsigned id);
unsigned focused_widget();
// The widgets collected so far in the frame being drawn.
const std::vector<Node>& building();
bool has_requests();
// Called by a screen right after drawing a widget: whether the mirror pressed it, or pressed Enter
// in it (never when the widget is disabled). take_text is called before drawing a text field, with
// its id: copies a text the mirror typed into buf (cut at a character boundary).
bool take_press();
bool take_text(unsigned id, char* buf, std::size_t size);
bool take_submit();
// Whether Escape was pressed since the last frame (the first screen to ask takes it).
bool take_escape();

}  // namespace treff::ui::automation
