// Command-line options of treff-server.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "server/limits.h"
#include "server/resume_tokens.h"

namespace treff::server {

struct ServerOptions {
  std::string address = "127.0.0.1";
  std::uint16_t port = 8080;
  std::string root;  // folder of the built client; empty: find the wasm build of the checkout
  // What outlives a restart (the key of the resume tokens); empty: ephemeral, with a warning.
  std::string state_dir = default_state_folder();
  // Accounts (log in, contacts) are kept in this folder (--data); empty: rooms only, no accounts.
  std::string data_dir;
  std::string tls_cert;
  std::string tls_key;
  HubLimits hub;    // per connection, per address, in all (--room-limit, --messages-per-second, ...)
  HttpLimits http;  // per request and connection (--request-seconds, ...)
  ConnectionTestLimits connection_test;  // the connection test's budgets (--connection-test-throttle-kbps)
  std::vector<std::string> allowed_origins;
  // Served as /servers.json: the servers a start screen offers (--servers FILE; checked at start).
  std::string servers_json = "[]";
  // The WebSockets a page may open: each entry of servers_json's, and each --janus.
  std::vector<std::string> offered_signaling_urls;
  // ICE servers handed to every client that joins (--stun, --turn); TURN credentials are made with
  // the shared secret read from --turn-secret-file and expire after `turn_ttl_seconds`.
  std::vector<std::string> stun_urls;
  std::vector<std::string> turn_urls;
  std::string turn_secret;
  int turn_ttl_seconds = 4 * 3600;
  // Janus VideoRooms that rooms past the mesh go to (--janus URL, repeatable: a room's name picks
  // one), from the `janus_from`-th person in a room on (--janus-from; 1: every room).
  std::vector<std::string> janus_urls;
  std::size_t janus_from = 7;
  // Reverse proxies whose X-Forwarded-For is believed (--trusted-proxy ADDR, repeatable).
  std::vector<std::string> trusted_proxies;
};

// Parses argv. Returns nullopt when the program should exit with `exit_code` (after --help, or
// after printing a clear message for bad flags).
std::optional<ServerOptions> parse_options(int argc, char** argv, int& exit_code);

// The default client folder: build/wasm/site of the checkout this binary was built in.
std::string default_client_root();

}  // namespace treff::server
