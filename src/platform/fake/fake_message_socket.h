// In-memory MessageSocket for native tests: records what the code sends; the test feeds events.
#pragma once

#include <memory>

#include "platform/message_socket.h"

namespace treff::platform {

class FakeMessageSocket final : public MessageSocket {
 public:
  bool send(std::string_view text) override {
    if (!open) return false;
    sent.emplace_back(text);
    return true;
  }
  void close() override { closed_by_client = true; }
  std::vector<SocketEvent> take_events() override {
    std::vector<SocketEvent> out;
    out.swap(pending);
    return out;
  }

  // Test side.
  void server_opens() {
    open = true;
    pending.push_back({SocketEvent::Kind::Opened, {}, 0});
  }
  void server_says(std::string text) { pending.push_back({SocketEvent::Kind::Message, std::move(text), 0}); }
  void server_closes(int code) {
    open = false;
    pending.push_back({SocketEvent::Kind::Closed, {}, code});
  }

  bool open = false;
  bool closed_by_client = false;
  std::vector<std::string> sent;
  std::vector<SocketEvent> pending;
};

}  // namespace treff::platform

namespace treff::platform {

// Hands code under test a socket while the test keeps the FakeMessageSocket behind it, so the
// test can still read what was sent after the code dropped its socket.
class FakeSocketHandle final : public MessageSocket {
 public:
  explicit FakeSocketHandle(std::shared_ptr<FakeMessageSocket> target) : target_(std::move(target)) {}
  bool send(std::string_view text) override { return target_->send(text); }
  void close() override { target_->close(); }
  std::vector<SocketEvent> take_events() override { return target_->take_events(); }

 private:
  std::shared_ptr<FakeMessageSocket> target_;
};

}  // namespace treff::platform
