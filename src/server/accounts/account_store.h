// Accounts, their sessions, invitations and details, in one SQLite file (`<data>/accounts.sqlite3`).
// Synchronous and single-threaded: the server runs it on its own worker (AccountWorker) and the
// admin's `treff-server user` command calls it directly. Every write is one transaction, so an
// error (disk full, read-only folder) leaves what was stored as it was. Times are Unix seconds.
//
// The store checks nothing a person typed: callers check with core/account_rules.h first. It does
// enforce what the database must hold (one account per e-mail address, whatever its case).
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "core/result.h"
#include "server/accounts/sqlite_db.h"
#include "server/accounts/voice_mailbox.h"

namespace treff::server {

enum class Role { Member, Admin };

struct Account {
  std::int64_t id = 0;
  std::string email;
  std::string display_name;
  std::string organisation;
  std::string phone;
  std::string about;
  Role role = Role::Member;
  bool has_password = false;  // false until the invitation is used (or after a reset)
  std::int64_t photo_version = 0;  // 0: no photo
  std::int64_t created_at = 0;
  std::int64_t last_seen_at = 0;  // 0: never logged in
};

struct NewAccount {
  std::string email;
  std::string display_name;
  std::string organisation;
  Role role = Role::Member;
};

// What "Mijn gegevens" may change; fields left empty (nullopt) stay as they are. Not the
// organisation: it decides who may find whom, so only the machine's admin sets it.
struct DetailsChange {
  std::optional<std::string> display_name;
  std::optional<std::string> phone;
  std::optional<std::string> about;
};

class AccountStore {
 public:
  // Opens `<data_dir>/accounts.sqlite3`, making the folder (owner-only) and the file when missing,
  // and brings its schema up to date.
  static Result<std::unique_ptr<AccountStore>> open(const std::string& data_dir);
  explicit AccountStore(std::unique_ptr<SqliteDb> db) : db_(std::move(db)) {}

  Result<Account> add_account(const NewAccount& account, std::int64_t now);
  Result<std::vector<Account>> list_accounts();
  Result<Account> account_by_email(const std::string& email);
  Result<Account> account_by_id(std::int64_t id);
  // Removes the account with everything that hangs on it (sessions, invitations, photo, contacts).
  Status remove_account(std::int64_t id);

  // Invitations: a link that lets the invited person set their password, once, before it expires.
  Status add_invitation(std::int64_t account_id, const std::string& token_hash, std::int64_t now,
                        std::int64_t expires_at);
  // The account an unused, unexpired invitation is for; errors name which of the three it is not.
  Result<Account> invitation_account(const std::string& token_hash, std::int64_t now);
  // Uses the invitation: sets the password, marks the link used, ends every session of the account.
  Result<Account> redeem_invitation(const std::string& token_hash, const std::string& password_hash, std::int64_t now);

  // The encoded Argon2id hash of the account's password, "" when it has none (or no such account).
  Result<std::string> password_hash(std::int64_t account_id);
  // Sets a new password and ends every other session of the account (`keep_session_hash` stays).
  Status set_password(std::int64_t account_id, const std::string& password_hash, const std::string& keep_session_hash);
  // Forgets the password and ends every session: the admin's reset before a new invitation.
  Status clear_password(std::int64_t account_id);

  // Sessions: a log-in in one browser. They end after `idle_seconds` without use.
  Status add_session(const std::string& token_hash, std::int64_t account_id, std::int64_t now);
  // The account of a live session, marking the session used (and the account seen) now.
  Result<Account> session_account(const std::string& token_hash, std::int64_t now, std::int64_t idle_seconds);
  Status remove_session(const std::string& token_hash);
  Status remove_sessions(std::int64_t account_id);

  Result<Account> update_details(std::int64_t account_id, const DetailsChange& change);

  // Photos: a JPEG checked by the caller (photo_check.h). Each new one gets a higher version, so
  // its URL changes and browsers may cache each version for good.
  Result<Account> set_photo(std::int64_t account_id, const std::string& jpeg);
  // The photo of `account_id` as `viewer_id` may see it: their own, or someone of their
  // organisation. "not-found" for anyone else, as for no photo: nothing is told about strangers.
  Result<std::string> photo_for(std::int64_t viewer_id, std::int64_t account_id);

  // Contacts. People of one organisation find each other; a request becomes a contact on both
  // sides when the other accepts it. A request to someone who already asked us accepts theirs.
  Result<std::vector<Account>> find_people(std::int64_t viewer_id, const std::string& query, int limit);
  struct ContactBook {
    std::vector<Account> contacts;
    std::vector<Account> asking_me;  // requests waiting for my answer
    std::vector<Account> asked;      // my requests waiting for theirs
  };
  Result<ContactBook> contact_book(std::int64_t account_id);
  // Returns true when this made a contact at once (the other had asked already).
  Result<bool> request_contact(std::int64_t from_id, std::int64_t to_id, std::int64_t now);
  Status answer_contact_request(std::int64_t account_id, std::int64_t from_id, bool accept, std::int64_t now);
  Status remove_contact(std::int64_t account_id, std::int64_t contact_id);

  // Voice messages between contacts, in the same database.
  VoiceMailbox voice_mail() { return VoiceMailbox(*db_); }

 private:
  Result<Account> one_account(const char* where_sql, const std::function<void(Statement&)>& bind);
  Result<std::vector<Account>> accounts(const std::string& where_sql, const std::function<void(Statement&)>& bind);
  Result<bool> same_organisation(std::int64_t a, std::int64_t b);
  std::unique_ptr<SqliteDb> db_;
};

const char* role_name(Role role);

// Now, in the store's unit: Unix seconds.
std::int64_t unix_now();

}  // namespace treff::server
