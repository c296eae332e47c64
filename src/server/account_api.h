// The accounts API under /api: JSON over HTTP for what people keep in their account (log in and
// out, invitations, my details). Each request is answered through `respond`, later, on the I/O
// thread: database work runs on the AccountWorker and password hashing on the PasswordVault.
//
// Requests that change something must come from the server's own pages (the Origin check of the
// WebSocket) and carry JSON; with the SameSite=Strict cookie that shuts out cross-site requests.
#pragma once

#include <cstdint>
#include <functional>
#include <string>

#include "core/protocol.h"
#include "server/accounts/account_worker.h"
#include "server/accounts/login_limiter.h"
#include "server/net.h"
#include "server/origin_policy.h"
#include "server/password_vault.h"
#include "server/static_files.h"

namespace treff::server {

using Request = http::request<http::string_body>;
using Respond = std::function<void(TextResponse)>;

struct AccountApiOptions {
  std::int64_t session_idle_seconds = 14 * 24 * 3600;  // a log-in ends after two weeks unused
};

class AccountApi {
 public:
  AccountApi(AccountWorker& worker, PasswordVault& vault, const OriginPolicy& origins, AccountApiOptions options);

  static bool is_api_target(std::string_view target) { return target.rfind("/api/", 0) == 0; }
  // The largest request body a target may carry: a photo, or a little JSON.
  static std::uint64_t body_limit(std::string_view target);

  // `client`: the caller's address, for the limits per address.
  void handle(const Request& request, const std::string& client, Respond respond);

  // The account of a request's session cookie, for the WebSocket handshake; none without a live
  // session (or when the server is too busy to look: the connection goes on as a guest's).
  void account_of(const Request& request, std::function<void(std::optional<proto::SignedInAccount>)> done);

 private:
  struct Call;  // one request being answered
  void login(std::shared_ptr<Call> call);
  void logout(std::shared_ptr<Call> call, bool everywhere);
  void me(std::shared_ptr<Call> call);
  void change_details(std::shared_ptr<Call> call);
  void change_password(std::shared_ptr<Call> call);
  void check_invitation(std::shared_ptr<Call> call);
  void accept_invitation(std::shared_ptr<Call> call);
  void invite(std::shared_ptr<Call> call);
  void set_photo(std::shared_ptr<Call> call);
  void photo(std::shared_ptr<Call> call, std::int64_t account_id);
  void find_people(std::shared_ptr<Call> call);
  void contacts(std::shared_ptr<Call> call);
  void organisation(std::shared_ptr<Call> call);
  void request_contact(std::shared_ptr<Call> call);
  void answer_contact_request(std::shared_ptr<Call> call);
  void remove_contact(std::shared_ptr<Call> call);
  void leave_voice_message(std::shared_ptr<Call> call, std::int64_t to_id);
  void voice_messages(std::shared_ptr<Call> call);
  void voice_message_audio(std::shared_ptr<Call> call, std::int64_t message_id);
  void remove_voice_message(std::shared_ptr<Call> call);

  // Runs `then` with the caller's account, or answers 401.
  void with_account(std::shared_ptr<Call> call, std::function<void(std::shared_ptr<Call>, Account)> then);
  // Starts a session for `account` and answers with it (the cookie and the account).
  void start_session(std::shared_ptr<Call> call, Account account);
  // Runs a store job; answers its error, or hands its value to `then`.
  template <class T>
  void store_job(std::shared_ptr<Call> call, std::function<Result<T>(AccountStore&)> job,
                 std::function<void(std::shared_ptr<Call>, T)> then);

  AccountWorker& worker_;
  PasswordVault& vault_;
  const OriginPolicy& origins_;
  AccountApiOptions options_;
  LoginLimiter login_limiter_;
  // The hash an unknown address is checked against, so that "no such account" takes as long
  // as "wrong password" and the two answers cannot be told apart.
  std::string decoy_hash_;
};

}  // namespace treff::server
