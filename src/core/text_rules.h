// Rules for text that people type and that crosses the network: display names, room names,
// passwords, participant ids. Shared by client (to explain the problem before sending) and
// server (which never trusts the client).
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

#include "core/result.h"

namespace treff {

constexpr std::size_t kMaxDisplayNameChars = 64;
constexpr std::size_t kMaxRoomNameChars = 64;
constexpr std::size_t kMaxPasswordChars = 256;
constexpr std::size_t kMaxParticipantIdBytes = 64;

// Number of Unicode code points, or nullopt when `text` is not valid UTF-8.
std::optional<std::size_t> utf8_length(std::string_view text);

// Leading and trailing ASCII and Unicode spaces removed.
std::string trim_spaces(std::string_view text);

// A display name is trimmed, 1..64 code points, valid UTF-8, and has no control or
// bidirectional-override characters (which could make a name render as someone else's).
// Returns the trimmed name.
Result<std::string> check_display_name(std::string_view name);

// Room names go into URLs (/r/<room>): 1..64 of ASCII letters, digits, '-', '_' and '.',
// not starting with '.', compared case-sensitively.
Status check_room_name(std::string_view room);

// Passwords: valid UTF-8, 1..256 code points, no control characters.
Status check_password(std::string_view password);

// Optional single-line text (an organisation, a phone number): trimmed, valid UTF-8, at most
// `max_chars` code points, none of them control or bidi-override characters; may be empty. Errors
// carry `code` and name the field as `what` ("The organisation ...").
Result<std::string> check_optional_line(std::string_view text, std::size_t max_chars, const std::string& code,
                                        const std::string& what);

// Participant ids are assigned by a backend; we only require them to be short printable ASCII.
Status check_participant_id(std::string_view id);

// Up to two letters for a camera-off tile: first letters of the first and last word, upper-cased
// where ASCII. "anna de vries" -> "AV", "Ömer" -> "Ö".
std::string initials_of(std::string_view display_name);

}  // namespace treff
