// The connection test's endpoints ("Test connection" in the client, also before logging in):
//
//   GET  /connection-test/ping         a few bytes: the round trip
//   GET  /connection-test/down?bytes=N N bytes (at most max_transfer_bytes): download throughput
//   POST /connection-test/up           a body of up to max_transfer_bytes: upload throughput
//   GET  /connection-test/ice          the ICE servers a call would get (as the "ice" message), so
//                                      the browser can look for a UDP path through them
//
// Each address has its own budget of requests and bytes, and all addresses together one of bytes
// (limits.h): a script calling the test in a loop gets "busy" answers, not the server's line. No
// I/O here: HttpSession sends what respond() returns after the delay it names.
#pragma once

#include <chrono>
#include <map>
#include <string>
#include <string_view>

#include "server/ice_servers.h"
#include "server/limits.h"
#include "server/rate_limiter.h"
#include "server/static_files.h"

namespace treff::server {

class ConnectionTest {
 public:
  using Clock = RateLimiter::Clock;

  ConnectionTest(ConnectionTestLimits limits, IceServerSource* ice);

  static bool is_target(std::string_view target);
  // How large a body a request to `target` may carry.
  std::uint64_t body_limit(std::string_view target) const;

  struct Answer {
    TextResponse response;
    // Held back this long before it is sent: only with the test-only throttle.
    std::chrono::milliseconds delay{0};
  };
  Answer respond(const http::request<http::string_body>& request, const std::string& client,
                 Clock::time_point now = Clock::now());
  // Before an upload's body is read: whether `client`'s budgets would take `bytes` now (if not, the
  // body is not read at all, and the answer is respond()'s "busy").
  bool would_take(const std::string& client, double bytes, Clock::time_point now = Clock::now());
  // The "busy" answer.
  static TextResponse busy(unsigned http_version);

 private:
  bool within_budget(const std::string& client, double bytes, Clock::time_point now);
  std::chrono::milliseconds throttled(double bytes) const;

  ConnectionTestLimits limits_;
  IceServerSource* ice_;
  std::string filler_;  // the bytes downloads are cut from: letters, so nothing can squeeze them
  struct Budget {
    RateLimiter requests, bytes;
  };
  std::map<std::string, Budget> by_address_;
  RateLimiter total_bytes_;
};

}  // namespace treff::server
