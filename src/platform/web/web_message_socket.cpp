#include "platform/web/web_message_socket.h"

#include "core/protocol.h"

#include <emscripten.h>
#include <emscripten/websocket.h>

namespace treff::platform {
namespace {

EM_BOOL on_open(int, const EmscriptenWebSocketOpenEvent*, void* user) {
  auto* self = static_cast<WebMessageSocket*>(user);
  self->set_open(true);
  self->push({SocketEvent::Kind::Opened, {}, 0});
  return EM_TRUE;
}

EM_BOOL on_message(int, const EmscriptenWebSocketMessageEvent* e, void* user) {
  if (!e->isText) return EM_TRUE;  // the protocol is text only
  // numBytes counts the terminating NUL of text messages.
  const std::size_t n = e->numBytes > 0 ? e->numBytes - 1 : 0;
  static_cast<WebMessageSocket*>(user)->push(
      {SocketEvent::Kind::Message, std::string(reinterpret_cast<const char*>(e->data), n), 0});
  return EM_TRUE;
}

EM_BOOL on_close(int, const EmscriptenWebSocketCloseEvent* e, void* user) {
  auto* self = static_cast<WebMessageSocket*>(user);
  self->set_open(false);
  self->push({SocketEvent::Kind::Closed, e->reason, e->code});
  return EM_TRUE;
}

}  // namespace

std::unique_ptr<WebMessageSocket> WebMessageSocket::open(const std::string& url, const std::string& subprotocol) {
  std::unique_ptr<WebMessageSocket> s(new WebMessageSocket());
  EmscriptenWebSocketCreateAttributes attrs;
  emscripten_websocket_init_create_attributes(&attrs);
  attrs.url = url.c_str();
  attrs.protocols = subprotocol.empty() ? nullptr : subprotocol.c_str();
  const EMSCRIPTEN_WEBSOCKET_T h = emscripten_websocket_new(&attrs);
  if (h <= 0) {
    s->push({SocketEvent::Kind::Closed, "WebSocket could not be created", 1006});
    return s;
  }
  s->handle_ = h;
  emscripten_websocket_set_onopen_callback(h, s.get(), on_open);
  emscripten_websocket_set_onmessage_callback(h, s.get(), on_message);
  emscripten_websocket_set_onclose_callback(h, s.get(), on_close);
  return s;
}

WebMessageSocket::~WebMessageSocket() {
  if (handle_ > 0) {
    emscripten_websocket_close(handle_, 1000, "");
    emscripten_websocket_delete(handle_);
  }
}

bool WebMessageSocket::send(std::string_view text) {
  if (!open_ || handle_ <= 0) return false;
  const std::string copy(text);  // the API wants a NUL-terminated string
  return emscripten_websocket_send_utf8_text(handle_, copy.c_str()) == EMSCRIPTEN_RESULT_SUCCESS;
}

void WebMessageSocket::close() {
  // Leaving says so with a "leave" first; a close on its own is to connect again.
  if (handle_ > 0) emscripten_websocket_close(handle_, proto::kCloseToReconnect, "");
}

std::vector<SocketEvent> WebMessageSocket::take_events() {
  std::vector<SocketEvent> out;
  out.swap(events_);
  return out;
}

}  // namespace treff::platform
