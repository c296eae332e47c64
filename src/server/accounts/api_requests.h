// The bodies of the /api requests, read from outside JSON into checked values: every field's
// type, size and rules (core/account_rules.h) checked, unknown fields refused. Pure functions, so
// the accounts API's parsing is fuzzed and tested without a server.
#pragma once

#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include "core/result.h"
#include "server/accounts/account_store.h"

namespace treff::server {

// The body as a JSON object, or a clear error for anything else.
Result<nlohmann::json> read_json_object(std::string_view body);

struct LoginRequest {
  std::string email;  // trimmed, not otherwise checked: a wrong address gets the same answer as a wrong password
  std::string password;
};
Result<LoginRequest> read_login(const nlohmann::json& body);

Result<DetailsChange> read_details(const nlohmann::json& body);

struct PasswordChange {
  std::string current;
  std::string fresh;  // passes the password rules
};
Result<PasswordChange> read_password_change(const nlohmann::json& body);

struct InvitationUse {
  std::string token_hash;  // digest of a token of the right shape
  std::string password;    // passes the password rules (only when `with_password`)
};
Result<InvitationUse> read_invitation_use(const nlohmann::json& body, bool with_password);

struct InviteRequest {
  std::string email;
  std::string name;
};
Result<InviteRequest> read_invite(const nlohmann::json& body);

// {"account_id": N}: the person a contact action is about.
Result<std::int64_t> read_person(const nlohmann::json& body);

struct ContactAnswer {
  std::int64_t from_id = 0;
  bool accept = false;
};
Result<ContactAnswer> read_contact_answer(const nlohmann::json& body);

// {"query": "..."}: a part of a name or e-mail address, trimmed, 1..100 characters.
Result<std::string> read_people_query(const nlohmann::json& body);

// {"message_id": n} of /api/messages/remove.
Result<std::int64_t> read_voice_message_id(const nlohmann::json& body);

// The account id of "/api/photos/<id>" (a "?v=..." after it is the cache key, ignored here).
Result<std::int64_t> read_photo_target(std::string_view target);
// The positive id after `prefix` in a target ("/api/messages/12"); "not-found" with `missing`.
Result<std::int64_t> read_target_id(std::string_view target, std::string_view prefix, const char* missing);

}  // namespace treff::server
