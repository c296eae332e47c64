// FNV-1a, 64 bits: a hash of a name that is the same in every process and build, for choices that
// separate programs must agree on (a room's Janus number, which Janus a room goes to).
#pragma once

#include <cstdint>
#include <string_view>

namespace treff {

inline std::uint64_t stable_hash(std::string_view text) {
  std::uint64_t hash = 14695981039346656037ULL;
  for (unsigned char c : text) hash = (hash ^ c) * 1099511628211ULL;
  return hash;
}

}  // namespace treff
