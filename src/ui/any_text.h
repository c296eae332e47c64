// Text in any script. What the UI font holds (Latin, the three languages' punctuation) is drawn
// with it, as sharp as all other text. Anything else (Cyrillic, Greek, Arabic and Hebrew with
// joined letters right to left, Chinese, Japanese, Korean, Devanagari, emoji) goes once to the
// browser's own text engine, which brings shaping, direction and the system's fallback fonts for no
// download; it renders the text white into a texture at device pixels, which is drawn tinted and
// kept while it is used. Names are what needs this: people write theirs as they like.
#pragma once

#include <imgui.h>

#include <string>

namespace treff::ui {

// What the platform gives: text rendered into a new texture (white on transparent, a font of `px`
// CSS px to the em at `scale` device px per CSS px, broken into lines no wider than `wrap` CSS px when > 0,
// right to left when `rtl`); its size in CSS px. And a way to free it.
struct TextImage {
  ImTextureID texture = nullptr;
  ImVec2 size;
};
struct TextImageMaker {
  TextImage (*make)(const std::string& text, float px, float scale, float wrap, bool rtl) = nullptr;
  void (*release)(ImTextureID texture) = nullptr;
};
void set_text_image_maker(TextImageMaker maker);

// True when every character of `text` is in `font` (it can be drawn without the browser).
bool font_has_all(const ImFont* font, const std::string& text);
// True when the first strongly directional character of `text` is Arabic or Hebrew.
bool starts_right_to_left(const std::string& text);

// Size of `text` at `px` CSS px, wrapped at `wrap` (0: one line).
ImVec2 any_text_size(const std::string& text, float px, float wrap = 0);
// Draws `text` with its top left at `pos`.
void draw_any_text(ImDrawList* dl, ImVec2 pos, float px, ImU32 color, const std::string& text, float wrap = 0);
// Call once per drawn frame: frees the images no frame has used for a while.
void end_any_text_frame();

}  // namespace treff::ui
