#include "server/server_options.h"

#include <CLI/CLI.hpp>
#include <boost/asio/ip/address.hpp>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <utility>

#include "core/server_list.h"
#include "server/client_address.h"
#include "server/ice_servers.h"

namespace treff::server {
namespace fs = std::filesystem;

std::optional<ServerOptions> parse_options(int argc, char** argv, int& exit_code) {
  ServerOptions o;
  CLI::App app{"treff-server: serves the Treff video-calling client and its signaling WebSocket (/ws)."};
  app.add_option("--address", o.address, "Address to listen on")->capture_default_str();
  app.add_option("--port", o.port, "TCP port (0: pick a free one and print it)")->capture_default_str();
  app.add_option("--root", o.root, "Folder of the built client (default: build/wasm/site of this checkout)")
      ->check(CLI::ExistingDirectory);
  auto* cert = app.add_option("--tls-cert", o.tls_cert, "PEM certificate chain: serve https and wss")
                   ->check(CLI::ExistingFile);
  auto* key = app.add_option("--tls-key", o.tls_key, "PEM private key for --tls-cert")->check(CLI::ExistingFile);
  cert->needs(key);
  key->needs(cert);
  app.add_option("--room-limit", o.hub.room_limit, "Most people in one room")
      ->check(CLI::Range(1, 1000))
      ->capture_default_str();
  app.add_option("--messages-per-second", o.hub.messages_per_second,
                 "Signaling messages a connection may send per second, on average")
      ->check(CLI::Range(1.0, 100000.0))
      ->capture_default_str();
  app.add_option("--message-burst", o.hub.message_burst, "Signaling messages a connection may send at once")
      ->check(CLI::Range(1.0, 100000.0))
      ->capture_default_str();
  app.add_option("--connections-per-address", o.hub.connections_per_address,
                 "Signaling connections from one IP address at a time")
      ->check(CLI::Range(1, 1000000))
      ->capture_default_str();
  app.add_option("--max-connections", o.hub.max_connections,
                 "Signaling connections in all; more are told the server is full")
      ->check(CLI::Range(1, 10000000))
      ->capture_default_str();
  app.add_option("--joins-per-minute", o.hub.joins_per_minute, "Joins from one IP address per minute")
      ->check(CLI::Range(1.0, 100000.0))
      ->capture_default_str();
  app.add_option("--peer-timeout-seconds", o.hub.peer_timeout_seconds,
                 "Seconds without a word from a signaling connection before it counts as gone")
      ->check(CLI::Range(2.0, 600.0))
      ->capture_default_str();
  app.add_option("--seat-hold-seconds", o.hub.seat_hold_seconds,
                 "Seconds a dropped connection's seat waits for its person to rejoin (0: none)")
      ->check(CLI::Range(0.0, 600.0))
      ->capture_default_str();
  app.add_option("--restart-resume-seconds", o.hub.restart_resume_seconds,
                 "Seconds after a start in which people of the last run get their seats back")
      ->check(CLI::Range(0.0, 600.0))
      ->capture_default_str();
  app.add_option("--ring-seconds", o.hub.calling.ring_seconds,
                 "Seconds a contact's call rings before it counts as not answered")
      ->check(CLI::Range(5.0, 300.0))
      ->capture_default_str();
  app.add_option("--connection-test-throttle-kbps", o.connection_test.throttle_kbps,
                 "For tests: the connection test's throughput answers take as long as on a line of this "
                 "many kbit/s (0: off)")
      ->check(CLI::Range(0.0, 1e6));
  app.add_option("--state-dir", o.state_dir,
                 "Folder for what outlives a restart (the key of the rejoin tokens)")
      ->capture_default_str();
  app.add_option("--data", o.data_dir,
                 "Folder of the accounts database; --data alone: ./treff-data. Without it: rooms only, no accounts")
      ->expected(0, 1)
      ->default_str("treff-data");
  app.add_option("--request-seconds", o.http.request_seconds,
                 "Seconds a client has to send a whole HTTP request or finish the TLS handshake")
      ->check(CLI::Range(1, 300))
      ->capture_default_str();
  app.add_option("--request-bytes", o.http.request_bytes, "Largest HTTP request header, in bytes")
      ->check(CLI::Range(1024, 1024 * 1024))
      ->capture_default_str();
  app.add_option("--requests-per-connection", o.http.requests_per_connection,
                 "HTTP requests on one connection before the server closes it")
      ->check(CLI::Range(1, 1000000))
      ->capture_default_str();
  app.add_option("--allow-origin", o.allowed_origins,
                 "Another web origin allowed to use /ws, e.g. https://example.org (repeatable)");
  std::string servers_file;
  app.add_option("--servers", servers_file,
                 "JSON file of the servers the start screen offers: [{\"name\", \"url\", \"description\"}]")
      ->check(CLI::ExistingFile);
  app.add_option("--stun", o.stun_urls, "STUN server for the clients' calls, e.g. stun:turn.example.org:3478 (repeatable)");
  auto* turn = app.add_option("--turn", o.turn_urls,
                              "TURN relay for the clients' calls (repeatable): turn:host:3478?transport=udp, "
                              "turn:host:3478?transport=tcp, turns:host:5349");
  std::string secret_file;
  auto* secret = app.add_option("--turn-secret-file", secret_file,
                                "File holding the relay's shared secret (coturn static-auth-secret); not readable by others");
  turn->needs(secret);
  secret->needs(turn);
  app.add_option("--turn-ttl", o.turn_ttl_seconds, "Seconds a TURN credential is valid; clients get new ones before")
      ->check(CLI::Range(60, 7 * 24 * 3600))
      ->capture_default_str();
  app.add_option("--janus", o.janus_urls,
                 "Janus VideoRoom WebSocket (ws:// or wss://) that rooms past the mesh send their media through; "
                 "repeatable: each room goes to one, picked by its name")
      ->check([](const std::string& url) {
        return normalize_janus_url(url).empty() ? "'" + url + "' is not a ws:// or wss:// URL with a host and at most a path"
                                                : std::string();
      });
  app.add_option("--janus-from", o.janus_from,
                 "With --janus: a room goes to Janus when this many people would be in it (1: every room)")
      ->check(CLI::Range(1, 1000))
      ->capture_default_str();
  app.add_option("--trusted-proxy", o.trusted_proxies,
                 "Address of a reverse proxy in front of this server whose X-Forwarded-For names the caller (repeatable)")
      ->check([](const std::string& a) { return is_ip_address(a) ? std::string() : "'" + a + "' is not an IP address"; });
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    exit_code = app.exit(e);
    return std::nullopt;
  }
  if (o.root.empty()) o.root = default_client_root();
  // As the kernel reports peers ("::1", not "0:0::1"), so that they compare.
  for (auto& proxy : o.trusted_proxies) proxy = boost::asio::ip::make_address(proxy).to_string();
  for (const auto& [urls, is_turn] : {std::pair{&o.stun_urls, false}, std::pair{&o.turn_urls, true}}) {
    for (const auto& url : *urls) {
      if (auto problem = ice_url_problem(url, is_turn)) {
        std::fprintf(stderr, "treff-server: %s %s\n", is_turn ? "--turn" : "--stun", problem->c_str());
        exit_code = 2;
        return std::nullopt;
      }
    }
  }
  if (!secret_file.empty()) {
    auto read = read_turn_secret(secret_file);
    if (!read) {
      std::fprintf(stderr, "treff-server: %s\n", read.error().message.c_str());
      exit_code = 2;
      return std::nullopt;
    }
    o.turn_secret = std::move(read.value());
  }
  if (!o.janus_urls.empty() && o.janus_from > o.hub.room_limit) {
    std::fprintf(stderr, "treff-server: --janus-from %zu is above --room-limit %zu: rooms would be full before they move\n",
                 o.janus_from, o.hub.room_limit);
    exit_code = 2;
    return std::nullopt;
  }
  // The page may open connections to them (its Content-Security-Policy lists them).
  for (const auto& url : o.janus_urls) o.offered_signaling_urls.push_back(url);
  if (!servers_file.empty()) {
    std::ifstream in(servers_file);
    std::stringstream text;
    text << in.rdbuf();
    const auto list = parse_server_list(text.str());
    if (!list) {
      std::fprintf(stderr, "treff-server: --servers %s: %s\n", servers_file.c_str(), list.error().message.c_str());
      exit_code = 2;
      return std::nullopt;
    }
    o.servers_json = server_list_json(list.value());
    for (const auto& entry : list.value()) o.offered_signaling_urls.push_back(signaling_url_of(entry));
  }
  return o;
}

std::string default_client_root() {
  std::error_code ec;
  const fs::path exe = fs::read_symlink("/proc/self/exe", ec);
  // build/native/src/server/treff-server -> build/wasm/site
  if (!ec) {
    for (fs::path dir = exe.parent_path(); !dir.empty() && dir != dir.root_path(); dir = dir.parent_path()) {
      if (dir.filename() == "build" && fs::is_directory(dir / "wasm" / "site")) return (dir / "wasm" / "site").string();
    }
  }
  return (fs::current_path(ec) / "build" / "wasm" / "site").string();
}

}  // namespace treff::server
