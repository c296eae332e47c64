// Migrations: a file written by any earlier version of the server comes up on the current schema
// with what it held.
#include "server/accounts/schema.h"

#include <gtest/gtest.h>

#include <filesystem>

#include "server/accounts/account_store.h"
#include "temp_folder.h"

namespace treff::server {
namespace {

// Fills a file of schema `version` with what that version could hold.
void fill(SqliteDb& db, int version) {
  if (version >= 1) {
    ASSERT_TRUE(db.exec("INSERT INTO accounts (id, email, display_name, password_hash, organisation, role, created_at) "
                        "VALUES (1, 'anna@example.org', 'Anna', 'hash-a', 'De Linde', 'admin', 100), "
                        "(2, 'bob@example.org', 'Bob', 'hash-b', 'De Linde', 'member', 200)"));
    ASSERT_TRUE(db.exec("INSERT INTO sessions VALUES (x'01', 1, 100, 100)"));
  }
  if (version >= 2) {
    ASSERT_TRUE(db.exec("UPDATE accounts SET phone = '06 1234' WHERE id = 1"));
    ASSERT_TRUE(db.exec("INSERT INTO photos VALUES (2, x'FFD8FFD9', 3)"));
  }
  if (version >= 3) {
    ASSERT_TRUE(db.exec("INSERT INTO contacts VALUES (1, 2, 300), (2, 1, 300)"));
  }
}

TEST(Schema, AFileOfEveryEarlierVersionIsMigratedWithWhatItHeld) {
  for (int from = 0; from < schema_version(); ++from) {
    SCOPED_TRACE("from version " + std::to_string(from));
    test::TempFolder data;
    {
      auto db = SqliteDb::open((data.path() / "accounts.sqlite3").string());
      ASSERT_TRUE(db);
      ASSERT_TRUE(migrate(*db.value(), from));
      ASSERT_EQ(stored_schema_version(*db.value()).value(), from);
      fill(*db.value(), from);
    }
    auto store = AccountStore::open(data.str());  // migrates the rest
    ASSERT_TRUE(store) << store.error().message;
    auto db = SqliteDb::open((data.path() / "accounts.sqlite3").string());
    EXPECT_EQ(stored_schema_version(*db.value()).value(), schema_version());
    if (from >= 1) {
      auto anna = store.value()->account_by_email("anna@example.org");
      ASSERT_TRUE(anna);
      EXPECT_EQ(anna.value().role, Role::Admin);
      EXPECT_EQ(store.value()->password_hash(2).value(), "hash-b");
      EXPECT_TRUE(store.value()->session_account(std::string(1, '\x01'), 200, 1000));
    }
    if (from >= 2) {
      EXPECT_EQ(store.value()->account_by_id(1).value().phone, "06 1234");
      EXPECT_EQ(store.value()->account_by_id(2).value().photo_version, 3);
    }
    // What the later versions added works on the migrated file.
    if (from < 1) fill(*db.value(), 1);
    EXPECT_TRUE(db.value()->exec("INSERT OR REPLACE INTO photos VALUES (1, x'FFD8FFD9', 9)"));
    EXPECT_TRUE(db.value()->exec("INSERT OR IGNORE INTO contacts VALUES (1, 2, 300)"));
  }
}

TEST(Schema, AFileOfANewerServerIsRefusedAndLeftAlone) {
  test::TempFolder data;
  {
    auto db = SqliteDb::open((data.path() / "accounts.sqlite3").string());
    ASSERT_TRUE(db.value()->exec("PRAGMA user_version = " + std::to_string(schema_version() + 1)));
  }
  auto store = AccountStore::open(data.str());
  ASSERT_FALSE(store);
  EXPECT_EQ(store.error().code, "storage_too_new");
  auto db = SqliteDb::open((data.path() / "accounts.sqlite3").string());
  EXPECT_EQ(stored_schema_version(*db.value()).value(), schema_version() + 1);
}

TEST(Schema, AFileThatIsNotADatabaseIsRefusedClearlyAndNotOverwritten) {
  test::TempFolder data;
  const std::string notes = "these are my notes, not a database, and they are long enough to look like a header";
  {
    std::FILE* f = std::fopen((data.path() / "accounts.sqlite3").c_str(), "w");
    std::fputs(notes.c_str(), f);
    std::fclose(f);
  }
  auto store = AccountStore::open(data.str());
  ASSERT_FALSE(store);
  EXPECT_NE(store.error().message.find("not a database"), std::string::npos) << store.error().message;
  EXPECT_EQ(std::filesystem::file_size(data.path() / "accounts.sqlite3"), notes.size());
}

}  // namespace
}  // namespace treff::server
