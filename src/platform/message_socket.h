// A text-message socket to a signaling backend (a WebSocket in the browser).
//
// Events are not delivered by callback: the implementation queues them and the app takes them
// at the start of a frame, so core objects are never re-entered from inside a browser event.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace treff::platform {

struct SocketEvent {
  enum class Kind { Opened, Message, Closed };
  Kind kind = Kind::Opened;
  std::string text;       // Message: the text; Closed: the close reason, if any
  int close_code = 0;     // Closed: the WebSocket close code (1006 when the connection was lost)
};

class MessageSocket {
 public:
  virtual ~MessageSocket() = default;
  // False when the socket is not open (the message is not sent).
  virtual bool send(std::string_view text) = 0;
  virtual void close() = 0;
  // Everything that happened since the last call, in order.
  virtual std::vector<SocketEvent> take_events() = 0;
};

}  // namespace treff::platform
