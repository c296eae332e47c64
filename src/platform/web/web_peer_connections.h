// PeerConnections on wasm/rtc.js. One instance per page: the JS callbacks reach it through a
// static registration that the destructor removes.
#pragma once

#include "platform/peer_connections.h"
#include "platform/web/event_wakeup.h"

namespace treff::platform {

class WebPeerConnections final : public PeerConnections {
 public:
  WebPeerConnections();
  ~WebPeerConnections() override;
  WebPeerConnections(const WebPeerConnections&) = delete;
  WebPeerConnections& operator=(const WebPeerConnections&) = delete;

  PeerHandle create(const std::vector<proto::IceServer>& ice_servers) override;
  void set_ice_servers(PeerHandle peer, const std::vector<proto::IceServer>& ice_servers) override;
  void attach_local_media(PeerHandle peer, bool to_sfu) override;
  void set_local_description(PeerHandle peer) override;
  void set_remote_description(PeerHandle peer, const proto::Signal& description) override;
  void add_ice_candidate(PeerHandle peer, const proto::Signal& candidate) override;
  void restart_ice(PeerHandle peer) override;
  void close(PeerHandle peer) override;
  std::vector<PeerEvent> take_events() override;

  void push(PeerEvent e) {
    events_.push_back(std::move(e));
    wake();
  }
  static WebPeerConnections* instance();

 private:
  std::vector<PeerEvent> events_;
};

}  // namespace treff::platform
