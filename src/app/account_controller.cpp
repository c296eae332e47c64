#include "app/account_controller.h"

#include <nlohmann/json.hpp>

#include <utility>

#include "core/account_rules.h"
#include "core/field_reader.h"
#include "core/text_rules.h"

namespace treff {
namespace {

using json = nlohmann::json;

constexpr std::size_t kMaxAnswerField = 4096;

// The server's JSON, or null for anything that is not an object (a proxy's HTML error page).
json parse_object(const std::string& body) {
  json j = json::parse(body, nullptr, false);
  return j.is_object() ? j : json();
}

// An account or person as the API writes it. Fields a newer server adds are ignored.
std::optional<Person> read_person(const json& j) {
  if (!j.is_object()) return std::nullopt;
  proto::FieldReader f(j, "person");
  Person p;
  p.id = f.integer("id", 1, 2147483647);
  p.name = f.string("name", kMaxAnswerField);
  p.email = f.optional_string("email", kMaxAnswerField).value_or("");
  p.organisation = f.optional_string("organisation", kMaxAnswerField).value_or("");
  p.phone = f.optional_string("phone", kMaxAnswerField).value_or("");
  p.about = f.optional_string("about", kMaxAnswerField).value_or("");
  p.photo_version = f.optional_int("photo_version", 0, 2147483647).value_or(0);
  p.admin = f.optional_string("role", 16).value_or("") == "admin";
  if (f.failed()) return std::nullopt;
  return p;
}

std::vector<Person> read_people(const json& j, const char* key) {
  std::vector<Person> out;
  if (!j.is_object()) return out;
  auto it = j.find(key);
  if (it == j.end() || !it->is_array()) return out;
  for (const auto& item : *it)
    if (auto p = read_person(item)) out.push_back(std::move(*p));
  return out;
}

std::optional<Person> read_account(const std::string& body) {
  const json j = parse_object(body);
  if (!j.is_object() || !j.contains("account")) return std::nullopt;
  return read_person(j["account"]);
}

// The error code and message of a failed answer; a body that is not the API's gets a code that
// says as much.
Error read_error(int status, const std::string& body) {
  if (status == 0) return {"server-unreachable", "The server did not answer."};
  const json j = parse_object(body);
  if (j.is_object()) {
    proto::FieldReader f(j, "error");
    std::string code = f.string("error", 64);
    std::string message = f.optional_string("message", kMaxAnswerField).value_or("");
    if (!f.failed()) return {std::move(code), std::move(message)};
  }
  if (status == 429) return {"too-many-attempts", "Too many requests."};
  if (status == 413) return {"too-large", "The request was too large."};
  if (status >= 500) return {"busy", "The server could not answer."};
  return {"bad-answer", "The server's answer was not understood."};
}

std::string person_body(int person) { return json{{"account_id", person}}.dump(); }

}  // namespace

std::string photo_path(const Person& person) {
  if (person.photo_version <= 0) return {};
  return "/api/photos/" + std::to_string(person.id) + "?v=" + std::to_string(person.photo_version);
}

void AccountController::send(AccountTask task, const char* method, const std::string& path, const std::string& body,
                             const char* content_type) {
  const unsigned request = http_.send(method, path, body.empty() ? "" : content_type, body);
  in_flight_[request] = task;
  latest_[static_cast<std::size_t>(task)] = request;
  state(task) = TaskState{true, false, std::nullopt};
}

Status AccountController::refuse(AccountTask task, Error problem) {
  state(task) = TaskState{false, false, problem};
  return problem;
}

void AccountController::check_session() { send(AccountTask::Session, "GET", "/api/me", ""); }

Status AccountController::log_in(std::string_view email, std::string_view password) {
  if (state(AccountTask::LogIn).busy) return Ok{};
  if (trim_spaces(email).empty()) return refuse(AccountTask::LogIn, {"bad-email", "Please enter an e-mail address."});
  if (password.empty()) return refuse(AccountTask::LogIn, {"password-empty", "Please enter the password."});
  send(AccountTask::LogIn, "POST", "/api/login", json{{"email", trim_spaces(email)}, {"password", std::string(password)}}.dump());
  return Ok{};
}

void AccountController::log_out() { send(AccountTask::LogOut, "POST", "/api/logout", "{}"); }

void AccountController::log_out_everywhere() {
  send(AccountTask::LogOutEverywhere, "POST", "/api/logout-everywhere", "{}");
}

Status AccountController::check_invitation(std::string_view token) {
  if (token.empty() || token.size() > 64)
    return refuse(AccountTask::CheckInvitation, {"invitation-unknown", "This invitation link is not complete."});
  send(AccountTask::CheckInvitation, "POST", "/api/invitation/check", json{{"token", std::string(token)}}.dump());
  return Ok{};
}

Status AccountController::accept_invitation(std::string_view token, std::string_view password,
                                            std::string_view repeated) {
  if (state(AccountTask::AcceptInvitation).busy) return Ok{};
  if (auto ok = check_account_password(password); !ok) return refuse(AccountTask::AcceptInvitation, ok.error());
  if (password != repeated)
    return refuse(AccountTask::AcceptInvitation, {"password-mismatch", "The two passwords differ."});
  send(AccountTask::AcceptInvitation, "POST", "/api/invitation/accept",
       json{{"token", std::string(token)}, {"password", std::string(password)}}.dump());
  return Ok{};
}

void AccountController::load_contacts() { send(AccountTask::Contacts, "GET", "/api/contacts", ""); }

void AccountController::keep_contacts_fresh(std::int64_t now_ms) {
  if (!me_ || state(AccountTask::Contacts).busy) return;
  if (contacts_asked_ms_ < 0) contacts_asked_ms_ = now_ms;  // the screen opened with a fresh list
  if (now_ms - contacts_asked_ms_ < kContactsRefreshMs) return;
  contacts_asked_ms_ = now_ms;
  load_contacts();
}

Status AccountController::find_people(std::string_view query) {
  const std::string q = trim_spaces(query);
  if (q.empty() || q.size() > 100) return refuse(AccountTask::FindPeople, {"bad-query", "Type a name or an e-mail address."});
  send(AccountTask::FindPeople, "POST", "/api/people", json{{"query", q}}.dump());
  return Ok{};
}

void AccountController::load_organisation() { send(AccountTask::Organisation, "GET", "/api/organisation", ""); }

void AccountController::request_contact(int person) {
  send(AccountTask::RequestContact, "POST", "/api/contacts/request", person_body(person));
}

void AccountController::answer_request(int person, bool accept) {
  send(AccountTask::AnswerRequest, "POST", "/api/contacts/answer", json{{"account_id", person}, {"accept", accept}}.dump());
}

void AccountController::remove_contact(int person) {
  send(AccountTask::RemoveContact, "POST", "/api/contacts/remove", person_body(person));
}

Status AccountController::save_details(std::string_view name, std::string_view phone, std::string_view about) {
  if (state(AccountTask::SaveDetails).busy) return Ok{};
  auto checked_name = check_display_name(name);
  if (!checked_name) return refuse(AccountTask::SaveDetails, checked_name.error());
  auto checked_phone = check_phone(phone);
  if (!checked_phone) return refuse(AccountTask::SaveDetails, checked_phone.error());
  auto checked_about = check_about(about);
  if (!checked_about) return refuse(AccountTask::SaveDetails, checked_about.error());
  send(AccountTask::SaveDetails, "PATCH", "/api/me",
       json{{"name", checked_name.value()}, {"phone", checked_phone.value()}, {"about", checked_about.value()}}.dump());
  return Ok{};
}

Status AccountController::change_password(std::string_view current, std::string_view fresh, std::string_view repeated) {
  if (state(AccountTask::ChangePassword).busy) return Ok{};
  if (current.empty()) return refuse(AccountTask::ChangePassword, {"password-empty", "Please enter the current password."});
  if (auto ok = check_account_password(fresh); !ok) return refuse(AccountTask::ChangePassword, ok.error());
  if (fresh != repeated) return refuse(AccountTask::ChangePassword, {"password-mismatch", "The two passwords differ."});
  send(AccountTask::ChangePassword, "POST", "/api/me/password", json{{"current", std::string(current)}, {"new", std::string(fresh)}}.dump());
  return Ok{};
}

void AccountController::upload_photo(const std::string& jpeg) {
  send(AccountTask::UploadPhoto, "PUT", "/api/me/photo", jpeg, "image/jpeg");
}

Status AccountController::invite(std::string_view email, std::string_view name) {
  if (state(AccountTask::Invite).busy) return Ok{};
  auto checked_email = check_email(email);
  if (!checked_email) return refuse(AccountTask::Invite, checked_email.error());
  auto checked_name = check_display_name(name);
  if (!checked_name) return refuse(AccountTask::Invite, checked_name.error());
  invitation_link_.clear();
  send(AccountTask::Invite, "POST", "/api/invitations",
       json{{"email", checked_email.value()}, {"name", checked_name.value()}}.dump());
  return Ok{};
}

void AccountController::logged_out() {
  me_.reset();
  book_ = {};
  people_found_.clear();
  organisation_.clear();
  invitation_link_.clear();
}

bool AccountController::tick() {
  bool changed = false;
  for (auto& answer : http_.take_answers()) {
    auto it = in_flight_.find(answer.request);
    if (it == in_flight_.end()) continue;
    const AccountTask task = it->second;
    in_flight_.erase(it);
    // An older request of a task asked again meanwhile (a list loaded twice): the newer one counts.
    if (latest_[static_cast<std::size_t>(task)] != answer.request) continue;
    changed = true;
    if (answer.status >= 200 && answer.status < 300) {
      succeeded(task, answer.body);
      continue;
    }
    Error problem = read_error(answer.status, answer.body);
    if (task == AccountTask::Session) {
      // 404 "no-accounts": a server started without --data, rooms only. 401: accounts, not logged in.
      session_known_ = answer.status != 0;
      accounts_available_ = problem.code != "no-accounts" && answer.status != 0;
      logged_out();
      state(task) = TaskState{false, false, std::nullopt};
      continue;
    }
    if (problem.code == "not-logged-in" && me_) {
      session_ended_ = true;
      logged_out();
    }
    state(task) = TaskState{false, false, std::move(problem)};
  }
  return changed;
}

void AccountController::succeeded(AccountTask task, const std::string& body) {
  state(task) = TaskState{false, true, std::nullopt};
  const json j = parse_object(body);
  switch (task) {
    case AccountTask::Session:
    case AccountTask::LogIn:
    case AccountTask::AcceptInvitation:
      session_known_ = accounts_available_ = true;
      me_ = read_account(body);
      if (me_) {
        session_ended_ = false;
        load_contacts();
      }
      break;
    case AccountTask::SaveDetails:
    case AccountTask::UploadPhoto:
      if (auto account = read_account(body)) me_ = std::move(account);
      break;
    case AccountTask::LogOut:
    case AccountTask::LogOutEverywhere:
      logged_out();
      break;
    case AccountTask::ChangePassword:
      break;
    case AccountTask::CheckInvitation: {
      if (!j.is_object()) break;
      proto::FieldReader f(j, "invitation");
      InvitationInfo info{f.string("email", kMaxAnswerField), f.string("name", kMaxAnswerField),
                          f.optional_string("organisation", kMaxAnswerField).value_or("")};
      if (!f.failed()) invitation_ = std::move(info);
      break;
    }
    case AccountTask::Contacts:
      book_ = {read_people(j, "contacts"), read_people(j, "asking_me"), read_people(j, "asked")};
      break;
    case AccountTask::FindPeople:
      people_found_ = read_people(j, "people");
      break;
    case AccountTask::Organisation:
      organisation_ = read_people(j, "people");
      break;
    case AccountTask::RequestContact:
    case AccountTask::AnswerRequest:
    case AccountTask::RemoveContact:
      load_contacts();  // the book as the server now has it (the other side may have acted too)
      break;
    case AccountTask::Invite:
      if (j.is_object() && j.contains("link") && j["link"].is_string()) invitation_link_ = j["link"].get<std::string>();
      break;
    case AccountTask::Count:
      break;
  }
}

}  // namespace treff
