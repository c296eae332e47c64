// One signaling connection: reads text messages into the hub and writes what the hub delivers,
// in order, through a bounded queue (a client that stops reading is disconnected, not buffered
// without end).
#pragma once

#include <deque>
#include <memory>

#include "core/protocol.h"
#include "server/client_address.h"
#include "server/net.h"
#include "server/signaling_hub.h"

namespace treff::server {

// Sessions alive (their close handshake included), so a shutdown waits for the close frames and no
// longer. One I/O thread: a plain counter.
inline std::size_t& live_websocket_sessions() {
  static std::size_t count = 0;
  return count;
}

template <class Stream>
class WebSocketSession : public HubClient, public std::enable_shared_from_this<WebSocketSession<Stream>> {
 public:
  static constexpr std::size_t kMaxQueuedBytes = 1 << 20;

  WebSocketSession(Stream&& stream, SignalingHub& hub, const std::vector<std::string>& trusted_proxies)
      : ws_(std::move(stream)), hub_(hub), trusted_proxies_(trusted_proxies) {
    ++live_websocket_sessions();
  }
  ~WebSocketSession() override {
    --live_websocket_sessions();
    hub_.disconnect(*this, Goodbye::Said);
  }

  // `account`: whom the handshake's session cookie names (none for guests), for the hub.
  void run(http::request<http::string_body> request, std::optional<proto::SignedInAccount> account) {
    forwarded_for_ = std::string(request["X-Forwarded-For"]);
    account_ = std::move(account);
    websocket::stream_base::timeout timeouts{};
    timeouts.handshake_timeout = std::chrono::seconds(20);
    // Pings after half of this idle time; a peer that vanished without closing is dropped.
    timeouts.idle_timeout = std::chrono::milliseconds(static_cast<long>(hub_.limits().peer_timeout_seconds * 1000));
    timeouts.keep_alive_pings = true;
    ws_.set_option(timeouts);
    ws_.set_option(websocket::stream_base::decorator(
        [](websocket::response_type& res) { res.set(http::field::server, "treff-server"); }));
    // Larger messages fail the read and Beast closes with 1009 (too big).
    ws_.read_message_max(proto::kMaxMessageBytes);
    ws_.async_accept(request, beast::bind_front_handler(&WebSocketSession::on_accept, this->shared_from_this()));
  }

  void deliver(SharedText text) override {
    if (close_after_queue_ || closing_) return;
    if (queued_bytes_ + text->size() > kMaxQueuedBytes) {
      // The client stopped reading. Keep only the message being written, then close.
      while (queue_.size() > 1) queue_.pop_back();
      close(CloseReason::PolicyViolation);
      return;
    }
    queued_bytes_ += text->size();
    queue_.push_back(std::move(text));
    if (queue_.size() == 1) write_next();
  }

  // Beast allows no close while a write is in flight, so the close waits for the queue.
  void close(CloseReason reason) override {
    if (close_after_queue_ || closing_) return;
    close_after_queue_ = static_cast<websocket::close_code>(static_cast<int>(reason));
    if (queue_.empty()) close_now(*close_after_queue_);
  }

 private:
  void on_accept(beast::error_code ec) {
    if (ec) return;
    hub_.connect(*this, client_address(remote_address(beast::get_lowest_layer(ws_)), forwarded_for_, trusted_proxies_),
                 std::move(account_));
    read_next();
  }

  void read_next() {
    ws_.async_read(buffer_, beast::bind_front_handler(&WebSocketSession::on_read, this->shared_from_this()));
  }

  void on_read(beast::error_code ec, std::size_t) {
    if (ec) {
      if (!is_expected_disconnect(ec) && ec != websocket::error::message_too_big)
        log_line("websocket read: " + ec.message());
      // A close frame is a goodbye (a closed tab, a page left), unless the client closes to connect
      // again; a connection that just broke may come back, and its seat waits for it.
      const bool goodbye = ec == websocket::error::closed && ws_.reason().code != proto::kCloseToReconnect;
      hub_.disconnect(*this, goodbye ? Goodbye::Said : Goodbye::NotSaid);
      return;
    }
    if (ws_.got_text()) {
      const auto data = buffer_.cdata();
      hub_.on_message(*this, std::string_view(static_cast<const char*>(data.data()), data.size()));
    } else {
      hub_.on_binary_message(*this);
    }
    buffer_.consume(buffer_.size());
    // One large SDP must not pin 64 KiB to the connection for its whole life.
    if (buffer_.capacity() > 8192) buffer_.shrink_to_fit();
    read_next();
  }

  void write_next() {
    ws_.text(true);
    ws_.async_write(asio::buffer(*queue_.front()),
                    beast::bind_front_handler(&WebSocketSession::on_write, this->shared_from_this()));
  }

  void on_write(beast::error_code ec, std::size_t) {
    if (ec) {
      queue_.clear();
      queued_bytes_ = 0;
      return;
    }
    queued_bytes_ -= std::min(queued_bytes_, queue_.front()->size());
    queue_.pop_front();
    if (!queue_.empty()) {
      write_next();
    } else if (close_after_queue_) {
      close_now(*close_after_queue_);
    }
  }

  void close_now(websocket::close_code code) {
    if (closing_) return;
    closing_ = true;
    hub_.disconnect(*this, Goodbye::Said);  // the server ends it: no rejoin expected
    ws_.async_close(code, [self = this->shared_from_this()](beast::error_code) {});
  }

  websocket::stream<Stream> ws_;
  SignalingHub& hub_;
  const std::vector<std::string>& trusted_proxies_;
  std::string forwarded_for_;  // X-Forwarded-For of the upgrade request
  std::optional<proto::SignedInAccount> account_;  // until handed to the hub
  beast::flat_buffer buffer_;
  std::deque<SharedText> queue_;
  std::size_t queued_bytes_ = 0;
  bool closing_ = false;
  std::optional<websocket::close_code> close_after_queue_;
};

}  // namespace treff::server
