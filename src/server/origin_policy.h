// Which web pages may open the signaling WebSocket. Browsers send an Origin header on every
// WebSocket handshake; without a check, any site a user visits could use our server through them.
// Allowed: requests without Origin (native clients), the server's own origin (Origin host equals
// the Host header), and origins listed with --allow-origin.
#pragma once

#include <string>
#include <vector>

#include "server/net.h"

namespace treff::server {

class OriginPolicy {
 public:
  explicit OriginPolicy(std::vector<std::string> extra_origins = {}) : extra_(std::move(extra_origins)) {}

  bool allows(const http::request<http::string_body>& request) const;

 private:
  std::vector<std::string> extra_;
};

}  // namespace treff::server
