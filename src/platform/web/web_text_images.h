// Text rendered by the browser's text engine into a WebGL texture (wasm/text.js), for the text the
// UI font cannot draw (ui/any_text.h says what and why).
#pragma once

#include <string>

namespace treff::platform {

struct RenderedText {
  float width = 0, height = 0;  // CSS px
};

// Renders into `texture` (a GL texture name); see ui::TextImageMaker for the parameters.
RenderedText render_text(const std::string& text, float px, float scale, float wrap, bool rtl, unsigned texture);

}  // namespace treff::platform
