#include "platform/web/web_text_images.h"

extern "C" void treff_text_image(const char* text, float px, float scale, float wrap, int rtl, unsigned texture,
                                 float* size);

namespace treff::platform {

RenderedText render_text(const std::string& text, float px, float scale, float wrap, bool rtl, unsigned texture) {
  float size[2] = {0, 0};
  treff_text_image(text.c_str(), px, scale, wrap, rtl ? 1 : 0, texture, size);
  return {size[0], size[1]};
}

}  // namespace treff::platform
