// Random bytes from OpenSSL's generator, for what must tell nothing of the next one (a private
// room's name, a ring's id, a Janus room's number and pin): a seeded Mersenne Twister could be
// predicted from enough of them.
#pragma once

#include <openssl/rand.h>

#include <array>
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>

namespace treff::server {

template <std::size_t N>
std::array<std::uint8_t, N> random_bytes() {
  std::array<std::uint8_t, N> bytes{};
  if (RAND_bytes(bytes.data(), static_cast<int>(N)) != 1) std::abort();  // as secret_tokens: a broken system
  return bytes;
}

// N random bytes as 2N lowercase hex digits.
template <std::size_t N>
std::string random_hex() {
  static const char digits[] = "0123456789abcdef";
  std::string out;
  for (std::uint8_t b : random_bytes<N>()) {
    out.push_back(digits[b >> 4]);
    out.push_back(digits[b & 15]);
  }
  return out;
}

}  // namespace treff::server
