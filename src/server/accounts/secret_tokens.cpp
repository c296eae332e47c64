#include "server/accounts/secret_tokens.h"

#include <openssl/rand.h>
#include <openssl/sha.h>

#include <cstdlib>

namespace treff::server {
namespace {

constexpr char kAlphabet[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
constexpr std::size_t kTokenChars = 43;  // 256 bits at 6 bits per character (the last carries 4)

}  // namespace

std::string new_secret_token() {
  unsigned char bytes[32];
  // Without randomness no secret may be made at all; go down rather than hand out guessable ones.
  if (RAND_bytes(bytes, sizeof bytes) != 1) std::abort();
  std::string out;
  unsigned bits = 0, value = 0;
  for (unsigned char b : bytes) {
    value = (value << 8) | b;
    bits += 8;
    while (bits >= 6) {
      bits -= 6;
      out += kAlphabet[(value >> bits) & 63];
    }
  }
  if (bits > 0) out += kAlphabet[(value << (6 - bits)) & 63];
  return out;
}

std::string token_digest(std::string_view token) {
  unsigned char digest[SHA256_DIGEST_LENGTH];
  SHA256(reinterpret_cast<const unsigned char*>(token.data()), token.size(), digest);
  return std::string(reinterpret_cast<const char*>(digest), sizeof digest);
}

bool looks_like_secret_token(std::string_view token) {
  if (token.size() != kTokenChars) return false;
  for (char c : token) {
    const bool ok = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_';
    if (!ok) return false;
  }
  return true;
}

}  // namespace treff::server
