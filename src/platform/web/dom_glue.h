// Declarations of the functions in wasm/dom.js.
#pragma once

extern "C" {
char* treff_dom_signaling_url();  // malloc'ed; the caller frees it
void treff_dom_publish_state(const char* json);
}
