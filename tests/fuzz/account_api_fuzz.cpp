// Fuzzes what the accounts API reads from outside: the Cookie header (first line of the input) and
// the JSON bodies of every /api request (the rest). Whatever the bytes: a clear error or checked
// values, never a crash; a session token is found only if it is in the header, with its shape.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>

#include "core/account_rules.h"
#include "core/text_rules.h"
#include "server/accounts/api_requests.h"
#include "server/accounts/secret_tokens.h"
#include "server/accounts/session_cookie.h"

namespace {

template <class T>
void expect_reason(const treff::Result<T>& r) {
  if (!r && (r.error().code.empty() || r.error().message.empty())) std::abort();  // every refusal says why
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view input(reinterpret_cast<const char*>(data), size);
  const auto newline = input.find('\n');
  const std::string_view header = input.substr(0, newline);
  const std::string_view body = newline == std::string_view::npos ? std::string_view() : input.substr(newline + 1);

  const std::string token = treff::server::session_token_from_cookies(header);
  if (!token.empty() && (!treff::server::looks_like_secret_token(token) || header.find(token) == std::string_view::npos))
    std::abort();

  expect_reason(treff::check_email(body));
  expect_reason(treff::Result<treff::Ok>(treff::check_account_password(body)));

  const auto object = treff::server::read_json_object(body);
  expect_reason(object);
  if (!object) return 0;
  const auto& json = object.value();
  expect_reason(treff::server::read_login(json));
  expect_reason(treff::server::read_password_change(json));
  expect_reason(treff::server::read_invitation_use(json, true));
  expect_reason(treff::server::read_invite(json));
  const auto details = treff::server::read_details(json);
  expect_reason(details);
  // What passes is what the rules allow: checking it again changes nothing.
  if (details && details.value().display_name) {
    const auto again = treff::check_display_name(*details.value().display_name);
    if (!again || again.value() != *details.value().display_name) std::abort();
  }
  return 0;
}
