#include "core/sfu_negotiation.h"

namespace treff {

using namespace negotiation;

NegotiationActions SfuNegotiator::on_joined(const std::string&, const std::vector<proto::PeerInfo>&) {
  NegotiationActions out = on_left();
  connections_[kPublisher] = {};
  out.push_back(CreateConnection{kPublisher, /*polite=*/false, /*offers_first=*/true});
  out.push_back(AttachLocalMedia{kPublisher, /*to_sfu=*/true});
  return out;
}

NegotiationActions SfuNegotiator::on_left() {
  NegotiationActions out;
  for (const auto& [key, connection] : connections_) out.push_back(CloseConnection{key});
  connections_.clear();
  return out;
}

NegotiationActions SfuNegotiator::on_signal(const std::string& from, const proto::Signal& signal) {
  auto it = connections_.find(from);
  if (signal.kind == proto::SignalKind::Candidate) {
    if (it == connections_.end()) return {};
    return {AddRemoteCandidate{from, signal}};
  }
  if (from == kSubscriber && signal.kind == proto::SignalKind::Offer) {
    NegotiationActions out;
    if (it == connections_.end()) {
      connections_[kSubscriber] = {};
      // Receive only: nothing of ours goes on this connection.
      out.push_back(CreateConnection{kSubscriber, /*polite=*/true, /*offers_first=*/false});
    }
    out.push_back(SetRemoteDescription{kSubscriber, signal});
    return out;
  }
  if (from == kPublisher && signal.kind == proto::SignalKind::Answer && it != connections_.end() &&
      it->second.signaling == SignalingState::HaveLocalOffer) {
    return {SetRemoteDescription{kPublisher, signal}};
  }
  return {};  // an answer to nothing, or an offer where the server does not make one
}

NegotiationActions SfuNegotiator::on_negotiation_needed(const std::string& key) {
  // Only the publisher offers (our media, an ICE restart); the subscriber is the server's to offer.
  auto it = connections_.find(key);
  if (key != kPublisher || it == connections_.end()) return {};
  it->second.making_offer = true;
  return {SetLocalDescription{key}};
}

NegotiationActions SfuNegotiator::on_local_description(const std::string& key, const proto::Signal& description) {
  auto it = connections_.find(key);
  if (it == connections_.end()) return {};
  it->second.making_offer = false;
  return {SendSignal{key, description}};
}

NegotiationActions SfuNegotiator::on_local_description_failed(const std::string& key) {
  if (auto it = connections_.find(key); it != connections_.end()) it->second.making_offer = false;
  return {};
}

NegotiationActions SfuNegotiator::on_remote_description_applied(const std::string& key, proto::SignalKind kind) {
  if (!connections_.count(key) || kind != proto::SignalKind::Offer) return {};
  return {SetLocalDescription{key}};  // the answer to the server's offer
}

NegotiationActions SfuNegotiator::on_local_candidate(const std::string& key, const proto::Signal& candidate) {
  if (!connections_.count(key)) return {};
  return {SendSignal{key, candidate}};
}

NegotiationActions SfuNegotiator::on_signaling_state(const std::string& key, SignalingState state) {
  if (auto it = connections_.find(key); it != connections_.end()) it->second.signaling = state;
  return {};
}

NegotiationActions SfuNegotiator::on_connection_failed(const std::string& key) {
  // The publisher's ICE restart is an offer of ours; the subscriber's is the server's to make.
  if (!connections_.count(key)) return {};
  if (key == kPublisher) return {RestartIce{key}};
  return {AskForIceRestart{key}};
}

}  // namespace treff
