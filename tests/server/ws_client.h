// A small blocking WebSocket client for tests, with timeouts on every wait.
#pragma once

#include <boost/asio.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/websocket.hpp>
#include <nlohmann/json.hpp>

#include <optional>
#include <string>

namespace treff::test {

namespace beast = boost::beast;
namespace websocket = beast::websocket;
using json = nlohmann::json;

class WsClient {
 public:
  // Connects to ws://127.0.0.1:<port><target>; throws on failure (e.g. an HTTP 403). `forwarded_for`:
  // an X-Forwarded-For header, as a reverse proxy sends it.
  explicit WsClient(unsigned short port, const std::string& target = "/ws", const std::string& origin = "",
                    const std::string& forwarded_for = "", const std::string& cookie = "");

  void send(const std::string& text);
  void send(const json& message) { send(message.dump()); }
  void send_binary(const std::string& bytes);

  // The next text message, or nullopt after `timeout_ms` (the connection stays usable) or when the
  // connection closed.
  std::optional<std::string> receive(int timeout_ms = 3000);
  // The next message as JSON; fails the test when none arrives or it is not JSON.
  json next(int timeout_ms = 3000);

  bool closed() const { return closed_; }
  // The close code the server sent (0 when none).
  int close_code() const { return static_cast<int>(ws_.reason().code); }
  void close_abruptly();
  // A close frame, as a browser sends when its tab is closed (1001), or with another code.
  void say_goodbye(int code = 1001);

  // Conveniences for the protocol.
  json join(const std::string& room, const std::string& name);

 private:
  boost::asio::io_context ioc_;
  websocket::stream<beast::tcp_stream> ws_{ioc_};
  beast::flat_buffer buffer_;
  bool closed_ = false;
  bool reading_ = false;  // a read is pending (it outlives a receive() that timed out)
  bool read_done_ = false;
  beast::error_code read_result_;
};

}  // namespace treff::test
