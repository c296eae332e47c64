// All RTCPeerConnections of the page, behind handles.
//
// A handle names one connection and is never reused, so an event that arrives after close() (a
// late promise) names a handle nobody knows and is ignored. Results come back as queued events,
// taken once per frame, in the order the browser produced them.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "core/mesh_negotiation.h"
#include "core/protocol.h"

namespace treff::platform {

using PeerHandle = std::uint32_t;

enum class ConnectionState { New, Connecting, Connected, Disconnected, Failed, Closed };

// Whose media to take from a connection: all of its remote tracks (in a mesh a connection is one
// person's), or the tracks of the transceivers named by their mids (an SFU's connection carries
// many people, each on their own mids).
struct RemoteSource {
  PeerHandle peer = 0;
  std::vector<std::string> mids;  // empty: every remote track of `peer`
  bool operator==(const RemoteSource& o) const { return peer == o.peer && mids == o.mids; }
  bool operator!=(const RemoteSource& o) const { return !(*this == o); }
  // The mids as the JS glue takes them: "0,1" ("" for all).
  std::string mid_list() const {
    std::string out;
    for (const auto& m : mids) out += (out.empty() ? "" : ",") + m;
    return out;
  }
};

struct PeerEvent {
  enum class Kind {
    NegotiationNeeded,
    LocalDescription,           // `signal` holds the offer or answer to send
    LocalDescriptionFailed,     // `error` holds the DOMException name
    RemoteDescriptionApplied,   // `signal.kind` says which
    RemoteDescriptionFailed,
    LocalCandidate,             // `signal` holds the candidate to send
    CandidateFailed,
    SignalingStateChanged,      // `signaling`
    ConnectionStateChanged,     // `connection`
    RemoteMedia,                // the remote stream gained a track: `has_audio`, `has_video`
    Path,                       // connected over `path`: "host", "srflx", "prflx" or "relay"
  };
  Kind kind = Kind::NegotiationNeeded;
  PeerHandle peer = 0;
  proto::Signal signal;
  std::string error;
  SignalingState signaling = SignalingState::Stable;
  ConnectionState connection = ConnectionState::New;
  bool has_audio = false;
  bool has_video = false;
  std::string path;
};

class PeerConnections {
 public:
  virtual ~PeerConnections() = default;
  // A connection whose ICE agent uses these STUN/TURN servers (none: host candidates only, enough
  // on one machine or one network).
  virtual PeerHandle create(const std::vector<proto::IceServer>& ice_servers) = 0;
  // New servers (fresh TURN credentials) for a connection's next gathering, e.g. an ICE restart.
  virtual void set_ice_servers(PeerHandle peer, const std::vector<proto::IceServer>& ice_servers) = 0;
  // Adds the local camera/microphone tracks (or receive-only transceivers where there are none).
  // `to_sfu`: send only, and the video in simulcast layers (full, half and a quarter of the
  // camera's size, as many as the browser sends at the camera's height) for a server to pick from
  // per viewer.
  virtual void attach_local_media(PeerHandle peer, bool to_sfu) = 0;
  virtual void set_local_description(PeerHandle peer) = 0;
  virtual void set_remote_description(PeerHandle peer, const proto::Signal& description) = 0;
  virtual void add_ice_candidate(PeerHandle peer, const proto::Signal& candidate) = 0;
  virtual void restart_ice(PeerHandle peer) = 0;
  virtual void close(PeerHandle peer) = 0;
  virtual std::vector<PeerEvent> take_events() = 0;
};

}  // namespace treff::platform
