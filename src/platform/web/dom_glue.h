// Declarations of the functions in wasm/dom.js and wasm/dom_mirror.js.
#pragma once

#include <cstdlib>
#include <string>

extern "C" {
void treff_dom_offer_state();
void treff_dom_set_document_language(const char* tag);  // <html lang>, for screen readers
void treff_mirror_publish(const char* json);  // window.treff.ui() and the accessible DOM mirror
char* treff_dom_language();         // malloc'ed
int treff_dom_more_contrast();      // 1: the system asks for more contrast
char* treff_dom_room_from_path();   // malloc'ed
void treff_dom_show_room_path(const char* room, const char* query);
char* treff_dom_server_from_query();  // malloc'ed
void treff_dom_fetch_servers();      // answers through treff_servers_loaded
void treff_dom_offer_codec_check();  // window.treff.checkCodec() calls treff_check_codec
char* treff_dom_load(const char* key);  // malloc'ed; "" when nothing is stored
void treff_dom_save(const char* key, const char* value);
char* treff_dom_origin();  // malloc'ed
void treff_dom_random_bytes(unsigned char* out, int size);
char* treff_dom_path();              // malloc'ed: the page's path, e.g. "/invite"
char* treff_dom_invitation_token();  // malloc'ed: the #fragment of an /invite link, or ""
void treff_dom_replace_path(const char* path);  // the address bar shows `path` (no new history entry)
void treff_dom_guard_unload(int on);  // 1: closing or leaving the page asks first (unsaved changes)
}

namespace treff::platform {
// The text of a malloc'ed string the glue returned, which is freed ("" for null).
inline std::string take_string(char* malloced) {
  std::string s(malloced ? malloced : "");
  std::free(malloced);
  return s;
}
}  // namespace treff::platform
