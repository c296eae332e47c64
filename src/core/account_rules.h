// Rules for what people type into their account: e-mail address, password, organisation, phone.
// Shared by client (to explain the problem before sending) and server (which never trusts the
// client). Error codes are stable; clients translate them.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

#include "core/result.h"

namespace treff {

constexpr std::size_t kMaxEmailBytes = 254;  // RFC 5321's limit for a path
constexpr std::size_t kMinAccountPasswordChars = 10;
constexpr std::size_t kMaxOrganisationChars = 64;
constexpr std::size_t kMaxPhoneChars = 32;
constexpr std::size_t kMaxAboutChars = 280;

// Trimmed; one '@' with something on both sides, a dot in the domain, no spaces or control
// characters, at most 254 bytes. Returns the trimmed address (case kept: compared without case).
Result<std::string> check_email(std::string_view email);

// At least 10 characters (code points), at most 256, not one of the most common passwords (in
// any case). No rules about digits or symbols: length protects, composition rules do not.
Status check_account_password(std::string_view password);

// `text` with A-Z in lower case and everything else as it is: how e-mail addresses compare (as
// SQLite's NOCASE does) and how passwords meet the common list.
std::string ascii_lower(std::string_view text);

// Optional texts of an account: trimmed, valid UTF-8, no control or bidi-override characters,
// up to the given length. Returns the trimmed text.
Result<std::string> check_organisation(std::string_view organisation);
Result<std::string> check_phone(std::string_view phone);
Result<std::string> check_about(std::string_view about);

}  // namespace treff
