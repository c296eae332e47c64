// Secrets handed to browsers (log-in sessions, invitation links): 256 random bits as URL-safe
// text. The database keeps only their SHA-256, so a stolen copy of it opens no account.
#pragma once

#include <string>
#include <string_view>

namespace treff::server {

// 43 characters of [A-Za-z0-9_-] from OpenSSL's generator.
std::string new_secret_token();

// The 32-byte SHA-256 of `token`, as stored and looked up.
std::string token_digest(std::string_view token);

// Whether `token` has the shape new_secret_token() makes: checked before any lookup.
bool looks_like_secret_token(std::string_view token);

}  // namespace treff::server
