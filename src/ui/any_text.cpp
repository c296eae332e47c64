#include "ui/any_text.h"

#include <imgui_internal.h>  // ImTextCharFromUtf8

#include <cfloat>
#include <cmath>
#include <map>
#include <tuple>

namespace treff::ui {
namespace {

TextImageMaker g_maker;

struct Cached {
  TextImage image;
  int last_used = 0;  // frame number
};
using Key = std::tuple<std::string, int, int, int>;  // text, px and wrap in 1/8 CSS px, scale in 1/8
std::map<Key, Cached> g_cache;
int g_frame = 0;
// An image unused for this many drawn frames is freed; past kMaxImages, every one the last frame
// did not use.
constexpr int kKeepFrames = 600;
constexpr std::size_t kMaxImages = 256;

int eighths(float v) { return static_cast<int>(std::lround(v * 8)); }

// ImGui sizes a font by its height from ascender to descender; the browser by its em. For DejaVu
// Sans, the UI font (2048 units per em, ascender 1901, descender 483), the em is this part of the
// height: with it, a name the browser draws is as large as one drawn from the atlas.
constexpr float kEmPerFontHeight = 2048.0f / (1901.0f + 483.0f);

// Device pixels per CSS pixel: the images are made, and placed, in whole device pixels.
float device_scale() {
  const float scale = ImGui::GetIO().DisplayFramebufferScale.x;
  return scale > 0 ? scale : 1.0f;
}

const TextImage* image_for(const std::string& text, float px, float wrap) {
  if (!g_maker.make) return nullptr;
  const float scale = device_scale();
  const Key key{text, eighths(px), eighths(wrap), eighths(scale)};
  auto it = g_cache.find(key);
  if (it == g_cache.end()) {
    const TextImage made = g_maker.make(text, px * kEmPerFontHeight, scale, wrap, starts_right_to_left(text));
    if (!made.texture) return nullptr;
    it = g_cache.emplace(key, Cached{made, g_frame}).first;
  }
  it->second.last_used = g_frame;
  return &it->second.image;
}

// Decodes the UTF-8 character at `s`; advances `s`. Invalid bytes read as U+FFFD.
unsigned next_char(const char*& s, const char* end) {
  unsigned c = 0;
  const int n = ImTextCharFromUtf8(&c, s, end);
  s += n > 0 ? n : 1;
  return c;
}

// The atlas holds glyphs rasterised for the body size: much larger text (a tile's initials) would
// be blurred by stretching them, so the browser draws it too.
bool by_atlas(const ImFont* font, const std::string& text, float px) {
  return px <= 1.5f * ImGui::GetFontSize() && font_has_all(font, text);
}

}  // namespace

void set_text_image_maker(TextImageMaker maker) { g_maker = maker; }

bool font_has_all(const ImFont* font, const std::string& text) {
  const char* s = text.c_str();
  const char* end = s + text.size();
  while (s < end) {
    const unsigned c = next_char(s, end);
    if (c == '\n') continue;
    if (c > 0xFFFF || !font->FindGlyphNoFallback(static_cast<ImWchar>(c))) return false;
  }
  return true;
}

bool starts_right_to_left(const std::string& text) {
  const char* s = text.c_str();
  const char* end = s + text.size();
  while (s < end) {
    const unsigned c = next_char(s, end);
    if ((c >= 0x0590 && c <= 0x08FF) || (c >= 0xFB1D && c <= 0xFDFF) || (c >= 0xFE70 && c <= 0xFEFF)) return true;
    const bool neutral = c < 0x41 || (c >= 0x5B && c <= 0x60) || (c >= 0x7B && c <= 0xBF) || (c >= 0x2000 && c <= 0x2BFF) ||
                         (c >= 0x1F000 && c <= 0x1FAFF);  // digits, punctuation, symbols, emoji
    if (!neutral) return false;
  }
  return false;
}

ImVec2 any_text_size(const std::string& text, float px, float wrap) {
  ImFont* font = ImGui::GetFont();
  if (by_atlas(font, text, px)) return font->CalcTextSizeA(px, FLT_MAX, wrap, text.c_str());
  const TextImage* image = image_for(text, px, wrap);
  return image ? image->size : font->CalcTextSizeA(px, FLT_MAX, wrap, text.c_str());
}

void draw_any_text(ImDrawList* dl, ImVec2 pos, float px, ImU32 color, const std::string& text, float wrap) {
  ImFont* font = ImGui::GetFont();
  const TextImage* image = by_atlas(font, text, px) ? nullptr : image_for(text, px, wrap);
  if (!image) {
    dl->AddText(font, px, pos, color, text.c_str(), nullptr, wrap);
    return;
  }
  // Whole device pixels: the image is exactly as many pixels as it covers, so it stays sharp.
  const float scale = device_scale();
  const ImVec2 p(std::round(pos.x * scale) / scale, std::round(pos.y * scale) / scale);
  dl->AddImage(image->texture, p, ImVec2(p.x + image->size.x, p.y + image->size.y), ImVec2(0, 0), ImVec2(1, 1), color);
}

void end_any_text_frame() {
  ++g_frame;
  for (auto it = g_cache.begin(); it != g_cache.end();) {
    const bool stale = g_frame - it->second.last_used > kKeepFrames || g_cache.size() > kMaxImages;
    if (stale && it->second.last_used != g_frame - 1) {
      if (g_maker.release) g_maker.release(it->second.image.texture);
      it = g_cache.erase(it);
    } else {
      ++it;
    }
  }
}

}  // namespace treff::ui
