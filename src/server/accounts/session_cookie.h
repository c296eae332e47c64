// The log-in session travels as a cookie the page's scripts cannot read (HttpOnly), sent only
// over https or to localhost (Secure) and never with requests that other sites start
// (SameSite=Strict). Not in localStorage or the URL, where scripts or logs could take it.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace treff::server {

constexpr std::string_view kSessionCookieName = "treff_session";

// The session token of a Cookie header, "" when there is none (or it has the wrong shape).
std::string session_token_from_cookies(std::string_view cookie_header);

// Set-Cookie values: a session valid for `max_age_seconds` more, and one that ends it.
std::string session_cookie(const std::string& token, std::int64_t max_age_seconds);
std::string ended_session_cookie();

}  // namespace treff::server
