// Negotiation towards a selective forwarding unit (an SFU such as Janus's VideoRoom): two peer
// connections to the server whatever the room's size. "publisher" carries our camera and
// microphone up; we offer it once the room is joined (our media attached makes the browser ask).
// "subscriber" brings everyone else down; the server offers it whenever who is in it changes, and
// we answer. The server never offers on the publisher nor answers on the subscriber, so there is
// no glare to resolve.
#pragma once

#include <map>
#include <string>

#include "core/media_negotiator.h"

namespace treff {

class SfuNegotiator final : public MediaNegotiator {
 public:
  static constexpr const char* kPublisher = "publisher";
  static constexpr const char* kSubscriber = "subscriber";

  NegotiationActions on_joined(const std::string& self_id, const std::vector<proto::PeerInfo>& peers) override;
  // The server's subscription follows who leaves; nothing of ours closes.
  NegotiationActions on_peer_left(const std::string&) override { return {}; }
  NegotiationActions on_signal(const std::string& from, const proto::Signal& signal) override;
  NegotiationActions on_left() override;

  NegotiationActions on_negotiation_needed(const std::string& key) override;
  NegotiationActions on_local_description(const std::string& key, const proto::Signal& description) override;
  NegotiationActions on_local_description_failed(const std::string& key) override;
  NegotiationActions on_remote_description_applied(const std::string& key, proto::SignalKind kind) override;
  NegotiationActions on_local_candidate(const std::string& key, const proto::Signal& candidate) override;
  NegotiationActions on_signaling_state(const std::string& key, SignalingState state) override;
  NegotiationActions on_connection_failed(const std::string& key) override;
  bool candidate_error_expected(const std::string&) const override { return false; }
  bool takes_signal_from(const std::string& from, const RoomModel&) const override {
    return from == kPublisher || from == kSubscriber;
  }
  bool has_connection(const std::string& key) const override { return connections_.count(key) != 0; }

 private:
  struct Connection {
    bool making_offer = false;
    SignalingState signaling = SignalingState::Stable;
  };
  std::map<std::string, Connection> connections_;
};

}  // namespace treff
