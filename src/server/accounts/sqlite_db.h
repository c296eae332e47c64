// A thin owner of one SQLite connection and its prepared statements, so that the account store
// reads as SQL and results, not as sqlite3_* calls and manual finalizing. Errors are values.
#pragma once

#include <sqlite3.h>

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include "core/result.h"

namespace treff::server {

class SqliteDb;

// One prepared statement. Bind by 1-based index, step, read columns of the current row.
class Statement {
 public:
  Statement(SqliteDb& db, sqlite3_stmt* stmt) : db_(&db), stmt_(stmt) {}
  Statement(Statement&& other) noexcept : db_(other.db_), stmt_(other.stmt_) { other.stmt_ = nullptr; }
  Statement& operator=(Statement&&) = delete;
  Statement(const Statement&) = delete;
  ~Statement() { sqlite3_finalize(stmt_); }

  Statement& bind(int index, std::int64_t value);
  Statement& bind(int index, std::string_view text);
  Statement& bind_blob(int index, std::string_view bytes);
  Statement& bind_null(int index);

  // A row is ready (true), or the statement is done (false); errors come back as an Error.
  Result<bool> step();
  // Runs to the end; for INSERT, UPDATE and DELETE.
  Status run();

  std::int64_t integer(int column) const { return sqlite3_column_int64(stmt_, column); }
  std::string text(int column) const;
  bool is_null(int column) const { return sqlite3_column_type(stmt_, column) == SQLITE_NULL; }

 private:
  SqliteDb* db_;
  sqlite3_stmt* stmt_;
};

class SqliteDb {
 public:
  // Opens (creating if needed) the file at `path`, in WAL mode, with foreign keys enforced and a
  // busy timeout so that a second process (the admin's `treff-server user` command) waits its turn.
  static Result<std::unique_ptr<SqliteDb>> open(const std::string& path);
  ~SqliteDb();
  SqliteDb(const SqliteDb&) = delete;
  SqliteDb& operator=(const SqliteDb&) = delete;

  Status exec(const std::string& sql);
  Result<Statement> prepare(std::string_view sql);
  std::int64_t last_insert_id() const { return sqlite3_last_insert_rowid(db_); }
  int changes() const { return sqlite3_changes(db_); }

  // The error SQLite reports for the last call, in plain words: "disk full", "read-only", ...
  Error error(const std::string& doing) const;

 private:
  explicit SqliteDb(sqlite3* db) : db_(db) {}
  sqlite3* db_;
};

// BEGIN IMMEDIATE ... COMMIT, rolled back when it goes out of scope uncommitted, so an error
// halfway through leaves what was stored as it was.
class Transaction {
 public:
  explicit Transaction(SqliteDb& db);
  ~Transaction();
  Transaction(const Transaction&) = delete;
  Transaction& operator=(const Transaction&) = delete;
  const Status& begun() const { return begun_; }
  Status commit();

 private:
  SqliteDb& db_;
  Status begun_;
  bool open_ = false;
};

}  // namespace treff::server
