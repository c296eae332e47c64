// Full-mesh WebRTC negotiation policy: one peer connection per other participant, negotiated with
// the "perfect negotiation" pattern so that offers crossing each other (glare) resolve themselves.
//
// Who offers: the newcomer. On `joined` it creates a connection to everyone already there and
// attaches its media, which makes the browser ask for negotiation; those already in the room wait
// for the newcomer's offer and create their connection when it arrives. Later renegotiations
// (a camera switched on, an ICE restart) may start on either side.
//
// Roles: of two participants, the one whose id sorts lower (shorter first, then bytewise) is
// *polite*: on glare it drops its own offer and takes the other's. Both sides compute the same
// answer from the two ids alone, whatever backend assigned them.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "core/media_negotiator.h"

namespace treff {

// True when `self` is the polite side towards `other`.
bool is_polite(const std::string& self, const std::string& other);

class MeshNegotiator final : public MediaNegotiator {
 public:
  // ---- from signaling ----
  NegotiationActions on_joined(const std::string& self_id, const std::vector<proto::PeerInfo>& peers) override;
  NegotiationActions on_peer_left(const std::string& peer) override;
  NegotiationActions on_signal(const std::string& from, const proto::Signal& signal) override;
  // We left or lost the room: every connection closes.
  NegotiationActions on_left() override;

  // ---- from the platform (the peer connection of `peer`) ----
  NegotiationActions on_negotiation_needed(const std::string& peer) override;
  NegotiationActions on_local_description(const std::string& peer, const proto::Signal& description) override;
  NegotiationActions on_local_description_failed(const std::string& peer) override;
  NegotiationActions on_remote_description_applied(const std::string& peer, proto::SignalKind kind) override;
  NegotiationActions on_local_candidate(const std::string& peer, const proto::Signal& candidate) override;
  NegotiationActions on_signaling_state(const std::string& peer, SignalingState state) override;
  NegotiationActions on_connection_failed(const std::string& peer) override;
  // A remote candidate could not be added; returns true when that is expected (it belonged to an
  // offer we ignored) and false when it is a real error worth reporting.
  bool candidate_error_expected(const std::string& peer) const override;
  // A signal from someone not in the room is stale (they left); from someone in it, theirs.
  bool takes_signal_from(const std::string& from, const RoomModel& room) const override {
    return room.find(from) != nullptr;
  }

  bool has_connection(const std::string& peer) const override { return peers_.count(peer) != 0; }
  std::size_t connection_count() const { return peers_.size(); }

 private:
  struct PeerState {
    bool polite = false;
    bool making_offer = false;
    bool ignore_offer = false;
    bool remote_answer_pending = false;
    SignalingState signaling = SignalingState::Stable;
  };
  PeerState& create(const std::string& peer, bool offers_first, NegotiationActions& out);

  std::string self_id_;
  std::map<std::string, PeerState> peers_;
};

}  // namespace treff
