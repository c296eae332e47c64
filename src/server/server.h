// treff-server as a whole: one I/O thread serving the client files and the signaling WebSocket on
// one port, until SIGINT or SIGTERM.
#pragma once

#include <memory>
#include <optional>

#include "server/account_api.h"
#include "server/accounts/account_worker.h"
#include "server/accounts/store_contact_directory.h"
#include "server/argon2_vault.h"
#include "server/connection_test.h"
#include "server/ice_servers.h"
#include "server/listener.h"
#include "server/net.h"
#include "server/origin_policy.h"
#include "server/server_options.h"
#include "server/signaling_hub.h"
#include "server/static_files.h"

namespace treff::server {

class Server {
 public:
  explicit Server(const ServerOptions& options);
  ~Server();

  // Binds, prints the URL, and serves until a signal arrives. Returns the process exit code.
  int run();

 private:
  void shut_down();
  void stop_when_closed(std::chrono::steady_clock::time_point deadline);
  void reload_tls_on_hangup();
  void expire_seats_every_half_second();

  ServerOptions options_;
  std::string csp_;  // Content-Security-Policy of every response, from the servers offered
  // Password hashing off the I/O thread; its workers are stopped first (~Server), so none posts
  // to the io_context after it is gone.
  Argon2Vault vault_;
  TurnRestIceServers ice_;
  ConnectionTest connection_test_;  // after ice_, whose servers it names
  // Declared before the io_context: sessions destroyed with it still unregister from the hub.
  SignalingHub hub_;
  StaticFiles files_;
  OriginPolicy origins_;
  // One thread runs the io_context and every socket and timer on it, so the reactor skips its I/O
  // locks (UNSAFE_IO). The scheduler keeps its lock, and must: the vault's workers post their
  // results to this io_context from their own threads (the stronger UNSAFE hint would drop that
  // lock). The password tests run against a ThreadSanitizer build to keep this checked.
  asio::io_context ioc_{BOOST_ASIO_CONCURRENCY_HINT_UNSAFE_IO};
  // With --data: the accounts database on its worker, and the /api it answers. Made in run().
  std::unique_ptr<AccountWorker> account_worker_;
  std::unique_ptr<AccountApi> account_api_;
  std::unique_ptr<StoreContactDirectory> contacts_;  // for presence and rings
  std::shared_ptr<ssl::context> tls_;  // replaced on SIGHUP; open connections keep theirs
  asio::signal_set signals_;
  asio::signal_set hangup_;  // SIGHUP: reload the TLS certificate
  asio::steady_timer shutdown_timer_;
  asio::steady_timer seat_timer_;  // gives up seats nobody took again (SignalingHub::expire_seats)
  std::shared_ptr<Listener> listener_;
};

}  // namespace treff::server
