// HttpRequests over the browser's fetch (wasm/http.js), same origin, cookies sent by the browser.
#pragma once

#include "platform/http_requests.h"

namespace treff::platform {

class WebHttpRequests final : public HttpRequests {
 public:
  unsigned send(const std::string& method, const std::string& path, const std::string& content_type,
                const std::string& body) override;
  std::vector<HttpAnswer> take_answers() override;
};

}  // namespace treff::platform
