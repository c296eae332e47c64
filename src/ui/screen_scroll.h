// A window taller than the room it has scrolls as a whole: a start or join screen at 200% zoom or
// on a small phone, and the room menu on a short screen. Its ImGui window is as tall as what it drew
// last time and moves up by the offset, and ImGui clips nothing away (unclip()): every widget stays
// in the automation tree and so in the DOM mirror, where Tab reaches it, and a widget that gets keyboard
// focus is scrolled into view. The mouse wheel and a finger's drag scroll it. One such window at a
// time (the room screen itself fits its window and does not scroll).
#pragma once

#include <imgui.h>

namespace treff::ui::scroll {

// Places the window `id` for this frame with its top left at `pos` (before scrolling), `width`
// wide and at least `min_height` tall; what lies below `visible_bottom` (screen y) is scrolled to.
// A window that was not shown in the last frame starts at the top.
void place_window(const char* id, ImVec2 pos, float width, float min_height, float visible_bottom);
// The whole main viewport, for a screen.
void place_screen(const char* id);
// Call right after ImGui::Begin() of that window. ImGui skips the widgets of a window that lie
// outside the browser's window (it clips to the viewport); this clips to the whole window instead,
// so those widgets are laid out and reported too (the renderer's scissor cuts what is off screen).
void unclip();
// Called before ImGui::End() of that window: remembers how tall it is, brings the widget with
// keyboard focus into view, and ends unclip().
void finish_window();
// Scrolls by `dy` CSS px (positive: further down), from the wheel or a drag.
void by(float dy);
// True once after the offset changed: the window must be drawn again.
bool take_moved();

}  // namespace treff::ui::scroll
