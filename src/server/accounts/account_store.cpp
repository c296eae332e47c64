#include "server/accounts/account_store.h"

#include <sys/stat.h>

#include <chrono>
#include <filesystem>

#include "server/accounts/schema.h"

namespace treff::server {
namespace {

namespace fs = std::filesystem;

constexpr const char* kAccountColumns =
    "a.id, a.email, a.display_name, a.organisation, a.phone, a.about, a.role, a.password_hash != '', "
    "COALESCE(p.version, 0), a.created_at, COALESCE(a.last_seen_at, 0) "
    "FROM accounts a LEFT JOIN photos p ON p.account_id = a.id ";

Account read_account(const Statement& row) {
  Account a;
  a.id = row.integer(0);
  a.email = row.text(1);
  a.display_name = row.text(2);
  a.organisation = row.text(3);
  a.phone = row.text(4);
  a.about = row.text(5);
  a.role = row.text(6) == "admin" ? Role::Admin : Role::Member;
  a.has_password = row.integer(7) != 0;
  a.photo_version = row.integer(8);
  a.created_at = row.integer(9);
  a.last_seen_at = row.integer(10);
  return a;
}

Error no_account() { return {"no-account", "There is no such account."}; }

// Runs one statement that changes rows; `bind` fills its parameters.
Status change(SqliteDb& db, const char* sql, const std::function<void(Statement&)>& bind) {
  auto stmt = db.prepare(sql);
  if (!stmt) return stmt.error();
  bind(stmt.value());
  return stmt.value().run();
}

}  // namespace

const char* role_name(Role role) { return role == Role::Admin ? "admin" : "member"; }

std::int64_t unix_now() {
  return std::chrono::duration_cast<std::chrono::seconds>(std::chrono::system_clock::now().time_since_epoch()).count();
}

Result<std::unique_ptr<AccountStore>> AccountStore::open(const std::string& data_dir) {
  std::error_code ec;
  fs::create_directories(data_dir, ec);
  if (ec) return Error{"storage_read_only", "Cannot make the data folder " + data_dir + ": " + ec.message()};
  // Password hashes and photos: for the server's user only.
  ::chmod(data_dir.c_str(), 0700);
  auto db = SqliteDb::open((fs::path(data_dir) / "accounts.sqlite3").string());
  if (!db) return db.error();
  if (auto migrated = migrate(*db.value()); !migrated) return migrated.error();
  return std::make_unique<AccountStore>(std::move(db).value());
}

Result<Account> AccountStore::one_account(const char* where_sql, const std::function<void(Statement&)>& bind) {
  auto stmt = db_->prepare(std::string("SELECT ") + kAccountColumns + where_sql);
  if (!stmt) return stmt.error();
  bind(stmt.value());
  auto row = stmt.value().step();
  if (!row) return row.error();
  if (!row.value()) return no_account();
  return read_account(stmt.value());
}

Result<Account> AccountStore::add_account(const NewAccount& account, std::int64_t now) {
  auto existing = account_by_email(account.email);
  if (existing) return Error{"email-taken", "There is already an account with the e-mail address " + account.email + "."};
  if (existing.error().code != "no-account") return existing.error();
  auto added = change(*db_,
                      "INSERT INTO accounts (email, display_name, organisation, role, created_at) VALUES (?, ?, ?, ?, ?)",
                      [&](Statement& s) {
                        s.bind(1, account.email).bind(2, account.display_name).bind(3, account.organisation);
                        s.bind(4, std::string(role_name(account.role))).bind(5, now);
                      });
  if (!added) return added.error();
  return account_by_id(db_->last_insert_id());
}

Result<std::vector<Account>> AccountStore::list_accounts() {
  return accounts("ORDER BY a.organisation, a.email", [](Statement&) {});
}

Result<std::vector<Account>> AccountStore::accounts(const std::string& where_sql,
                                                     const std::function<void(Statement&)>& bind) {
  auto stmt = db_->prepare(std::string("SELECT ") + kAccountColumns + where_sql);
  if (!stmt) return stmt.error();
  bind(stmt.value());
  std::vector<Account> out;
  for (;;) {
    auto row = stmt.value().step();
    if (!row) return row.error();
    if (!row.value()) return out;
    out.push_back(read_account(stmt.value()));
  }
}

Result<Account> AccountStore::account_by_email(const std::string& email) {
  return one_account("WHERE a.email = ?", [&](Statement& s) { s.bind(1, email); });
}

Result<Account> AccountStore::account_by_id(std::int64_t id) {
  return one_account("WHERE a.id = ?", [&](Statement& s) { s.bind(1, id); });
}

Status AccountStore::remove_account(std::int64_t id) {
  auto removed = change(*db_, "DELETE FROM accounts WHERE id = ?", [&](Statement& s) { s.bind(1, id); });
  if (!removed) return removed;
  if (db_->changes() == 0) return no_account();
  return Ok{};
}

Status AccountStore::add_invitation(std::int64_t account_id, const std::string& token_hash, std::int64_t now,
                                    std::int64_t expires_at) {
  return change(*db_, "INSERT INTO invitations (token_hash, account_id, created_at, expires_at) VALUES (?, ?, ?, ?)",
                [&](Statement& s) { s.bind_blob(1, token_hash).bind(2, account_id).bind(3, now).bind(4, expires_at); });
}

Result<Account> AccountStore::invitation_account(const std::string& token_hash, std::int64_t now) {
  auto stmt = db_->prepare("SELECT account_id, expires_at, used_at FROM invitations WHERE token_hash = ?");
  if (!stmt) return stmt.error();
  stmt.value().bind_blob(1, token_hash);
  auto row = stmt.value().step();
  if (!row) return row.error();
  if (!row.value()) return Error{"invitation-unknown", "This invitation link is not known; ask for a new one."};
  if (!stmt.value().is_null(2))
    return Error{"invitation-used", "This invitation link was used already; log in, or ask for a new one."};
  if (stmt.value().integer(1) <= now) return Error{"invitation-expired", "This invitation link has expired; ask for a new one."};
  return account_by_id(stmt.value().integer(0));
}

Result<Account> AccountStore::redeem_invitation(const std::string& token_hash, const std::string& password_hash,
                                                std::int64_t now) {
  Transaction tx(*db_);
  if (!tx.begun()) return tx.begun().error();
  // Checked again inside the transaction: of two uses at once, only one gets through.
  auto account = invitation_account(token_hash, now);
  if (!account) return account;
  const std::int64_t id = account.value().id;
  for (auto step : {change(*db_, "UPDATE invitations SET used_at = ? WHERE token_hash = ?",
                           [&](Statement& s) { s.bind(1, now).bind_blob(2, token_hash); }),
                    change(*db_, "UPDATE accounts SET password_hash = ? WHERE id = ?",
                           [&](Statement& s) { s.bind(1, password_hash).bind(2, id); }),
                    change(*db_, "DELETE FROM sessions WHERE account_id = ?", [&](Statement& s) { s.bind(1, id); })}) {
    if (!step) return step.error();
  }
  if (auto done = tx.commit(); !done) return done.error();
  return account_by_id(id);
}

Result<std::string> AccountStore::password_hash(std::int64_t account_id) {
  auto stmt = db_->prepare("SELECT password_hash FROM accounts WHERE id = ?");
  if (!stmt) return stmt.error();
  stmt.value().bind(1, account_id);
  auto row = stmt.value().step();
  if (!row) return row.error();
  return row.value() ? stmt.value().text(0) : std::string();
}

Status AccountStore::set_password(std::int64_t account_id, const std::string& password_hash,
                                  const std::string& keep_session_hash) {
  Transaction tx(*db_);
  if (!tx.begun()) return tx.begun();
  for (auto step : {change(*db_, "UPDATE accounts SET password_hash = ? WHERE id = ?",
                           [&](Statement& s) { s.bind(1, password_hash).bind(2, account_id); }),
                    change(*db_, "DELETE FROM sessions WHERE account_id = ? AND token_hash != ?",
                           [&](Statement& s) { s.bind(1, account_id).bind_blob(2, keep_session_hash); })}) {
    if (!step) return step;
  }
  return tx.commit();
}

Status AccountStore::clear_password(std::int64_t account_id) { return set_password(account_id, "", ""); }

Status AccountStore::add_session(const std::string& token_hash, std::int64_t account_id, std::int64_t now) {
  Transaction tx(*db_);
  if (!tx.begun()) return tx.begun();
  for (auto step : {change(*db_, "INSERT INTO sessions (token_hash, account_id, created_at, last_used_at) VALUES (?, ?, ?, ?)",
                           [&](Statement& s) { s.bind_blob(1, token_hash).bind(2, account_id).bind(3, now).bind(4, now); }),
                    change(*db_, "UPDATE accounts SET last_seen_at = ? WHERE id = ?",
                           [&](Statement& s) { s.bind(1, now).bind(2, account_id); })}) {
    if (!step) return step;
  }
  return tx.commit();
}

Result<Account> AccountStore::session_account(const std::string& token_hash, std::int64_t now, std::int64_t idle_seconds) {
  auto stmt = db_->prepare("SELECT account_id, last_used_at FROM sessions WHERE token_hash = ?");
  if (!stmt) return stmt.error();
  stmt.value().bind_blob(1, token_hash);
  auto row = stmt.value().step();
  if (!row) return row.error();
  const Error logged_out{"not-logged-in", "Please log in."};
  if (!row.value()) return logged_out;
  const std::int64_t account_id = stmt.value().integer(0);
  const std::int64_t last_used = stmt.value().integer(1);
  if (last_used + idle_seconds <= now) {
    remove_session(token_hash);
    return logged_out;
  }
  // A minute's precision is enough for expiry and "last seen", and spares a write per request.
  if (now - last_used >= 60) {
    Transaction tx(*db_);
    if (tx.begun()) {
      change(*db_, "UPDATE sessions SET last_used_at = ? WHERE token_hash = ?",
             [&](Statement& s) { s.bind(1, now).bind_blob(2, token_hash); });
      change(*db_, "UPDATE accounts SET last_seen_at = ? WHERE id = ?", [&](Statement& s) { s.bind(1, now).bind(2, account_id); });
      tx.commit();  // a failed write (disk full) still lets the person in; only the time is older
    }
  }
  return account_by_id(account_id);
}

Status AccountStore::remove_session(const std::string& token_hash) {
  return change(*db_, "DELETE FROM sessions WHERE token_hash = ?", [&](Statement& s) { s.bind_blob(1, token_hash); });
}

Status AccountStore::remove_sessions(std::int64_t account_id) {
  return change(*db_, "DELETE FROM sessions WHERE account_id = ?", [&](Statement& s) { s.bind(1, account_id); });
}

Result<Account> AccountStore::update_details(std::int64_t account_id, const DetailsChange& c) {
  auto updated = change(*db_,
                        "UPDATE accounts SET display_name = COALESCE(?, display_name), phone = COALESCE(?, phone), about = COALESCE(?, about) WHERE id = ?",
                        [&](Statement& s) {
                          int i = 1;
                          for (const auto* field : {&c.display_name, &c.phone, &c.about}) {
                            if (*field) s.bind(i, **field); else s.bind_null(i);
                            ++i;
                          }
                          s.bind(4, account_id);
                        });
  if (!updated) return updated.error();
  return account_by_id(account_id);
}

Result<Account> AccountStore::set_photo(std::int64_t account_id, const std::string& jpeg) {
  auto stored = change(*db_,
                       "INSERT INTO photos (account_id, jpeg, version) VALUES (?, ?, 1) "
                       "ON CONFLICT (account_id) DO UPDATE SET jpeg = excluded.jpeg, version = photos.version + 1",
                       [&](Statement& s) { s.bind(1, account_id).bind_blob(2, jpeg); });
  if (!stored) return stored.error();
  return account_by_id(account_id);
}

Result<bool> AccountStore::same_organisation(std::int64_t a, std::int64_t b) {
  auto stmt = db_->prepare("SELECT x.organisation = y.organisation FROM accounts x, accounts y WHERE x.id = ? AND y.id = ?");
  if (!stmt) return stmt.error();
  stmt.value().bind(1, a).bind(2, b);
  auto row = stmt.value().step();
  if (!row) return row.error();
  return row.value() && stmt.value().integer(0) != 0;
}

Result<std::string> AccountStore::photo_for(std::int64_t viewer_id, std::int64_t account_id) {
  const Error not_found{"not-found", "There is no such photo."};
  auto allowed = same_organisation(viewer_id, account_id);
  if (!allowed) return allowed.error();
  if (!allowed.value()) return not_found;
  auto stmt = db_->prepare("SELECT jpeg FROM photos WHERE account_id = ?");
  if (!stmt) return stmt.error();
  stmt.value().bind(1, account_id);
  auto row = stmt.value().step();
  if (!row) return row.error();
  if (!row.value()) return not_found;
  return stmt.value().text(0);
}

Result<std::vector<Account>> AccountStore::find_people(std::int64_t viewer_id, const std::string& query, int limit) {
  // LIKE with the query's own % and _ taken literally.
  std::string pattern = "%";
  for (char c : query) {
    if (c == '%' || c == '_' || c == '\\') pattern += '\\';
    pattern += c;
  }
  pattern += "%";
  return accounts(
      "WHERE a.organisation = (SELECT organisation FROM accounts WHERE id = ?1) AND a.id != ?1 "
      "AND (a.display_name LIKE ?2 ESCAPE '\\' OR a.email LIKE ?2 ESCAPE '\\') "
      "ORDER BY a.display_name COLLATE NOCASE LIMIT ?3",
      [&](Statement& s) { s.bind(1, viewer_id).bind(2, pattern).bind(3, std::int64_t{limit}); });
}

Result<AccountStore::ContactBook> AccountStore::contact_book(std::int64_t account_id) {
  ContactBook book;
  const auto by_id = [&](Statement& s) { s.bind(1, account_id); };
  auto contacts = accounts("JOIN contacts c ON c.contact_id = a.id WHERE c.owner_id = ? ORDER BY a.display_name COLLATE NOCASE", by_id);
  if (!contacts) return contacts.error();
  auto asking = accounts("JOIN contact_requests r ON r.from_id = a.id WHERE r.to_id = ? ORDER BY r.created_at", by_id);
  if (!asking) return asking.error();
  auto asked = accounts("JOIN contact_requests r ON r.to_id = a.id WHERE r.from_id = ? ORDER BY r.created_at", by_id);
  if (!asked) return asked.error();
  book.contacts = std::move(contacts).value();
  book.asking_me = std::move(asking).value();
  book.asked = std::move(asked).value();
  return book;
}

Result<bool> AccountStore::request_contact(std::int64_t from_id, std::int64_t to_id, std::int64_t now) {
  if (from_id == to_id) return Error{"contact-self", "You cannot add yourself as a contact."};
  Transaction tx(*db_);
  if (!tx.begun()) return tx.begun().error();
  auto allowed = same_organisation(from_id, to_id);
  if (!allowed) return allowed.error();
  if (!allowed.value()) return no_account();  // another organisation's people are not there for us
  auto count = [&](const char* sql, std::int64_t a, std::int64_t b) -> Result<bool> {
    auto stmt = db_->prepare(sql);
    if (!stmt) return stmt.error();
    stmt.value().bind(1, a).bind(2, b);
    auto row = stmt.value().step();
    if (!row) return row.error();
    return row.value();
  };
  auto already = count("SELECT 1 FROM contacts WHERE owner_id = ? AND contact_id = ?", from_id, to_id);
  if (!already) return already.error();
  if (already.value()) return Error{"already-contact", "This person is in your contacts already."};
  auto asked_us = count("SELECT 1 FROM contact_requests WHERE from_id = ? AND to_id = ?", to_id, from_id);
  if (!asked_us) return asked_us.error();
  if (asked_us.value()) {
    for (auto step : {change(*db_, "DELETE FROM contact_requests WHERE (from_id = ?1 AND to_id = ?2) OR (from_id = ?2 AND to_id = ?1)",
                             [&](Statement& s) { s.bind(1, from_id).bind(2, to_id); }),
                      change(*db_, "INSERT INTO contacts VALUES (?1, ?2, ?3), (?2, ?1, ?3)",
                             [&](Statement& s) { s.bind(1, from_id).bind(2, to_id).bind(3, now); })}) {
      if (!step) return step.error();
    }
  } else {
    auto asked = change(*db_, "INSERT OR IGNORE INTO contact_requests VALUES (?, ?, ?)",
                        [&](Statement& s) { s.bind(1, from_id).bind(2, to_id).bind(3, now); });
    if (!asked) return asked.error();
  }
  if (auto done = tx.commit(); !done) return done.error();
  return asked_us.value();
}

Status AccountStore::answer_contact_request(std::int64_t account_id, std::int64_t from_id, bool accept, std::int64_t now) {
  Transaction tx(*db_);
  if (!tx.begun()) return tx.begun();
  auto removed = change(*db_, "DELETE FROM contact_requests WHERE from_id = ? AND to_id = ?",
                        [&](Statement& s) { s.bind(1, from_id).bind(2, account_id); });
  if (!removed) return removed;
  if (db_->changes() == 0) return Error{"no-request", "This contact request is no longer there."};
  if (accept) {
    auto added = change(*db_, "INSERT OR IGNORE INTO contacts VALUES (?1, ?2, ?3), (?2, ?1, ?3)",
                        [&](Statement& s) { s.bind(1, account_id).bind(2, from_id).bind(3, now); });
    if (!added) return added;
  }
  return tx.commit();
}

Status AccountStore::remove_contact(std::int64_t account_id, std::int64_t contact_id) {
  auto removed = change(*db_, "DELETE FROM contacts WHERE (owner_id = ?1 AND contact_id = ?2) OR (owner_id = ?2 AND contact_id = ?1)",
                        [&](Statement& s) { s.bind(1, account_id).bind(2, contact_id); });
  if (!removed) return removed;
  if (db_->changes() == 0) return Error{"not-a-contact", "This person is not in your contacts (any more)."};
  return Ok{};
}

}  // namespace treff::server
