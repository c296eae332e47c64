// In-memory PeerConnections for native tests: records every call per handle; the test feeds
// browser events with emit().
#pragma once

#include <map>
#include <string>

#include "platform/peer_connections.h"

namespace treff::platform {

class FakePeerConnections final : public PeerConnections {
 public:
  struct Connection {
    bool media_attached = false;
    bool to_sfu = false;
    bool closed = false;
    int local_descriptions = 0;
    int ice_restarts = 0;
    std::vector<proto::Signal> remote_descriptions;
    std::vector<proto::Signal> remote_candidates;
    std::vector<proto::IceServer> ice_servers;
  };

  PeerHandle create(const std::vector<proto::IceServer>& ice_servers) override {
    connections[next_] = Connection{};
    connections[next_].ice_servers = ice_servers;
    return next_++;
  }
  void set_ice_servers(PeerHandle p, const std::vector<proto::IceServer>& ice_servers) override {
    connections.at(p).ice_servers = ice_servers;
  }
  void attach_local_media(PeerHandle p, bool to_sfu) override {
    connections.at(p).media_attached = true;
    connections.at(p).to_sfu = to_sfu;
  }
  void set_local_description(PeerHandle p) override { ++connections.at(p).local_descriptions; }
  void set_remote_description(PeerHandle p, const proto::Signal& d) override {
    connections.at(p).remote_descriptions.push_back(d);
  }
  void add_ice_candidate(PeerHandle p, const proto::Signal& c) override {
    connections.at(p).remote_candidates.push_back(c);
  }
  void restart_ice(PeerHandle p) override { ++connections.at(p).ice_restarts; }
  void close(PeerHandle p) override { connections.at(p).closed = true; }
  std::vector<PeerEvent> take_events() override {
    std::vector<PeerEvent> out;
    out.swap(pending);
    return out;
  }

  // Test side.
  void emit(PeerEvent e) { pending.push_back(std::move(e)); }
  std::size_t open_count() const {
    std::size_t n = 0;
    for (const auto& [h, c] : connections) n += c.closed ? 0 : 1;
    return n;
  }

  std::map<PeerHandle, Connection> connections;
  std::vector<PeerEvent> pending;

 private:
  PeerHandle next_ = 1;
};

}  // namespace treff::platform
