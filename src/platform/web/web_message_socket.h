// MessageSocket on Emscripten's own WebSocket library (<emscripten/websocket.h>).
#pragma once

#include <memory>
#include <string>

#include "platform/message_socket.h"
#include "platform/web/event_wakeup.h"

namespace treff::platform {

class WebMessageSocket final : public MessageSocket {
 public:
  // Opens a WebSocket to `url` (ws:// or wss://). Failure shows up as a Closed event.
  // `subprotocol`: the one the server expects ("" for none; Janus: "janus-protocol").
  static std::unique_ptr<WebMessageSocket> open(const std::string& url, const std::string& subprotocol = "");
  ~WebMessageSocket() override;
  WebMessageSocket(const WebMessageSocket&) = delete;
  WebMessageSocket& operator=(const WebMessageSocket&) = delete;

  bool send(std::string_view text) override;
  void close() override;
  std::vector<SocketEvent> take_events() override;

  // Called from the Emscripten callbacks; the socket's JS handlers are removed in the destructor,
  // so these never run on a destroyed object.
  void push(SocketEvent event) {
    events_.push_back(std::move(event));
    wake();
  }
  void set_open(bool open) { open_ = open; }

 private:
  WebMessageSocket() = default;
  int handle_ = 0;
  bool open_ = false;
  std::vector<SocketEvent> events_;
};

}  // namespace treff::platform
