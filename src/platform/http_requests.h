// HTTP requests to the page's own server (the accounts API under /api, the connection test),
// answered later.
//
// As with the socket, answers are not delivered by callback: the implementation queues them and
// the app takes them at the start of a frame, so core objects are never re-entered from inside a
// browser event. The browser sends the session cookie itself; no code here ever sees it.
#pragma once

#include <string>
#include <vector>

namespace treff::platform {

struct HttpAnswer {
  unsigned request = 0;  // what send() returned
  int status = 0;        // the HTTP status; 0 when no answer came (network down, server gone)
  std::string body;
  double elapsed_ms = 0;  // from sending to the whole body received, as the browser timed it
};

class HttpRequests {
 public:
  virtual ~HttpRequests() = default;
  // Sends `body` (of type `content_type`, "" for none) to `path` on the page's origin. Returns a
  // number (never 0) that its answer carries.
  virtual unsigned send(const std::string& method, const std::string& path, const std::string& content_type,
                        const std::string& body) = 0;
  // The answers that came since the last call.
  virtual std::vector<HttpAnswer> take_answers() = 0;
};

}  // namespace treff::platform
