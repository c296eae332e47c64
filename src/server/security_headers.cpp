#include "server/security_headers.h"

#include "core/server_list.h"

namespace treff::server {

namespace http = boost::beast::http;

std::string content_security_policy(const std::vector<std::string>& other_sockets) {
  // 'self' covers this server's ws:/wss: in current browsers; the offered servers' sockets are named.
  // media-src: the ring tone (the calls' own sound and pictures are streams, which CSP does not cover).
  std::string connect = "'self'";
  for (const auto& url : other_sockets) connect += " " + url;
  return "default-src 'none'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; img-src 'self' data:; "
         "font-src 'self'; media-src 'self'; connect-src " + connect + "; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";
}

void add_security_headers(http::fields& headers, const std::string& csp, bool tls) {
  headers.set("Content-Security-Policy", csp);
  headers.set("X-Content-Type-Options", "nosniff");
  headers.set("X-Frame-Options", "DENY");  // frame-ancestors for browsers that predate it
  headers.set("Referrer-Policy", "no-referrer");
  headers.set("Permissions-Policy", "camera=(self), microphone=(self), display-capture=(self), geolocation=(), payment=()");
  // A year; not includeSubDomains: the operator's other hosts are not ours to commit to HTTPS.
  if (tls) headers.set(http::field::strict_transport_security, "max-age=31536000");
}

}  // namespace treff::server
