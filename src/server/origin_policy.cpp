#include "server/origin_policy.h"

#include <algorithm>

namespace treff::server {

bool OriginPolicy::allows(const http::request<http::string_body>& request) const {
  const auto origin_field = request.find(http::field::origin);
  if (origin_field == request.end()) return true;
  const std::string_view origin = origin_field->value();
  if (std::find(extra_.begin(), extra_.end(), origin) != extra_.end()) return true;
  // "scheme://host[:port]" must name the host the request was sent to.
  const auto scheme_end = origin.find("://");
  if (scheme_end == std::string_view::npos) return false;
  const std::string_view origin_host = origin.substr(scheme_end + 3);
  return !origin_host.empty() && origin_host == request[http::field::host];
}

}  // namespace treff::server
