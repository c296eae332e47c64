// Whose connection this is, for the limits per address (password guesses): the TCP peer's
// address, or, when that peer is a reverse proxy named by --trusted-proxy, the address the proxy
// says it forwards for (X-Forwarded-For). Only trusted proxies are believed: anyone else could
// write any X-Forwarded-For and so escape every limit.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace treff::server {

// `peer`: the TCP peer's address. `forwarded_for`: the X-Forwarded-For header ("" if none), a list
// of addresses each proxy appended to. The rightmost address that is not itself a trusted proxy
// is the client; a list that is malformed there gives the peer, so nothing is gained by it.
std::string client_address(const std::string& peer, std::string_view forwarded_for,
                           const std::vector<std::string>& trusted_proxies);

// Whether `text` is an IPv4 or IPv6 address (for --trusted-proxy).
bool is_ip_address(const std::string& text);

}  // namespace treff::server
