// Entry points for wasm/dom_mirror.js: what a keyboard, a phone keyboard or a screen reader did to
// the mirror's elements, named by widget id. They only record requests; the screens act on them
// when they next draw that widget (a request for a widget that is gone is dropped).
#include <emscripten.h>

#include <cstdlib>
#include <string>

#include "ui/automation.h"

namespace automation = treff::ui::automation;

extern "C" {

EMSCRIPTEN_KEEPALIVE void treff_mirror_press(unsigned id) { automation::request_press(id); }

// text: malloc'ed UTF-8 from the page; freed here.
EMSCRIPTEN_KEEPALIVE void treff_mirror_text(unsigned id, char* text) {
  automation::request_text(id, text ? std::string(text) : std::string());
  std::free(text);
}

EMSCRIPTEN_KEEPALIVE void treff_mirror_submit(unsigned id) { automation::request_submit(id); }

EMSCRIPTEN_KEEPALIVE void treff_mirror_escape() { automation::request_escape(); }

EMSCRIPTEN_KEEPALIVE void treff_mirror_focus(unsigned id) { automation::note_focus(id); }
}
