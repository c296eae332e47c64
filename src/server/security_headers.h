// The headers every response of treff-server carries so that browsers hold the page to what it
// needs: a Content-Security-Policy that allows the page's own scripts, its WebAssembly and its
// signaling connections (its own /ws and those of the servers it offers) and nothing else; no
// MIME sniffing; no framing by other sites; no Referer (room links are their own secret); camera,
// microphone and screen capture for this origin only; and, over TLS, HSTS.
#pragma once

#include <boost/beast/http.hpp>

#include <string>
#include <vector>

namespace treff::server {

// The policy for a server that offers rooms on other servers (`other_sockets`: their signaling
// WebSockets, from --servers).
std::string content_security_policy(const std::vector<std::string>& other_sockets);

void add_security_headers(boost::beast::http::fields& headers, const std::string& csp, bool tls);

}  // namespace treff::server
