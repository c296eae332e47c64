// One HTTP connection: serves static files, and hands "/ws" upgrades to a WebSocketSession.
#pragma once

#include <limits>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "server/account_api.h"
#include "server/client_address.h"
#include "server/connection_test.h"
#include "server/limits.h"
#include "server/net.h"
#include "server/origin_policy.h"
#include "server/security_headers.h"
#include "server/signaling_hub.h"
#include "server/static_files.h"
#include "server/websocket_session.h"

namespace treff::server {

struct SessionContext {
  SignalingHub& hub;
  const StaticFiles& files;
  const OriginPolicy& origins;
  const std::string& servers_json;  // /servers.json
  const std::string& csp;           // Content-Security-Policy of every response
  const std::vector<std::string>& trusted_proxies;  // whose X-Forwarded-For is believed
  const HttpLimits& limits;
  AccountApi* accounts;  // null without --data: /api answers that this server has no accounts
  ConnectionTest& connection_test;  // /connection-test/...
};

template <class Stream>
class HttpSession : public std::enable_shared_from_this<HttpSession<Stream>> {
 public:
  HttpSession(Stream&& stream, SessionContext context) : stream_(std::move(stream)), ctx_(context) {}

  void run() { read_next(); }

 private:
  beast::tcp_stream& tcp() { return beast::get_lowest_layer(stream_); }

  void read_next() {
    parser_.emplace();
    parser_->header_limit(static_cast<std::uint32_t>(ctx_.limits.request_bytes));
    // No limit while the header is read (Beast would refuse a long body before we know its route);
    // on_header holds each request to its route's limit before any of the body is read.
    // (Not boost::none: Beast 1.81 compares a Content-Length with it as "greater" and refuses.)
    parser_->body_limit(std::numeric_limits<std::uint64_t>::max());
    // For the whole request, not per byte: a client that sends a byte a second is still dropped.
    tcp().expires_after(std::chrono::seconds(ctx_.limits.request_seconds));
    http::async_read_header(stream_, buffer_, *parser_,
                            beast::bind_front_handler(&HttpSession::on_header, this->shared_from_this()));
  }

  void on_header(beast::error_code ec, std::size_t) {
    if (ec) return on_read(ec, 0);
    const std::string_view target = parser_->get().target();
    const bool api = AccountApi::is_api_target(target);
    if (ConnectionTest::is_target(target)) {
      const std::uint64_t limit = ctx_.connection_test.body_limit(target);
      if (parser_->content_length().value_or(0) > limit) {
        TextResponse res = plain_text_response(parser_->get().version(), false, http::status::payload_too_large,
                                               R"({"error":"too-large","message":"That is more than a connection test sends."})");
        res.set(http::field::content_type, "application/json");
        return send(std::move(res));
      }
      // An upload over budget is refused before its body is read: a loop of them costs the server
      // a header each, not megabytes.
      const std::string client =
          client_address(remote_address(tcp()), parser_->get()["X-Forwarded-For"], ctx_.trusted_proxies);
      if (!ctx_.connection_test.would_take(client, static_cast<double>(parser_->content_length().value_or(0))))
        return send(ConnectionTest::busy(parser_->get().version()));
      parser_->body_limit(limit);
      return http::async_read(stream_, buffer_, *parser_,
                              beast::bind_front_handler(&HttpSession::on_read, this->shared_from_this()));
    }
    // Only /api requests carry bodies; for the rest this bounds abuse.
    const std::uint64_t limit = api ? AccountApi::body_limit(target) : 8 * 1024;
    if (parser_->content_length().value_or(0) > limit) {
      if (!api) return on_read(http::error::body_limit, 0);
      const bool photo = target == "/api/me/photo";
      TextResponse res = plain_text_response(
          parser_->get().version(), false, http::status::payload_too_large,
          photo ? R"({"error":"too-large","message":"That is too large for the server: a photo may have at most 256 KB."})"
                : R"({"error":"too-large","message":"That request is too large for the server."})");
      res.set(http::field::content_type, "application/json");
      return send(std::move(res));
    }
    parser_->body_limit(limit);  // for bodies of unannounced length (chunked)
    http::async_read(stream_, buffer_, *parser_,
                     beast::bind_front_handler(&HttpSession::on_read, this->shared_from_this()));
  }

  void on_read(beast::error_code ec, std::size_t) {
    if (ec) {
      if (ec != http::error::end_of_stream && !is_expected_disconnect(ec)) {
        // Malformed or oversized request: answer once, then close.
        send(plain_text_response(11, false, http::status::bad_request, "Bad request: " + ec.message() + "\n"));
      } else {
        shutdown();
      }
      return;
    }
    auto request = parser_->release();
    if (websocket::is_upgrade(request)) {
      if (request.target() != "/ws")
        return send(plain_text_response(request.version(), false, http::status::not_found, "WebSocket is at /ws.\n"));
      if (!ctx_.origins.allows(request))
        return send(plain_text_response(request.version(), false, http::status::forbidden,
                                        "This origin may not use this server.\n"));
      tcp().expires_never();  // the WebSocket has its own timeouts
      if (!ctx_.accounts) return start_websocket(std::move(request), std::nullopt);
      // A logged-in person's connection carries their account (the cookie, checked with the origin).
      auto held = std::make_shared<http::request<http::string_body>>(std::move(request));
      ctx_.accounts->account_of(*held, [self = this->shared_from_this(), held](std::optional<proto::SignedInAccount> account) {
        self->start_websocket(std::move(*held), std::move(account));
      });
      return;
    }
    // The last request this connection may make is answered with "Connection: close".
    if (++requests_ >= ctx_.limits.requests_per_connection) request.keep_alive(false);
    if (AccountApi::is_api_target(request.target())) return answer_api(std::move(request));
    if (ConnectionTest::is_target(request.target())) return answer_connection_test(request);
    if (request.method() == http::verb::get && request.target() == "/servers.json") {
      TextResponse res = plain_text_response(request.version(), request.keep_alive(), http::status::ok, ctx_.servers_json);
      res.set(http::field::content_type, "application/json");
      res.set(http::field::cache_control, "no-cache");
      return send(std::move(res));
    }
    std::visit([&](auto&& res) { send(std::move(res)); }, ctx_.files.respond(request));
  }

  template <class Response>
  void send(Response&& res) {
    auto held = std::make_shared<std::decay_t<Response>>(std::forward<Response>(res));
    add_security_headers(held->base(), ctx_.csp, std::is_same_v<Stream, TlsStream>);
    const bool keep_alive = held->keep_alive();
    http::async_write(stream_, *held,
                      [self = this->shared_from_this(), held, keep_alive](beast::error_code ec, std::size_t) {
                        if (ec) return;
                        if (keep_alive) self->read_next(); else self->shutdown();
                      });
  }

  void answer_api(http::request<http::string_body> request) {
    if (!ctx_.accounts) {
      TextResponse res = plain_text_response(request.version(), request.keep_alive(), http::status::not_found,
                                             R"({"error":"no-accounts","message":"This server has no accounts; it serves rooms only."})");
      res.set(http::field::content_type, "application/json");
      return send(std::move(res));
    }
    const std::string client = client_address(remote_address(tcp()), request["X-Forwarded-For"], ctx_.trusted_proxies);
    ctx_.accounts->handle(request, client, [self = this->shared_from_this()](TextResponse res) { self->send(std::move(res)); });
  }

  void answer_connection_test(const http::request<http::string_body>& request) {
    const std::string client = client_address(remote_address(tcp()), request["X-Forwarded-For"], ctx_.trusted_proxies);
    auto answer = ctx_.connection_test.respond(request, client);
    if (answer.delay.count() == 0) return send(std::move(answer.response));
    // The test-only throttle: the answer waits as long as a slow line would have taken to carry it.
    auto held = std::make_shared<TextResponse>(std::move(answer.response));
    throttle_.emplace(stream_.get_executor());
    throttle_->expires_after(answer.delay);
    throttle_->async_wait([self = this->shared_from_this(), held](beast::error_code ec) {
      if (ec) return;
      self->tcp().expires_after(std::chrono::seconds(self->ctx_.limits.request_seconds));
      self->send(std::move(*held));
    });
  }

  void shutdown();
  void start_websocket(http::request<http::string_body> request, std::optional<proto::SignedInAccount> account);

  Stream stream_;
  SessionContext ctx_;
  beast::flat_buffer buffer_;
  std::optional<http::request_parser<http::string_body>> parser_;
  int requests_ = 0;  // answered on this connection
  std::optional<asio::steady_timer> throttle_;  // holds a throttled connection-test answer
};

// Plain connections hand the bare socket to the WebSocket: basic_stream's per-operation timeout
// bookkeeping is measurable at thousands of messages per second, and the WebSocket has its own.
template <>
inline void HttpSession<PlainStream>::start_websocket(http::request<http::string_body> request,
                                                     std::optional<proto::SignedInAccount> account) {
  std::make_shared<WebSocketSession<tcp::socket>>(stream_.release_socket(), ctx_.hub, ctx_.trusted_proxies)
      ->run(std::move(request), std::move(account));
}

template <>
inline void HttpSession<TlsStream>::start_websocket(http::request<http::string_body> request,
                                                   std::optional<proto::SignedInAccount> account) {
  std::make_shared<WebSocketSession<TlsStream>>(std::move(stream_), ctx_.hub, ctx_.trusted_proxies)
      ->run(std::move(request), std::move(account));
}

template <>
inline void HttpSession<PlainStream>::shutdown() {
  beast::error_code ec;
  stream_.socket().shutdown(tcp::socket::shutdown_send, ec);
}

template <>
inline void HttpSession<TlsStream>::shutdown() {
  tcp().expires_after(std::chrono::seconds(5));
  stream_.async_shutdown([self = shared_from_this()](beast::error_code) {});
}

}  // namespace treff::server
