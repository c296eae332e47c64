// A start or join screen taller than the window scrolls as a whole (200% zoom, small phones). Its
// ImGui window is as tall as what it drew last time and moves up by the offset, so ImGui clips
// nothing away: every widget stays in the automation tree and so in the DOM mirror, where Tab
// reaches it, and a widget that gets keyboard focus is scrolled into view. The mouse wheel and a
// finger's drag scroll it. The room screen fits its window and does not scroll.
#pragma once

namespace treff::ui::scroll {

// Places the window of screen `id` for this frame; another screen than last time starts at the top.
void place_window(const char* id);
// Called before ImGui::End() of that window: remembers how tall the screen is and brings the widget
// with keyboard focus into view.
void finish_window();
// Scrolls by `dy` CSS px (positive: further down the screen), from the wheel or a drag.
void by(float dy);
// True once after the offset changed: the screen must be drawn again.
bool take_moved();

}  // namespace treff::ui::scroll
