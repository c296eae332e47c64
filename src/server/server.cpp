#include "server/server.h"

#include <cstdio>
#include <filesystem>

#include "server/security_headers.h"
#include "server/websocket_session.h"

namespace treff::server {

namespace {

std::shared_ptr<ssl::context> load_tls(const std::string& cert, const std::string& key, std::string& problem) {
  auto tls = std::make_shared<ssl::context>(ssl::context::tls_server);
  tls->set_options(ssl::context::default_workarounds | ssl::context::no_sslv2 | ssl::context::no_sslv3 |
                   ssl::context::no_tlsv1 | ssl::context::no_tlsv1_1);
  beast::error_code ec;
  tls->use_certificate_chain_file(cert, ec);
  if (!ec) tls->use_private_key_file(key, ssl::context::pem, ec);
  if (ec) {
    problem = ec.message();
    return nullptr;
  }
  return tls;
}
// The tokens' key from the state folder, so that calls resume across a restart; without one,
// rejoining still works while this process runs.
ResumeTokens resume_tokens(const std::string& state_dir) {
  if (state_dir.empty()) {
    log_line("warning: no --state-dir and no home folder: after a restart, calls start anew");
    return ResumeTokens::ephemeral();
  }
  auto key = load_or_create_resume_key(state_dir);
  if (!key) {
    log_line("warning: " + key.error().message + "; after a restart, calls start anew");
    return ResumeTokens::ephemeral();
  }
  return ResumeTokens(key.value());
}
}  // namespace

Server::Server(const ServerOptions& options)
    : options_(options),
      csp_(content_security_policy(options.offered_signaling_urls)),
      ice_(options.stun_urls, options.turn_urls, options.turn_secret, options.turn_ttl_seconds),
      connection_test_(options.connection_test, &ice_),
      hub_(options.hub, vault_, &ice_, resume_tokens(options.state_dir), JanusRooms(options.janus_urls, options.janus_from)),
      files_(options.root),
      origins_(options.allowed_origins),
      signals_(ioc_, SIGINT, SIGTERM),
      hangup_(ioc_, SIGHUP),
      shutdown_timer_(ioc_),
      seat_timer_(ioc_) {
  vault_.deliver_results_to(ioc_);
}

Server::~Server() {
  vault_.shutdown();
  if (account_worker_) account_worker_->shutdown();
}

int Server::run() {
  if (!std::filesystem::is_regular_file(files_.root() / "index.html")) {
    log_line("warning: no client at " + files_.root().string() +
             " (build it: cmake --workflow --preset wasm, or pass --root); /ws works without it");
  }
  if (!options_.tls_cert.empty()) {
    std::string problem;
    tls_ = load_tls(options_.tls_cert, options_.tls_key, problem);
    if (!tls_) {
      std::fprintf(stderr, "treff-server: cannot use the TLS certificate or key: %s\n", problem.c_str());
      return 1;
    }
  }

  if (!options_.data_dir.empty()) {
    auto store = AccountStore::open(options_.data_dir);
    if (!store) {
      std::fprintf(stderr, "treff-server: cannot use the data folder %s: %s\n", options_.data_dir.c_str(),
                   store.error().message.c_str());
      return 1;
    }
    account_worker_ = std::make_unique<AccountWorker>(std::move(store).value(), ioc_);
    account_api_ = std::make_unique<AccountApi>(*account_worker_, vault_, origins_, AccountApiOptions{});
    contacts_ = std::make_unique<StoreContactDirectory>(*account_worker_);
    hub_.switchboard().use_directory(contacts_.get());
    log_line("accounts in " + options_.data_dir);
  }

  beast::error_code ec;
  const auto address = asio::ip::make_address(options_.address, ec);
  if (ec) {
    std::fprintf(stderr, "treff-server: '%s' is not an IP address\n", options_.address.c_str());
    return 1;
  }
  try {
    listener_ = std::make_shared<Listener>(ioc_, tcp::endpoint{address, options_.port}, tls_,
                                           SessionContext{hub_, files_, origins_, options_.servers_json, csp_, options_.trusted_proxies, options_.http,
                                                          account_api_.get(), connection_test_});
  } catch (const boost::system::system_error& e) {
    std::fprintf(stderr, "treff-server: cannot listen on %s port %u: %s\n", options_.address.c_str(),
                 options_.port, e.code().message().c_str());
    return 1;
  }
  listener_->run();

  signals_.async_wait([this](beast::error_code wait_ec, int) {
    if (!wait_ec) shut_down();
  });
  if (tls_) reload_tls_on_hangup();
  expire_seats_every_half_second();

  const auto bound = listener_->local_endpoint();
  std::string host = options_.address == "127.0.0.1" ? "localhost" : bound.address().to_string();
  if (bound.address().is_v6()) host = "[" + host + "]";
  std::printf("treff-server: listening on %s://%s:%u/ (client from %s)\n", tls_ ? "https" : "http",
              host.c_str(), bound.port(), files_.root().c_str());
  std::fflush(stdout);
  if (!options_.stun_urls.empty() || !options_.turn_urls.empty()) {
    std::string ice;
    for (const auto& url : options_.stun_urls) ice += " " + url;
    for (const auto& url : options_.turn_urls) ice += " " + url;
    if (!options_.turn_urls.empty()) ice += " (TURN credentials valid " + std::to_string(options_.turn_ttl_seconds) + " s)";
    log_line("ICE servers for calls:" + ice);
  }

  ioc_.run();
  log_line("stopped");
  return 0;
}

// Certificates are renewed every few months (Let's Encrypt: 90 days); `kill -HUP` makes new
// connections use the renewed files without dropping a call. Files that cannot be used are logged
// and the certificate in use stays.
void Server::reload_tls_on_hangup() {
  hangup_.async_wait([this](beast::error_code ec, int) {
    if (ec) return;
    std::string problem;
    if (auto fresh = load_tls(options_.tls_cert, options_.tls_key, problem)) {
      tls_ = fresh;
      listener_->set_tls(fresh);
      log_line("TLS certificate reloaded from " + options_.tls_cert);
    } else {
      log_line("TLS certificate not reloaded, the one in use stays: " + problem);
    }
    reload_tls_on_hangup();
  });
}

void Server::expire_seats_every_half_second() {
  seat_timer_.expires_after(std::chrono::milliseconds(500));
  seat_timer_.async_wait([this](beast::error_code ec) {
    if (ec) return;
    hub_.expire_seats();
    expire_seats_every_half_second();
  });
}

void Server::shut_down() {
  hangup_.cancel();
  seat_timer_.cancel();
  log_line("shutting down");
  listener_->stop();
  hub_.close_all();
  // Give the close frames up to 2 s to go out, then stop whatever is left (idle HTTP keep-alives).
  // A restart is quick when the clients answer at once, as they do.
  stop_when_closed(std::chrono::steady_clock::now() + std::chrono::seconds(2));
}

void Server::stop_when_closed(std::chrono::steady_clock::time_point deadline) {
  if (live_websocket_sessions() == 0 || std::chrono::steady_clock::now() >= deadline) {
    ioc_.stop();
    return;
  }
  shutdown_timer_.expires_after(std::chrono::milliseconds(20));
  shutdown_timer_.async_wait([this, deadline](beast::error_code) { stop_when_closed(deadline); });
}

}  // namespace treff::server
