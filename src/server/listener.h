// Accepts TCP connections and starts an HTTP session on each, after a TLS handshake when the
// server has a certificate.
#pragma once

#include <memory>

#include "server/http_session.h"
#include "server/net.h"

namespace treff::server {

class Listener : public std::enable_shared_from_this<Listener> {
 public:
  // Throws boost::system::system_error when the address cannot be bound.
  Listener(asio::io_context& ioc, tcp::endpoint endpoint, std::shared_ptr<ssl::context> tls, SessionContext context);

  void run() { accept_next(); }
  void stop();
  // Connections accepted from now on use this certificate (a renewed one).
  void set_tls(std::shared_ptr<ssl::context> tls) { tls_ = std::move(tls); }
  tcp::endpoint local_endpoint() const { return acceptor_.local_endpoint(); }

 private:
  void accept_next();
  void on_accept(beast::error_code ec, tcp::socket socket);

  asio::io_context& ioc_;
  tcp::acceptor acceptor_;
  asio::steady_timer retry_timer_;
  std::shared_ptr<ssl::context> tls_;
  SessionContext ctx_;
};

}  // namespace treff::server
