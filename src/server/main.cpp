#include "server/server.h"
#include "server/server_options.h"

int main(int argc, char** argv) {
  int exit_code = 0;
  auto options = treff::server::parse_options(argc, argv, exit_code);
  if (!options) return exit_code;
  treff::server::Server server(*options);
  return server.run();
}
