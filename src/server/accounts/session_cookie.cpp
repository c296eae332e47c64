#include "server/accounts/session_cookie.h"

#include "server/accounts/secret_tokens.h"

namespace treff::server {
namespace {

constexpr std::string_view kAttributes = "; Path=/; HttpOnly; Secure; SameSite=Strict";

std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}

}  // namespace

std::string session_token_from_cookies(std::string_view header) {
  while (!header.empty()) {
    const auto end = header.find(';');
    const std::string_view pair = trim(header.substr(0, end));
    const auto eq = pair.find('=');
    if (eq != std::string_view::npos && trim(pair.substr(0, eq)) == kSessionCookieName) {
      const std::string_view value = trim(pair.substr(eq + 1));
      if (looks_like_secret_token(value)) return std::string(value);
    }
    if (end == std::string_view::npos) break;
    header.remove_prefix(end + 1);
  }
  return {};
}

std::string session_cookie(const std::string& token, std::int64_t max_age_seconds) {
  return std::string(kSessionCookieName) + "=" + token + std::string(kAttributes) +
         "; Max-Age=" + std::to_string(max_age_seconds);
}

std::string ended_session_cookie() {
  return std::string(kSessionCookieName) + "=" + std::string(kAttributes) + "; Max-Age=0";
}

}  // namespace treff::server
