// `treff-server user add|list|remove|reset-password`: the machine admin's account commands. They
// open the same SQLite file as the running server (WAL: both may use it at once).
#pragma once

namespace treff::server {

// argv[0] is "user". Returns the process exit code; messages go to stdout (results) and stderr
// (problems, in plain words).
int run_user_command(int argc, char** argv);

}  // namespace treff::server
