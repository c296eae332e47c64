// HttpRequests over the browser's fetch (wasm/http.js), same origin, cookies sent by the browser.
// Each object gets the answers to its own requests only (the accounts and the connection test
// each have one).
#pragma once

#include "platform/http_requests.h"

#include <utility>
#include <vector>

namespace treff::platform {

class WebHttpRequests final : public HttpRequests {
 public:
  unsigned send(const std::string& method, const std::string& path, const std::string& content_type,
                const std::string& body) override;
  std::vector<HttpAnswer> take_answers() override;
  ~WebHttpRequests() override;

  void deliver(HttpAnswer answer) { answers_.push_back(std::move(answer)); }  // wasm/http.js's answer

 private:
  std::vector<HttpAnswer> answers_;
};

}  // namespace treff::platform
