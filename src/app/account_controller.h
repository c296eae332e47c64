// The logged-in side of the client: who is logged in, their contacts, people found, invitations,
// details, password and photo, each as a request to the server's accounts API (/api) and the
// state its answer leaves. Platform-free (it sees the browser only through
// platform::HttpRequests), so it is unit-tested natively with a fake.
//
// Every action checks what it can before sending (the rules of core/account_rules.h, the same the
// server applies) and returns that problem instead of sending; the server's own answer lands in
// the action's TaskState. A request that finds the session gone (expired, or logged out
// everywhere from another device) forgets the account: the app shows the login again.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.h"
#include "platform/http_requests.h"

namespace treff {

struct Person {
  int id = 0;
  std::string email, name, organisation, phone, about;
  int photo_version = 0;  // 0: no photo
  bool admin = false;     // only known for the logged-in account
};

// "/api/photos/<id>?v=<version>": a new photo has a new address, so caches never show an old one.
// "" for a person without a photo.
std::string photo_path(const Person& person);

struct ContactBook {
  std::vector<Person> contacts;   // accepted both ways
  std::vector<Person> asking_me;  // requests waiting for my answer
  std::vector<Person> asked;      // my requests waiting for theirs
};

struct InvitationInfo {
  std::string email, name, organisation;
};

enum class AccountTask {
  Session,          // is this page logged in (and does the server have accounts at all)?
  LogIn,
  LogOut,
  LogOutEverywhere,
  CheckInvitation,
  AcceptInvitation,
  Contacts,
  FindPeople,
  Organisation,     // everyone of the own organisation, for a room's invite panel
  RequestContact,
  AnswerRequest,
  RemoveContact,
  SaveDetails,
  ChangePassword,
  UploadPhoto,
  Invite,
  Count
};

struct TaskState {
  bool busy = false;              // sent, no answer yet
  bool done = false;              // the last one succeeded
  std::optional<Error> problem;   // the last one failed: code for the translated text
};

class AccountController {
 public:
  explicit AccountController(platform::HttpRequests& http) : http_(http) {}

  void check_session();
  Status log_in(std::string_view email, std::string_view password);
  void log_out();
  void log_out_everywhere();
  Status check_invitation(std::string_view token);
  // The invited person's own password, typed twice.
  Status accept_invitation(std::string_view token, std::string_view password, std::string_view repeated);
  void load_contacts();
  // Called while the contact list is on screen: loads it again when the last load is older than
  // kContactsRefreshMs, so a request someone just sent (or an answer) shows up without a reload.
  void keep_contacts_fresh(std::int64_t now_ms);
  static constexpr std::int64_t kContactsRefreshMs = 15000;
  Status find_people(std::string_view query);
  void load_organisation();
  void request_contact(int person);
  void answer_request(int person, bool accept);
  void remove_contact(int person);
  Status save_details(std::string_view name, std::string_view phone, std::string_view about);
  Status change_password(std::string_view current, std::string_view fresh, std::string_view repeated);
  // A JPEG already cropped and scaled in the browser; the server checks it again.
  void upload_photo(const std::string& jpeg);
  // Admins: an account for someone of the own organisation, with a link to set a password.
  Status invite(std::string_view email, std::string_view name);

  // Takes the server's answers. True when anything changed.
  bool tick();

  // The server answered the session check: whether it has accounts at all (started with --data).
  bool session_known() const { return session_known_; }
  bool accounts_available() const { return accounts_available_; }
  const std::optional<Person>& me() const { return me_; }
  const ContactBook& book() const { return book_; }
  const std::vector<Person>& people_found() const { return people_found_; }
  const std::vector<Person>& organisation() const { return organisation_; }
  const std::optional<InvitationInfo>& invitation() const { return invitation_; }
  const std::string& invitation_link() const { return invitation_link_; }
  const TaskState& task(AccountTask t) const { return tasks_[static_cast<std::size_t>(t)]; }
  // A request found the session ended while the person was logged in.
  bool session_ended() const { return session_ended_; }
  // Forgets a task's outcome (a screen opens afresh).
  void reset_task(AccountTask t) { tasks_[static_cast<std::size_t>(t)] = {}; }

 private:
  // JSON `body` ("" for none), or another `content_type` (the photo).
  void send(AccountTask task, const char* method, const std::string& path, const std::string& body,
            const char* content_type = "application/json");
  Status refuse(AccountTask task, Error problem);
  void succeeded(AccountTask task, const std::string& body);
  void logged_out();
  TaskState& state(AccountTask t) { return tasks_[static_cast<std::size_t>(t)]; }

  platform::HttpRequests& http_;
  std::map<unsigned, AccountTask> in_flight_;
  std::array<unsigned, static_cast<std::size_t>(AccountTask::Count)> latest_{};  // request per task
  std::array<TaskState, static_cast<std::size_t>(AccountTask::Count)> tasks_{};
  bool session_known_ = false;
  bool accounts_available_ = false;
  bool session_ended_ = false;
  std::optional<Person> me_;
  ContactBook book_;
  std::vector<Person> people_found_;
  std::vector<Person> organisation_;
  std::optional<InvitationInfo> invitation_;
  std::string invitation_link_;
  std::int64_t contacts_asked_ms_ = -1;  // when keep_contacts_fresh last loaded; -1: not yet
};

}  // namespace treff
