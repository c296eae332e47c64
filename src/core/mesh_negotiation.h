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
//
// The class decides and remembers; it performs nothing. Each call returns the actions the
// platform layer must carry out, in order, and the platform reports results back.
#pragma once

#include <map>
#include <string>
#include <variant>
#include <vector>

#include "core/protocol.h"

namespace treff {

namespace negotiation {
// `offers_first`: this side makes the connection's first offer (it is the newcomer).
struct CreateConnection { std::string peer; bool polite; bool offers_first; };
struct AttachLocalMedia { std::string peer; };
// Let the browser create and set an offer or answer as appropriate (setLocalDescription()).
struct SetLocalDescription { std::string peer; };
struct SetRemoteDescription { std::string peer; proto::Signal description; };
struct AddRemoteCandidate { std::string peer; proto::Signal candidate; };
struct RestartIce { std::string peer; };
struct SendSignal { std::string peer; proto::Signal signal; };
struct CloseConnection { std::string peer; };
}  // namespace negotiation

using NegotiationAction =
    std::variant<negotiation::CreateConnection, negotiation::AttachLocalMedia,
                 negotiation::SetLocalDescription, negotiation::SetRemoteDescription,
                 negotiation::AddRemoteCandidate, negotiation::RestartIce, negotiation::SendSignal,
                 negotiation::CloseConnection>;
using NegotiationActions = std::vector<NegotiationAction>;

enum class SignalingState { Stable, HaveLocalOffer, HaveRemoteOffer, Closed };

// True when `self` is the polite side towards `other`.
bool is_polite(const std::string& self, const std::string& other);

class MeshNegotiator {
 public:
  // ---- from signaling ----
  NegotiationActions on_joined(const std::string& self_id, const std::vector<proto::PeerInfo>& peers);
  NegotiationActions on_peer_left(const std::string& peer);
  NegotiationActions on_signal(const std::string& from, const proto::Signal& signal);
  // We left or lost the room: every connection closes.
  NegotiationActions on_left();

  // ---- from the platform (the peer connection of `peer`) ----
  NegotiationActions on_negotiation_needed(const std::string& peer);
  NegotiationActions on_local_description(const std::string& peer, const proto::Signal& description);
  NegotiationActions on_local_description_failed(const std::string& peer);
  NegotiationActions on_remote_description_applied(const std::string& peer, proto::SignalKind kind);
  NegotiationActions on_local_candidate(const std::string& peer, const proto::Signal& candidate);
  NegotiationActions on_signaling_state(const std::string& peer, SignalingState state);
  NegotiationActions on_connection_failed(const std::string& peer);
  // A remote candidate could not be added; returns true when that is expected (it belonged to an
  // offer we ignored) and false when it is a real error worth reporting.
  bool candidate_error_expected(const std::string& peer) const;

  bool has_connection(const std::string& peer) const { return peers_.count(peer) != 0; }
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
