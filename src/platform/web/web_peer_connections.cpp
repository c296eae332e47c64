#include "platform/web/web_peer_connections.h"

#include <emscripten.h>

#include "platform/web/rtc_glue.h"

namespace treff::platform {
namespace {
WebPeerConnections* g_instance = nullptr;

}  // namespace

WebPeerConnections::WebPeerConnections() { g_instance = this; }
WebPeerConnections::~WebPeerConnections() {
  if (g_instance == this) g_instance = nullptr;
}
WebPeerConnections* WebPeerConnections::instance() { return g_instance; }

PeerHandle WebPeerConnections::create(const std::vector<proto::IceServer>& ice_servers) {
  return treff_rtc_create(proto::ice_servers_json(ice_servers).c_str());
}
void WebPeerConnections::set_ice_servers(PeerHandle p, const std::vector<proto::IceServer>& ice_servers) {
  treff_rtc_set_ice_servers(p, proto::ice_servers_json(ice_servers).c_str());
}
void WebPeerConnections::attach_local_media(PeerHandle p, bool to_sfu) { treff_rtc_attach_local_media(p, to_sfu); }
void WebPeerConnections::set_local_description(PeerHandle p) { treff_rtc_set_local_description(p); }

void WebPeerConnections::set_remote_description(PeerHandle p, const proto::Signal& d) {
  treff_rtc_set_remote_description(p, d.kind == proto::SignalKind::Offer ? 0 : 1, d.sdp.c_str());
}

void WebPeerConnections::add_ice_candidate(PeerHandle p, const proto::Signal& c) {
  treff_rtc_add_ice_candidate(p, c.candidate.c_str(), c.sdp_mid ? 1 : 0, c.sdp_mid ? c.sdp_mid->c_str() : "",
                              c.sdp_mline_index.value_or(-1));
}

void WebPeerConnections::restart_ice(PeerHandle p) { treff_rtc_restart_ice(p); }
void WebPeerConnections::close(PeerHandle p) { treff_rtc_close(p); }

std::vector<PeerEvent> WebPeerConnections::take_events() {
  std::vector<PeerEvent> out;
  out.swap(events_);
  return out;
}

}  // namespace treff::platform

using treff::platform::PeerEvent;

extern "C" EMSCRIPTEN_KEEPALIVE void treff_rtc_event(std::uint32_t handle, int kind, int number, const char* text,
                                                     int has_mid, const char* mid, int mline_index) {
  auto* self = treff::platform::WebPeerConnections::instance();
  if (!self || kind < 0 || kind > static_cast<int>(PeerEvent::Kind::Path)) return;
  PeerEvent e;
  e.kind = static_cast<PeerEvent::Kind>(kind);
  e.peer = handle;
  switch (e.kind) {
    case PeerEvent::Kind::LocalDescription:
      e.signal.kind = number == 0 ? treff::proto::SignalKind::Offer : treff::proto::SignalKind::Answer;
      e.signal.sdp = text;
      break;
    case PeerEvent::Kind::RemoteDescriptionApplied:
    case PeerEvent::Kind::RemoteDescriptionFailed:
      e.signal.kind = number == 0 ? treff::proto::SignalKind::Offer : treff::proto::SignalKind::Answer;
      e.error = text;
      break;
    case PeerEvent::Kind::LocalCandidate:
      e.signal.kind = treff::proto::SignalKind::Candidate;
      e.signal.candidate = text;
      if (has_mid) e.signal.sdp_mid = std::string(mid);
      if (mline_index >= 0) e.signal.sdp_mline_index = mline_index;
      break;
    case PeerEvent::Kind::SignalingStateChanged:
      e.signaling = static_cast<treff::SignalingState>(number);
      break;
    case PeerEvent::Kind::ConnectionStateChanged:
      e.connection = static_cast<treff::platform::ConnectionState>(number);
      break;
    case PeerEvent::Kind::RemoteMedia:
      e.has_audio = (number & 1) != 0;
      e.has_video = (number & 2) != 0;
      break;
    case PeerEvent::Kind::Path:
      e.path = text;
      break;
    default:
      e.error = text;
      break;
  }
  self->push(std::move(e));
}
