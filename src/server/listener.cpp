#include "server/listener.h"

namespace treff::server {

Listener::Listener(asio::io_context& ioc, tcp::endpoint endpoint, std::shared_ptr<ssl::context> tls,
                   SessionContext context)
    : ioc_(ioc), acceptor_(ioc), retry_timer_(ioc), tls_(std::move(tls)), ctx_(context) {
  acceptor_.open(endpoint.protocol());
  acceptor_.set_option(asio::socket_base::reuse_address(true));
  acceptor_.bind(endpoint);
  acceptor_.listen(asio::socket_base::max_listen_connections);
}

void Listener::stop() {
  beast::error_code ec;
  acceptor_.close(ec);
  retry_timer_.cancel();
}

void Listener::accept_next() {
  acceptor_.async_accept(ioc_,
                         beast::bind_front_handler(&Listener::on_accept, shared_from_this()));
}

void Listener::on_accept(beast::error_code ec, tcp::socket socket) {
  if (ec == asio::error::operation_aborted || !acceptor_.is_open()) return;
  if (ec) {
    // Typically out of file descriptors: wait a moment instead of spinning on the error.
    log_line("accept: " + ec.message());
    retry_timer_.expires_after(std::chrono::milliseconds(100));
    retry_timer_.async_wait([self = shared_from_this()](beast::error_code wait_ec) {
      if (!wait_ec) self->accept_next();
    });
    return;
  }
  socket.set_option(tcp::no_delay(true), ec);
  if (!tls_) {
    std::make_shared<HttpSession<PlainStream>>(PlainStream(std::move(socket)), ctx_)->run();
  } else {
    // The stream's SSL object holds its own reference to the context: a reload does not end it.
    auto stream = std::make_shared<TlsStream>(std::move(socket), *tls_);
    beast::get_lowest_layer(*stream).expires_after(std::chrono::seconds(ctx_.limits.request_seconds));
    auto ctx = ctx_;
    stream->async_handshake(ssl::stream_base::server, [stream, ctx](beast::error_code hs_ec) {
      if (hs_ec) return;  // scanners and plain-HTTP clients end here; not worth a log line
      std::make_shared<HttpSession<TlsStream>>(std::move(*stream), ctx)->run();
    });
  }
  accept_next();
}

}  // namespace treff::server
