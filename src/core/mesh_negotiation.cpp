#include "core/mesh_negotiation.h"

namespace treff {

using namespace negotiation;

bool is_polite(const std::string& self, const std::string& other) {
  if (self.size() != other.size()) return self.size() < other.size();
  return self < other;
}

MeshNegotiator::PeerState& MeshNegotiator::create(const std::string& peer, bool offers_first, NegotiationActions& out) {
  PeerState& state = peers_[peer];
  state.polite = is_polite(self_id_, peer);
  out.push_back(CreateConnection{peer, state.polite, offers_first});
  out.push_back(AttachLocalMedia{peer});
  return state;
}

NegotiationActions MeshNegotiator::on_joined(const std::string& self_id,
                                             const std::vector<proto::PeerInfo>& peers) {
  NegotiationActions out = on_left();
  self_id_ = self_id;
  for (const auto& p : peers)
    if (p.id != self_id_) create(p.id, /*offers_first=*/true, out);
  return out;
}

NegotiationActions MeshNegotiator::on_peer_left(const std::string& peer) {
  if (!peers_.erase(peer)) return {};
  return {CloseConnection{peer}};
}

NegotiationActions MeshNegotiator::on_left() {
  NegotiationActions out;
  for (const auto& [peer, state] : peers_) out.push_back(CloseConnection{peer});
  peers_.clear();
  return out;
}

NegotiationActions MeshNegotiator::on_signal(const std::string& from, const proto::Signal& signal) {
  NegotiationActions out;
  if (from == self_id_ || self_id_.empty()) return out;
  auto it = peers_.find(from);
  if (signal.kind == proto::SignalKind::Candidate) {
    if (it != peers_.end()) out.push_back(AddRemoteCandidate{from, signal});
    return out;
  }
  if (it == peers_.end()) {
    // Only an offer may open a connection; a stray answer belongs to a connection we closed.
    if (signal.kind != proto::SignalKind::Offer) return out;
    NegotiationActions created;
    PeerState& state = create(from, /*offers_first=*/false, created);
    // Apply the offer before attaching media, so our tracks reuse the offered transceivers
    // instead of adding new ones (which would need another round of negotiation).
    out.push_back(created[0]);
    state.remote_answer_pending = false;
    out.push_back(SetRemoteDescription{from, signal});
    out.push_back(created[1]);
    return out;
  }
  PeerState& s = it->second;
  const bool is_offer = signal.kind == proto::SignalKind::Offer;
  const bool ready_for_offer =
      !s.making_offer && (s.signaling == SignalingState::Stable || s.remote_answer_pending);
  const bool collision = is_offer && !ready_for_offer;
  s.ignore_offer = !s.polite && collision;
  if (s.ignore_offer) return out;
  // An answer with nothing offered is stale (the offer was rolled back); applying it would fail.
  if (!is_offer && s.signaling != SignalingState::HaveLocalOffer) return out;
  s.remote_answer_pending = !is_offer;
  out.push_back(SetRemoteDescription{from, signal});
  return out;
}

NegotiationActions MeshNegotiator::on_negotiation_needed(const std::string& peer) {
  auto it = peers_.find(peer);
  if (it == peers_.end()) return {};
  it->second.making_offer = true;
  return {SetLocalDescription{peer}};
}

NegotiationActions MeshNegotiator::on_local_description(const std::string& peer,
                                                        const proto::Signal& description) {
  auto it = peers_.find(peer);
  if (it == peers_.end()) return {};
  it->second.making_offer = false;
  return {SendSignal{peer, description}};
}

NegotiationActions MeshNegotiator::on_local_description_failed(const std::string& peer) {
  auto it = peers_.find(peer);
  if (it != peers_.end()) it->second.making_offer = false;
  return {};
}

NegotiationActions MeshNegotiator::on_remote_description_applied(const std::string& peer,
                                                                 proto::SignalKind kind) {
  auto it = peers_.find(peer);
  if (it == peers_.end()) return {};
  it->second.remote_answer_pending = false;
  if (kind == proto::SignalKind::Offer) return {SetLocalDescription{peer}};
  return {};
}

NegotiationActions MeshNegotiator::on_local_candidate(const std::string& peer,
                                                      const proto::Signal& candidate) {
  if (!peers_.count(peer)) return {};
  return {SendSignal{peer, candidate}};
}

NegotiationActions MeshNegotiator::on_signaling_state(const std::string& peer, SignalingState state) {
  auto it = peers_.find(peer);
  if (it != peers_.end()) it->second.signaling = state;
  return {};
}

NegotiationActions MeshNegotiator::on_connection_failed(const std::string& peer) {
  if (!peers_.count(peer)) return {};
  // restartIce() makes the browser fire negotiationneeded with an ICE-restart offer.
  return {RestartIce{peer}};
}

bool MeshNegotiator::candidate_error_expected(const std::string& peer) const {
  auto it = peers_.find(peer);
  return it != peers_.end() && it->second.ignore_offer;
}

}  // namespace treff
