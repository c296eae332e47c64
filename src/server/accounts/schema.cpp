#include "server/accounts/schema.h"

#include <iterator>
#include <string>

namespace treff::server {
namespace {

// Never edit a migration that has shipped: add a new one. Times are Unix seconds. E-mail
// addresses are stored as typed but compared without case (one person, one account).
const char* const kMigrations[] = {
    // 1: accounts, their log-in sessions and invitations. Tokens are stored only as SHA-256
    // hashes, so a copy of the file does not let anyone log in.
    R"(
CREATE TABLE accounts (
  id            INTEGER PRIMARY KEY,
  email         TEXT NOT NULL UNIQUE COLLATE NOCASE,
  display_name  TEXT NOT NULL,
  password_hash TEXT NOT NULL DEFAULT '',
  organisation  TEXT NOT NULL DEFAULT '',
  role          TEXT NOT NULL DEFAULT 'member' CHECK (role IN ('member', 'admin')),
  created_at    INTEGER NOT NULL,
  last_seen_at  INTEGER
);
CREATE TABLE sessions (
  token_hash   BLOB PRIMARY KEY,
  account_id   INTEGER NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
  created_at   INTEGER NOT NULL,
  last_used_at INTEGER NOT NULL
);
CREATE INDEX sessions_of_account ON sessions(account_id);
CREATE TABLE invitations (
  token_hash BLOB PRIMARY KEY,
  account_id INTEGER NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
  created_at INTEGER NOT NULL,
  expires_at INTEGER NOT NULL,
  used_at    INTEGER
);
CREATE INDEX invitations_of_account ON invitations(account_id);
)",
    // 2: photos (a square JPEG of at most 256x256, checked by decoding), their version for caching,
    // and a phone number and a short note about oneself (the seed's "Mijn gegevens").
    R"(
ALTER TABLE accounts ADD COLUMN phone TEXT NOT NULL DEFAULT '';
ALTER TABLE accounts ADD COLUMN about TEXT NOT NULL DEFAULT '';
CREATE TABLE photos (
  account_id INTEGER PRIMARY KEY REFERENCES accounts(id) ON DELETE CASCADE,
  jpeg       BLOB NOT NULL,
  version    INTEGER NOT NULL
);
)",
    // 3: contacts (each accepted pair stored once in each direction) and open contact requests.
    R"(
CREATE TABLE contacts (
  owner_id   INTEGER NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
  contact_id INTEGER NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
  created_at INTEGER NOT NULL,
  PRIMARY KEY (owner_id, contact_id)
);
CREATE TABLE contact_requests (
  from_id    INTEGER NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
  to_id      INTEGER NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
  created_at INTEGER NOT NULL,
  PRIMARY KEY (from_id, to_id)
);
CREATE INDEX contact_requests_to ON contact_requests(to_id);
)",
    // 4: voice messages left for a contact who did not answer (Ogg Opus, checked before storing).
    R"(
CREATE TABLE voice_messages (
  id          INTEGER PRIMARY KEY,
  from_id     INTEGER NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
  to_id       INTEGER NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
  created_at  INTEGER NOT NULL,
  duration_ms INTEGER NOT NULL,
  ogg         BLOB NOT NULL
);
CREATE INDEX voice_messages_to ON voice_messages(to_id);
)",
};

}  // namespace

int schema_version() { return static_cast<int>(std::size(kMigrations)); }

Result<int> stored_schema_version(SqliteDb& db) {
  auto query = db.prepare("PRAGMA user_version");
  if (!query) return query.error();
  auto row = query.value().step();
  if (!row) return row.error();
  return static_cast<int>(query.value().integer(0));
}

Status migrate(SqliteDb& db, int target) {
  auto version = stored_schema_version(db);
  if (!version) return version.error();
  if (version.value() > schema_version()) {
    return Error{"storage_too_new", "The data folder was written by a newer treff-server (schema " +
                                        std::to_string(version.value()) + ", this one knows " +
                                        std::to_string(schema_version()) + "); start that version."};
  }
  for (int next = version.value(); next < target; ++next) {
    Transaction tx(db);
    if (!tx.begun()) return tx.begun().error();
    if (auto done = db.exec(kMigrations[next]); !done) return done.error();
    if (auto done = db.exec("PRAGMA user_version = " + std::to_string(next + 1)); !done) return done.error();
    if (auto done = tx.commit(); !done) return done.error();
  }
  return Ok{};
}

}  // namespace treff::server
