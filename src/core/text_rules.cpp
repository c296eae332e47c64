#include "core/text_rules.h"

#include <string>
#include <vector>

#include "core/utf8.h"

namespace treff {
namespace {

bool is_space(char32_t c) {
  return c == ' ' || c == '\t' || c == 0xA0 || c == 0x1680 || (c >= 0x2000 && c <= 0x200A) ||
         c == 0x202F || c == 0x205F || c == 0x3000 || c == 0xFEFF;
}

// Control characters and the invisible formatting characters that can reorder or hide text.
bool is_forbidden_in_name(char32_t c) {
  return c < 0x20 || (c >= 0x7F && c <= 0x9F) ||     // C0, DEL, C1
         c == 0x2028 || c == 0x2029 ||                // line / paragraph separators
         (c >= 0x202A && c <= 0x202E) ||              // bidi embeddings and overrides
         (c >= 0x2066 && c <= 0x2069) ||              // bidi isolates
         c == 0x200E || c == 0x200F;                  // bidi marks
}

char32_t ascii_upper(char32_t c) { return (c >= 'a' && c <= 'z') ? c - 'a' + 'A' : c; }

}  // namespace

std::optional<std::size_t> utf8_length(std::string_view text) {
  auto cps = utf8::decode(text);
  if (!cps) return std::nullopt;
  return cps->size();
}

std::string trim_spaces(std::string_view text) {
  auto cps = utf8::decode(text);
  if (!cps) return std::string(text);
  std::size_t b = 0, e = cps->size();
  while (b < e && is_space((*cps)[b])) ++b;
  while (e > b && is_space((*cps)[e - 1])) --e;
  std::string out;
  for (std::size_t i = b; i < e; ++i) utf8::append(out, (*cps)[i]);
  return out;
}

Result<std::string> check_display_name(std::string_view name) {
  if (!utf8::decode(name)) return Error{"bad-name", "The name is not valid UTF-8 text."};
  std::string trimmed = trim_spaces(name);
  auto cps = utf8::decode(trimmed);
  if (cps->empty()) return Error{"bad-name", "Please enter a name."};
  if (cps->size() > kMaxDisplayNameChars)
    return Error{"bad-name", "The name is too long: at most 64 characters."};
  for (char32_t c : *cps)
    if (is_forbidden_in_name(c))
      return Error{"bad-name", "The name contains invisible control characters."};
  return trimmed;
}

Result<std::string> check_optional_line(std::string_view text, std::size_t max_chars, const std::string& code,
                                        const std::string& what) {
  if (!utf8::decode(text)) return Error{code, what + " is not valid UTF-8 text."};
  std::string trimmed = trim_spaces(text);
  auto cps = utf8::decode(trimmed);
  if (cps->size() > max_chars)
    return Error{code, what + " is too long: at most " + std::to_string(max_chars) + " characters."};
  for (char32_t c : *cps)
    if (is_forbidden_in_name(c)) return Error{code, what + " contains invisible control characters."};
  return trimmed;
}

Status check_room_name(std::string_view room) {
  if (room.empty()) return Error{"bad-room", "Please enter a room name."};
  if (room.size() > kMaxRoomNameChars)
    return Error{"bad-room", "The room name is too long: at most 64 characters."};
  if (room.front() == '.') return Error{"bad-room", "A room name cannot start with a dot."};
  for (char c : room) {
    const bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
                    c == '-' || c == '_' || c == '.';
    if (!ok)
      return Error{"bad-room",
                   "A room name may only contain letters a-z, digits and the signs - _ ."};
  }
  return Ok{};
}

Status check_password(std::string_view password) {
  auto cps = utf8::decode(password);
  if (!cps) return Error{"bad-password", "The password is not valid UTF-8 text."};
  if (cps->empty()) return Error{"bad-password", "The password is empty."};
  if (cps->size() > kMaxPasswordChars)
    return Error{"bad-password", "The password is too long: at most 256 characters."};
  for (char32_t c : *cps)
    if (c < 0x20 || c == 0x7F)
      return Error{"bad-password", "The password contains control characters."};
  return Ok{};
}

Status check_participant_id(std::string_view id) {
  if (id.empty() || id.size() > kMaxParticipantIdBytes)
    return Error{"bad-message", "A participant id must have 1 to 64 characters."};
  for (char c : id)
    if (c <= 0x20 || c >= 0x7F)
      return Error{"bad-message", "A participant id must be printable ASCII."};
  return Ok{};
}

namespace {
// Pictographs and their joiners: a word made of them ("Mia 🌻") is decoration, not a name's part.
bool is_pictograph(char32_t c) {
  return (c >= 0x2600 && c <= 0x27BF) || (c >= 0x1F000 && c <= 0x1FAFF) || c == 0xFE0F || c == 0x200D;
}
}  // namespace

std::string initials_of(std::string_view display_name) {
  auto cps = utf8::decode(trim_spaces(display_name));
  if (!cps || cps->empty()) return "?";
  // First and last word that start with a letter; when there is none (a name of emoji only), the
  // first and last word as they are.
  std::vector<char32_t> starts, letter_starts;
  bool at_word_start = true;
  for (char32_t c : *cps) {
    if (is_space(c)) {
      at_word_start = true;
      continue;
    }
    if (at_word_start) {
      starts.push_back(c);
      if (!is_pictograph(c)) letter_starts.push_back(c);
      at_word_start = false;
    }
  }
  const std::vector<char32_t>& words = letter_starts.empty() ? starts : letter_starts;
  std::string out;
  utf8::append(out, ascii_upper(words.front()));
  if (words.size() > 1) utf8::append(out, ascii_upper(words.back()));
  return out;
}

}  // namespace treff
