#include <cstring>

#include "server/server.h"
#include "server/server_options.h"
#include "server/user_command.h"

int main(int argc, char** argv) {
  if (argc > 1 && std::strcmp(argv[1], "user") == 0) return treff::server::run_user_command(argc - 1, argv + 1);
  int exit_code = 0;
  auto options = treff::server::parse_options(argc, argv, exit_code);
  if (!options) return exit_code;
  treff::server::Server server(*options);
  return server.run();
}
