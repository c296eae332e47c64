// Minimal UTF-8 decoding: enough to count, inspect and re-encode code points of untrusted text.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace treff::utf8 {

// The code points of `text`, or nullopt for invalid UTF-8 (overlong forms, surrogates,
// values above U+10FFFF and truncated sequences are all invalid).
std::optional<std::vector<char32_t>> decode(std::string_view text);

void append(std::string& out, char32_t code_point);

}  // namespace treff::utf8
