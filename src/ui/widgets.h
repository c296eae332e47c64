// The building blocks every screen uses: colours, sizes and widgets that report themselves to the
// automation tree (and so to the DOM mirror, keyboard and screen readers).
#pragma once

#include <imgui.h>

#include <cstddef>
#include <optional>

namespace treff::ui {

enum class Language;
struct Tile;

constexpr ImU32 kBackground = IM_COL32(245, 245, 240, 255);
constexpr ImU32 kTileBackground = IM_COL32(47, 62, 70, 255);
constexpr ImU32 kAccent = IM_COL32(47, 111, 94, 255);
constexpr ImU32 kSpeaker = IM_COL32(120, 200, 120, 255);
constexpr ImU32 kWarning = IM_COL32(196, 52, 52, 255);
constexpr ImU32 kGood = IM_COL32(30, 110, 60, 255);
constexpr float kTouchTarget = 48.0f;  // CSS px; at least 44 for fingers

struct ButtonColors {
  ImU32 normal, hovered, active;
};
constexpr ButtonColors kPrimaryButton{kAccent, IM_COL32(38, 92, 78, 255), IM_COL32(30, 75, 63, 255)};
constexpr ButtonColors kDangerButton{kWarning, IM_COL32(170, 40, 40, 255), IM_COL32(140, 30, 30, 255)};

constexpr ImGuiWindowFlags kScreenFlags = ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove |
                                          ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoBringToFrontOnFocus;

// A full-window screen without decoration that scrolls when it is taller than the window
// (screen_scroll.h); end_screen() ends it. Lay it out by screen_height(), not its window's height,
// which is the height of what it drew.
void begin_screen(const char* id);
void end_screen();
float screen_height();

// Where a start or join screen puts its two parts: side by side and centred where the window is at
// least `min_width` wide (columns of at most `max_column`, 48 px apart), else one centred column
// of at most 420 px (phones). `right` is the second column's x; only used side by side.
struct ScreenColumns {
  bool side_by_side = false;
  float width = 0;
  float left = 0, right = 0;
};
ScreenColumns screen_columns(float min_width, float max_column);

// A screen of one centred column of at most `max_width`, below the language row; returns the
// column's width. end_column_screen() ends it and returns the language picked in that row.
float begin_column_screen(const char* id, float max_width);
std::optional<Language> end_column_screen(float width);

struct FieldOptions {
  const char* autocomplete = "off";  // what the browser may fill in ("name", "new-password", ...)
  bool wants_focus = false;          // the caret goes here (when the field appears)
  bool secret = false;               // a password, shown as dots
  bool read_only = false;            // text to copy, not to edit
  bool select_all = false;           // with wants_focus: the whole text is selected
};

// A text field with a hidden ImGui label. The person types into the DOM mirror's real <input> over
// it (phone keyboards, paste, autofill), whose text arrives here before the field is drawn; the
// automation tree gets the visible caption and the text. True on Enter.
bool text_field(const char* id, const char* caption, char* buf, std::size_t size, float width,
                const FieldOptions& options = {});

// A button pressed by mouse, touch, or through the DOM mirror (keyboard, screen reader). A label
// wider than the button (narrow windows, long German words) is drawn smaller rather than cut off.
bool button(const char* label, ImVec2 size, bool wants_focus = false);
// A button filled with a strong colour and white text.
bool filled_button(const char* label, ImVec2 size, const ButtonColors& colors, bool wants_focus = false);
bool primary_button(const char* label, float width, bool wants_focus = false);

// A tick box as large as a fingertip; true when it changed (mouse, touch, keyboard, screen reader).
bool check_box(const char* label, bool& value);

// A text that matters to someone who cannot see the canvas (a notice, a help line, an error).
void report_text(const char* text, ImVec2 a, ImVec2 b);
// Wrapped text of at most `width`, optionally coloured, reported to the automation tree.
void text_block(const char* text, float width, ImU32 color = 0);
// A thin bar across `width`, filled to `fraction` (0..1) in `color`: how far a timed task is.
void progress_bar(float width, float fraction, ImU32 color);

// A thin line across `width` between parts of a screen (ImGui's separator spans the whole window).
void rule(float width);

// A person's video fitted into the rectangle with its aspect ratio kept (or their initials), their
// name on a band at the bottom, the mic-off mark and, when speaking, a green frame.
void draw_tile(ImDrawList* dl, const Tile& t, ImVec2 a, ImVec2 b, bool large);

// Three small buttons at the top right of the current screen, each language named in itself
// ("Nederlands", "Deutsch", "English"); the one in use is filled. Returns the one pressed.
std::optional<Language> language_picker();

}  // namespace treff::ui
