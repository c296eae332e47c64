#include "platform/web/web_sharing.h"

#include <emscripten.h>

#include <utility>

extern "C" {
void treff_share_copy(const char* text, unsigned request);
int treff_share_sheet_available();
void treff_share_sheet_open(const char* title, const char* url);
}

namespace treff::platform {
namespace {
unsigned g_next_request = 1;
std::vector<std::pair<unsigned, bool>> g_answers;
}  // namespace

unsigned copy_to_clipboard(const std::string& text) {
  const unsigned request = g_next_request++;
  treff_share_copy(text.c_str(), request);
  return request;
}

std::vector<std::pair<unsigned, bool>> take_clipboard_answers() { return std::exchange(g_answers, {}); }

bool share_sheet_available() { return treff_share_sheet_available() != 0; }

void open_share_sheet(const std::string& title, const std::string& url) {
  treff_share_sheet_open(title.c_str(), url.c_str());
}

}  // namespace treff::platform

// Called by wasm/share.js when the clipboard answered.
extern "C" EMSCRIPTEN_KEEPALIVE void treff_share_copy_done(unsigned request, int copied) {
  treff::platform::g_answers.emplace_back(request, copied != 0);
}
