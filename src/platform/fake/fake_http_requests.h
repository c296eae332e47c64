// In-memory HttpRequests for native tests: records what the code sends; the test answers.
#pragma once

#include <string>
#include <utility>
#include <vector>

#include "platform/http_requests.h"

namespace treff::platform {

class FakeHttpRequests final : public HttpRequests {
 public:
  struct Sent {
    unsigned request;
    std::string method, path, content_type, body;
  };

  unsigned send(const std::string& method, const std::string& path, const std::string& content_type,
                const std::string& body) override {
    sent.push_back({next, method, path, content_type, body});
    return next++;
  }
  std::vector<HttpAnswer> take_answers() override { return std::exchange(pending, {}); }

  // Test side: answers the oldest request to `path` not answered yet; false when there is none.
  // `elapsed_ms`: how long the browser would have said it took.
  bool answer(const std::string& path, int status, std::string body, double elapsed_ms = 0) {
    for (auto& s : sent) {
      if (s.path != path || s.request == 0) continue;
      pending.push_back({s.request, status, std::move(body), elapsed_ms});
      s.request = 0;  // answered
      return true;
    }
    return false;
  }
  // The requests to `path` not answered yet.
  int open_requests(const std::string& path) const {
    int n = 0;
    for (const auto& s : sent) n += s.path == path && s.request != 0;
    return n;
  }
  // The body of the last request sent to `path` ("" when none was).
  std::string last_body(const std::string& path) const {
    for (auto it = sent.rbegin(); it != sent.rend(); ++it)
      if (it->path == path) return it->body;
    return {};
  }

  std::vector<Sent> sent;
  std::vector<HttpAnswer> pending;
  unsigned next = 1;
};

}  // namespace treff::platform
