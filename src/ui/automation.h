// The UI automation tree: every interactive widget of the last drawn frame with its label, role,
// rectangle (CSS px, relative to the canvas) and state, collected through Dear ImGui's test-engine
// item hooks. Exported to the page as window.treff.ui() for end-to-end tests and for the
// accessible DOM mirror.
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
  bool focused = false;
  bool checked = false;
  std::string value;  // inputs: their text
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
// Reports the last submitted widget, for widgets that give ImGui no item info (InvisibleButton).
void report_last_item(Role role, const std::string& label);
// A text that is not a widget but matters (a notice, a help line): reported with role Text.
void add_text(const std::string& label, float x, float y, float w, float h);

const char* role_name(Role role);

}  // namespace treff::ui::automation
