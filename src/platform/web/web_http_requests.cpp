#include "platform/web/web_http_requests.h"

#include <emscripten.h>

#include <utility>

#include "platform/web/event_wakeup.h"

extern "C" {
void treff_http_send(unsigned request, const char* method, const char* path, const char* content_type,
                     const char* body, int body_size);
}

namespace treff::platform {
namespace {
unsigned g_next_request = 1;
std::vector<HttpAnswer> g_answers;  // one queue: all requests go to the page's own server
}  // namespace

unsigned WebHttpRequests::send(const std::string& method, const std::string& path, const std::string& content_type,
                               const std::string& body) {
  const unsigned request = g_next_request++;
  treff_http_send(request, method.c_str(), path.c_str(), content_type.c_str(), body.data(),
                  static_cast<int>(body.size()));
  return request;
}

std::vector<HttpAnswer> WebHttpRequests::take_answers() { return std::exchange(g_answers, {}); }

}  // namespace treff::platform

// Called by wasm/http.js with the answer (status 0: none came); `body` is only valid during the call.
extern "C" EMSCRIPTEN_KEEPALIVE void treff_http_answered(unsigned request, int status, const char* body, int size) {
  treff::platform::g_answers.push_back({request, status, std::string(body, static_cast<std::size_t>(size))});
  treff::platform::wake();
}
