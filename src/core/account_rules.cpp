#include "core/account_rules.h"

#include <algorithm>
#include <iterator>

#include "core/text_rules.h"
#include "core/utf8.h"

namespace treff {
namespace {

// The most used passwords of 10 or more characters in published leak statistics, and the
// obvious ones in the three languages of the client. Shorter ones fail the length rule already.
// Compared in lower case.
const char* const kCommonPasswords[] = {
    "1234567890",   "0123456789",    "0987654321",   "9876543210",   "1111111111",   "0000000000",
    "12345678910",  "123456789a",    "a123456789",   "1234567890a",  "qwertyuiop",   "qwertzuiop",
    "azertyuiop",   "asdfghjkl1",    "1q2w3e4r5t",   "q1w2e3r4t5",   "1qaz2wsx3edc", "zaq12wsxcde3",
    "password12",   "password123",   "password1234", "password!1",   "passw0rd123",  "p@ssw0rd123",
    "qwerty1234",   "qwerty12345",   "qwerty123456", "iloveyou12",   "iloveyou123",  "abcdefghij",
    "abcd123456",   "abc1234567",    "1234qwerty",   "123qweasdzxc", "football123",  "princess123",
    "sunshine123",  "welcome123",    "welcome1234",  "changeme123",  "letmein1234",  "administrator",
    "admin12345",   "admin123456",   "1234abcd!!",   "treff123456",  "treffpunkt1",  "wachtwoord",
    "wachtwoord1",  "wachtwoord12",  "wachtwoord123", "welkom1234",  "welkom12345",  "geheim1234",
    "passwort12",   "passwort123",   "passwort1234", "hallo12345",   "hallo123456",  "schatzi123",
    "bienvenue1",   "motdepasse",    "motdepasse1",  "letmein123",   "trustno1234",  "starwars123",
    "superman123",  "michael123",    "monkey12345",  "dragon12345",  "11111111111",  "123123123123",
    "1231231231",   "1212121212",    "aaaaaaaaaa",   "qqqqqqqqqq",   "zxcvbnm123",   "zxcvbnmasd",
    "computer123",  "internet123",   "summer2024",   "summer2025",   "summer2026",   "winter2026",
};

}  // namespace

std::string ascii_lower(std::string_view text) {
  std::string out(text);
  std::transform(out.begin(), out.end(), out.begin(), [](char c) { return (c >= 'A' && c <= 'Z') ? c - 'A' + 'a' : c; });
  return out;
}

Result<std::string> check_email(std::string_view email) {
  const std::string trimmed = trim_spaces(email);
  if (trimmed.empty()) return Error{"bad-email", "Please enter an e-mail address."};
  if (trimmed.size() > kMaxEmailBytes) return Error{"bad-email", "The e-mail address is too long."};
  if (!utf8::decode(trimmed)) return Error{"bad-email", "The e-mail address is not valid UTF-8 text."};
  for (unsigned char c : trimmed) {
    if (c <= 0x20 || c == 0x7F || c == '<' || c == '>' || c == '"' || c == ',' || c == ';')
      return Error{"bad-email", "An e-mail address has no spaces and no < > \" , ; signs."};
  }
  const auto at = trimmed.rfind('@');
  if (at == std::string::npos || at == 0 || trimmed.find('@') != at)
    return Error{"bad-email", "An e-mail address has the form name@example.org."};
  const std::string domain = trimmed.substr(at + 1);
  const auto dot = domain.find('.');
  if (domain.empty() || dot == std::string::npos || dot == 0 || domain.back() == '.')
    return Error{"bad-email", "An e-mail address has the form name@example.org."};
  return trimmed;
}

Status check_account_password(std::string_view password) {
  if (auto basic = check_password(password); !basic) return basic;
  if (utf8_length(password).value_or(0) < kMinAccountPasswordChars)
    return Error{"password-too-short", "The password needs at least 10 characters."};
  const std::string lower = ascii_lower(password);
  const bool common = std::any_of(std::begin(kCommonPasswords), std::end(kCommonPasswords),
                                  [&](const char* p) { return lower == p; });
  if (common) return Error{"password-too-common", "This password is one of the most used ones; choose another."};
  return Ok{};
}

Result<std::string> check_organisation(std::string_view organisation) {
  return check_optional_line(organisation, kMaxOrganisationChars, "bad-organisation", "The organisation");
}

Result<std::string> check_phone(std::string_view phone) {
  return check_optional_line(phone, kMaxPhoneChars, "bad-phone", "The phone number");
}

Result<std::string> check_about(std::string_view about) {
  return check_optional_line(about, kMaxAboutChars, "bad-about", "The text about you");
}

}  // namespace treff
