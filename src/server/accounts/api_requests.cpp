#include "server/accounts/api_requests.h"

#include <limits>

#include "core/account_rules.h"
#include "core/field_reader.h"
#include "core/text_rules.h"
#include "server/accounts/secret_tokens.h"

namespace treff::server {
namespace {

using nlohmann::json;

// Far above any real value, only to stop huge texts before the rules look at them.
constexpr std::size_t kMaxFieldBytes = 4096;

const Error kUnknownInvitation{"invitation-unknown", "This invitation link is not known; ask for a new one."};

}  // namespace

Result<json> read_json_object(std::string_view body) {
  json parsed = json::parse(body, nullptr, false);
  if (!parsed.is_object()) return Error{"bad-request", "The request is not a JSON object."};
  return parsed;
}

Result<LoginRequest> read_login(const json& body) {
  proto::FieldReader f(body, "login");
  LoginRequest r{trim_spaces(f.string("email", kMaxFieldBytes)), f.string("password", kMaxFieldBytes)};
  if (auto problem = f.finish()) return *problem;
  return r;
}

Result<DetailsChange> read_details(const json& body) {
  proto::FieldReader f(body, "details");
  const auto name = f.optional_string("name", kMaxFieldBytes);
  const auto phone = f.optional_string("phone", kMaxFieldBytes);
  const auto about = f.optional_string("about", kMaxFieldBytes);
  if (auto problem = f.finish()) return *problem;
  DetailsChange change;
  if (name) {
    auto checked = check_display_name(*name);
    if (!checked) return checked.error();
    change.display_name = checked.value();
  }
  if (phone) {
    auto checked = check_phone(*phone);
    if (!checked) return checked.error();
    change.phone = checked.value();
  }
  if (about) {
    auto checked = check_about(*about);
    if (!checked) return checked.error();
    change.about = checked.value();
  }
  return change;
}

Result<PasswordChange> read_password_change(const json& body) {
  proto::FieldReader f(body, "password");
  PasswordChange r{f.string("current", kMaxFieldBytes), f.string("new", kMaxFieldBytes)};
  if (auto problem = f.finish()) return *problem;
  if (auto rules = check_account_password(r.fresh); !rules) return rules.error();
  return r;
}

Result<InvitationUse> read_invitation_use(const json& body, bool with_password) {
  proto::FieldReader f(body, "invitation");
  const std::string token = f.string("token", 64);
  InvitationUse r;
  if (with_password) r.password = f.string("password", kMaxFieldBytes);
  if (auto problem = f.finish()) return *problem;
  // Checked for shape before it goes near the database.
  if (!looks_like_secret_token(token)) return kUnknownInvitation;
  r.token_hash = token_digest(token);
  if (with_password) {
    if (auto rules = check_account_password(r.password); !rules) return rules.error();
  }
  return r;
}

Result<InviteRequest> read_invite(const json& body) {
  proto::FieldReader f(body, "invite");
  const std::string email = f.string("email", kMaxFieldBytes);
  const std::string name = f.string("name", kMaxFieldBytes);
  if (auto problem = f.finish()) return *problem;
  auto checked_email = check_email(email);
  if (!checked_email) return checked_email.error();
  auto checked_name = check_display_name(name);
  if (!checked_name) return checked_name.error();
  return InviteRequest{checked_email.value(), checked_name.value()};
}

Result<std::int64_t> read_person(const json& body) {
  proto::FieldReader f(body, "contact");
  const int id = f.integer("account_id", 1, std::numeric_limits<int>::max());
  if (auto problem = f.finish()) return *problem;
  return std::int64_t{id};
}

Result<std::int64_t> read_voice_message_id(const json& body) {
  proto::FieldReader f(body, "voice message");
  const int id = f.integer("message_id", 1, std::numeric_limits<int>::max());
  if (auto problem = f.finish()) return *problem;
  return std::int64_t{id};
}

Result<ContactAnswer> read_contact_answer(const json& body) {
  proto::FieldReader f(body, "contact answer");
  ContactAnswer r{f.integer("account_id", 1, std::numeric_limits<int>::max()), f.boolean("accept")};
  if (auto problem = f.finish()) return *problem;
  return r;
}

Result<std::string> read_people_query(const json& body) {
  proto::FieldReader f(body, "people");
  const std::string query = f.string("query", kMaxFieldBytes);
  if (auto problem = f.finish()) return *problem;
  auto checked = check_optional_line(query, 100, "bad-query", "The search");
  if (!checked) return checked.error();
  if (checked.value().empty()) return Error{"bad-query", "Type a part of a name or e-mail address."};
  return checked.value();
}

Result<std::int64_t> read_photo_target(std::string_view target) {
  return read_target_id(target, "/api/photos/", "There is no such photo.");
}

Result<std::int64_t> read_target_id(std::string_view target, std::string_view prefix, const char* missing) {
  const Error not_found{"not-found", missing};
  if (target.substr(0, prefix.size()) != prefix) return not_found;
  std::string_view id = target.substr(prefix.size());
  id = id.substr(0, id.find('?'));
  if (id.empty() || id.size() > 9) return not_found;
  std::int64_t value = 0;
  for (char c : id) {
    if (c < '0' || c > '9') return not_found;
    value = value * 10 + (c - '0');
  }
  if (value == 0) return not_found;
  return value;
}

}  // namespace treff::server
