// treff-server's own protocol (core/protocol.h) as a signaling backend: one JSON message per
// action, the server relays negotiation signals between people (a full mesh).
#pragma once

#include "core/signaling_backend.h"

namespace treff {

class TreffBackend final : public SignalingBackend {
 public:
  std::string subprotocol() const override { return ""; }

  void opened(std::int64_t now_ms) override;
  void received(std::string_view text, std::int64_t now_ms) override;
  void tick(std::int64_t) override {}

  void join(const JoinRequest& request) override;
  void leave() override { send(proto::Leave{}); }
  void set_media(proto::MediaState media) override { send(proto::SetMedia{media}); }
  void lock(const std::string& password) override { send(proto::Lock{password}); }
  void unlock() override { send(proto::Unlock{}); }
  void request_ice() override { send(proto::IceRequest{}); }
  void ping() override { send(proto::Ping{}); }
  void signal(const std::string& to, const proto::Signal& signal) override { send(proto::SendSignal{to, signal}); }

  std::vector<std::string> take_outgoing() override { return std::exchange(outgoing_, {}); }
  std::vector<BackendEvent> take_events() override { return std::exchange(events_, {}); }

 private:
  void send(const proto::ClientMessage& m) { outgoing_.push_back(proto::serialize(m)); }

  std::vector<std::string> outgoing_;
  std::vector<BackendEvent> events_;
};

}  // namespace treff
