// The accounts database's schema as a list of migrations. The file's PRAGMA user_version says how
// many have run; at start the rest run, each in its own transaction, so a server of any earlier
// version's file comes up on the current schema with everything kept.
#pragma once

#include "core/result.h"
#include "server/accounts/sqlite_db.h"

namespace treff::server {

// How many migrations there are: the schema version of a file this server wrote.
int schema_version();

// Runs the migrations after the file's version, up to `target` (default: all). A file of a newer
// version than this server knows is refused rather than touched.
Status migrate(SqliteDb& db, int target = schema_version());

// The file's current version.
Result<int> stored_schema_version(SqliteDb& db);

}  // namespace treff::server
