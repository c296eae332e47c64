#include "server/accounts/sqlite_db.h"

namespace treff::server {

Statement& Statement::bind(int index, std::int64_t value) {
  sqlite3_bind_int64(stmt_, index, value);
  return *this;
}

Statement& Statement::bind(int index, std::string_view text) {
  sqlite3_bind_text(stmt_, index, text.data(), static_cast<int>(text.size()), SQLITE_TRANSIENT);
  return *this;
}

Statement& Statement::bind_blob(int index, std::string_view bytes) {
  sqlite3_bind_blob(stmt_, index, bytes.data(), static_cast<int>(bytes.size()), SQLITE_TRANSIENT);
  return *this;
}

Statement& Statement::bind_null(int index) {
  sqlite3_bind_null(stmt_, index);
  return *this;
}

Result<bool> Statement::step() {
  const int rc = sqlite3_step(stmt_);
  if (rc == SQLITE_ROW) return true;
  if (rc == SQLITE_DONE) return false;
  return db_->error("step");
}

Status Statement::run() {
  for (;;) {
    auto row = step();
    if (!row) return row.error();
    if (!row.value()) return Ok{};
  }
}

std::string Statement::text(int column) const {
  const auto* bytes = static_cast<const char*>(sqlite3_column_blob(stmt_, column));
  const int size = sqlite3_column_bytes(stmt_, column);
  return bytes ? std::string(bytes, static_cast<std::size_t>(size)) : std::string();
}

Result<std::unique_ptr<SqliteDb>> SqliteDb::open(const std::string& path) {
  sqlite3* raw = nullptr;
  const int rc = sqlite3_open_v2(path.c_str(), &raw, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX,
                                 nullptr);
  std::unique_ptr<SqliteDb> db(new SqliteDb(raw));
  if (rc != SQLITE_OK) return db->error("open " + path);
  sqlite3_busy_timeout(raw, 5000);
  // WAL: readers do not wait for the writer, and a crash mid-write loses nothing committed.
  for (const char* setup : {"PRAGMA journal_mode=WAL", "PRAGMA foreign_keys=ON", "PRAGMA synchronous=NORMAL"}) {
    auto done = db->exec(setup);
    if (!done) return done.error();
  }
  return db;
}

SqliteDb::~SqliteDb() { sqlite3_close_v2(db_); }

Status SqliteDb::exec(const std::string& sql) {
  if (sqlite3_exec(db_, sql.c_str(), nullptr, nullptr, nullptr) != SQLITE_OK) return error("exec");
  return Ok{};
}

Result<Statement> SqliteDb::prepare(std::string_view sql) {
  sqlite3_stmt* stmt = nullptr;
  if (sqlite3_prepare_v2(db_, sql.data(), static_cast<int>(sql.size()), &stmt, nullptr) != SQLITE_OK)
    return error("prepare");
  return Statement(*this, stmt);
}

Error SqliteDb::error(const std::string& doing) const {
  const int code = db_ ? sqlite3_errcode(db_) & 0xff : SQLITE_CANTOPEN;
  const std::string detail = db_ ? sqlite3_errmsg(db_) : "out of memory";
  switch (code) {
    case SQLITE_FULL:
      return {"storage_full", "The disk of the server is full; nothing was changed (" + detail + ")."};
    case SQLITE_READONLY:
    case SQLITE_PERM:
    case SQLITE_CANTOPEN:
      return {"storage_read_only", "The server cannot write its data folder; nothing was changed (" + detail + ")."};
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
      return {"storage_busy", "The server's data is busy; try again (" + detail + ")."};
    case SQLITE_CONSTRAINT:
      return {"conflict", "That conflicts with what is stored (" + detail + ")."};
    default:
      return {"storage_error", "The server could not " + doing + " its data (" + detail + ")."};
  }
}

Transaction::Transaction(SqliteDb& db) : db_(db), begun_(db.exec("BEGIN IMMEDIATE")) { open_ = begun_.ok(); }

Transaction::~Transaction() {
  if (open_) db_.exec("ROLLBACK");
}

Status Transaction::commit() {
  auto done = db_.exec("COMMIT");
  if (done) open_ = false;
  return done;
}

}  // namespace treff::server
