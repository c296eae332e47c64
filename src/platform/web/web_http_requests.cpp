#include "platform/web/web_http_requests.h"

#include <emscripten.h>

#include <map>
#include <utility>

#include "platform/web/event_wakeup.h"

extern "C" {
void treff_http_send(unsigned request, const char* method, const char* path, const char* content_type,
                     const char* body, int body_size);
}

namespace treff::platform {
namespace {
unsigned g_next_request = 1;
std::map<unsigned, WebHttpRequests*> g_waiting;  // each request's sender, until its answer came
}  // namespace

unsigned WebHttpRequests::send(const std::string& method, const std::string& path, const std::string& content_type,
                               const std::string& body) {
  const unsigned request = g_next_request++;
  g_waiting[request] = this;
  treff_http_send(request, method.c_str(), path.c_str(), content_type.c_str(), body.data(),
                  static_cast<int>(body.size()));
  return request;
}

std::vector<HttpAnswer> WebHttpRequests::take_answers() { return std::exchange(answers_, {}); }

WebHttpRequests::~WebHttpRequests() {
  for (auto it = g_waiting.begin(); it != g_waiting.end();) it = it->second == this ? g_waiting.erase(it) : std::next(it);
}

}  // namespace treff::platform

// Called by wasm/http.js with the answer (status 0: none came) and how long it took; `body` is only
// valid during the call.
extern "C" EMSCRIPTEN_KEEPALIVE void treff_http_answered(unsigned request, int status, const char* body, int size,
                                                        double elapsed_ms) {
  auto& waiting = treff::platform::g_waiting;
  const auto it = waiting.find(request);
  if (it == waiting.end()) return;  // its sender is gone
  it->second->deliver({request, status, std::string(body, static_cast<std::size_t>(size)), elapsed_ms});
  waiting.erase(it);
  treff::platform::wake();
}
