// How a call's peer connections are negotiated, whatever the shape of the call: a full mesh (one
// connection per other person, core/mesh_negotiation.h) or an SFU (one connection that publishes
// and one that receives everyone, core/sfu_negotiation.h).
//
// A negotiator decides and remembers; it performs nothing. Each call returns the actions the
// platform layer must carry out, in order, and the platform reports results back. Connections are
// named by a key: the other person's id in a mesh, "publisher" or "subscriber" towards an SFU.
// Signals (SendSignal) go out through the signaling backend, which brings the far side's back.
#pragma once

#include <cstddef>
#include <string>
#include <variant>
#include <vector>

#include "core/protocol.h"
#include "core/room_model.h"

namespace treff {

namespace negotiation {
// `offers_first`: this side makes the connection's first offer (it is the newcomer).
struct CreateConnection { std::string peer; bool polite; bool offers_first; };
// `to_sfu`: the connection only sends (what we receive comes on another), video in simulcast
// layers for the server to pick from per viewer.
struct AttachLocalMedia { std::string peer; bool to_sfu = false; };
// Let the browser create and set an offer or answer as appropriate (setLocalDescription()).
struct SetLocalDescription { std::string peer; };
struct SetRemoteDescription { std::string peer; proto::Signal description; };
struct AddRemoteCandidate { std::string peer; proto::Signal candidate; };
struct RestartIce { std::string peer; };
// The far side makes the offers on this connection (an SFU's subscription): ask it, through the
// signaling backend, for an ICE-restart offer.
struct AskForIceRestart { std::string peer; };
struct SendSignal { std::string peer; proto::Signal signal; };
struct CloseConnection { std::string peer; };
}  // namespace negotiation

using NegotiationAction =
    std::variant<negotiation::CreateConnection, negotiation::AttachLocalMedia,
                 negotiation::SetLocalDescription, negotiation::SetRemoteDescription,
                 negotiation::AddRemoteCandidate, negotiation::RestartIce, negotiation::AskForIceRestart,
                 negotiation::SendSignal,
                 negotiation::CloseConnection>;
using NegotiationActions = std::vector<NegotiationAction>;

enum class SignalingState { Stable, HaveLocalOffer, HaveRemoteOffer, Closed };

class MediaNegotiator {
 public:
  virtual ~MediaNegotiator() = default;

  // ---- from signaling ----
  virtual NegotiationActions on_joined(const std::string& self_id, const std::vector<proto::PeerInfo>& peers) = 0;
  virtual NegotiationActions on_peer_left(const std::string& peer) = 0;
  virtual NegotiationActions on_signal(const std::string& from, const proto::Signal& signal) = 0;
  // We left or lost the room: every connection closes.
  virtual NegotiationActions on_left() = 0;

  // ---- from the platform (the peer connection named `key`) ----
  virtual NegotiationActions on_negotiation_needed(const std::string& key) = 0;
  virtual NegotiationActions on_local_description(const std::string& key, const proto::Signal& description) = 0;
  virtual NegotiationActions on_local_description_failed(const std::string& key) = 0;
  virtual NegotiationActions on_remote_description_applied(const std::string& key, proto::SignalKind kind) = 0;
  virtual NegotiationActions on_local_candidate(const std::string& key, const proto::Signal& candidate) = 0;
  virtual NegotiationActions on_signaling_state(const std::string& key, SignalingState state) = 0;
  virtual NegotiationActions on_connection_failed(const std::string& key) = 0;
  // A remote candidate could not be added; true when that is expected (it belonged to an offer
  // that was ignored), false when it is a real error worth reporting.
  virtual bool candidate_error_expected(const std::string& key) const = 0;
  // Whether a signal that names `from` is meant for one of this call's connections now.
  virtual bool takes_signal_from(const std::string& from, const RoomModel& room) const = 0;
  virtual bool has_connection(const std::string& key) const = 0;
};

}  // namespace treff
