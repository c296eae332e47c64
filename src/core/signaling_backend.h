// What a call needs from a signaling backend, whatever protocol it speaks: join a room, leave it,
// tell the others about mic and camera, carry the media negotiation, and report the room's people
// as they come and go.
//
// A backend does no I/O. The call controller owns the connection (a text-message socket with the
// backend's subprotocol): it hands the backend what arrives (`received`) and sends what the backend
// queued (`take_outgoing`); the backend's news comes back as events (`take_events`), so the call
// controller, the room model and the screens never learn which backend runs. treff-server's own
// protocol is one backend (core/treff_backend), the Janus VideoRoom another (core/janus_backend).
//
// Media negotiation stays with a MediaNegotiator (core/media_negotiator.h) chosen with the backend:
// its signals travel through `signal` and come back as backend::Signal events, named by the
// negotiator's connection key (a person for a mesh, "publisher" or "subscriber" for an SFU).
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <variant>
#include <vector>

#include "core/protocol.h"
#include "core/result.h"

namespace treff {

// How large a person's video is on this screen, which is what an SFU needs to send of it: nothing
// while their tile is not shown, else the simulcast layer whose size fills the tile.
enum class VideoSize { Off, Small, Medium, Large };

// The size for a tile `device_px` high (CSS px times the device pixel ratio). Publishers send
// three layers: a quarter, half and the whole of the camera's height (up to 720 px); a tile gets
// the smallest layer at least about as tall as itself, so nothing is sent that is not seen.
VideoSize video_size_for_height(float device_px);

struct JoinRequest {
  std::string room;
  std::string name;
  std::optional<std::string> password;
  proto::MediaState media;
  // The token of an earlier join in this room (backend::Joined::resume), to be seated again under
  // the same id; none for a first join.
  std::optional<std::string> resume;
};

namespace backend {
// The connection is set up for a join (treff: at once; Janus: once a session and plugin handle exist).
struct Ready {};
// What the server said of itself (its software, limits, and the account a connection is logged in
// with); a backend without such a greeting sends one of its own making.
struct Greeted { proto::Welcome server; };
// In the room: our id, everyone else, the room's state and a token for rejoining ("" if none).
struct Joined { proto::Joined room; };
struct PersonJoined { proto::PeerInfo person; };
struct PersonLeft { std::string id; };
struct PersonMedia { std::string id; proto::MediaState media; };
struct RoomChanged { proto::RoomInfo info; };
struct IceServers { proto::IceConfig config; };
// A negotiation signal for the connection `from` names (core/media_negotiator.h).
struct Signal { std::string from; proto::Signal signal; };
// What a connection that carries several people receives (an SFU's subscription): each stream by
// its transceiver's mid, whose it is, and whether it flows (a stream of someone who left stays,
// inactive, until the server reuses it). Replaces what the connection said before.
struct RemoteStream {
  std::string mid;
  std::string person;
  bool video = false;  // else sound
  bool active = true;
  bool operator==(const RemoteStream& o) const {
    return mid == o.mid && person == o.person && video == o.video && active == o.active;
  }
};
struct Streams { std::string connection; std::vector<RemoteStream> streams; };
// The room's media goes through a Janus VideoRoom from now on (treff-server --janus): the call
// joins that Janus room, at that number with that pin, in place of this one.
struct MovedToJanus { proto::OnJanus place; };
// The server refused what we asked (before Joined: the join failed), in plain words.
struct Refused { Error error; };
// A message that could not be read: worth showing, not worth ending the call for.
struct Unreadable { Error error; };
}  // namespace backend

using BackendEvent =
    std::variant<backend::Ready, backend::Greeted, backend::Joined, backend::PersonJoined, backend::PersonLeft,
                 backend::PersonMedia, backend::RoomChanged, backend::IceServers, backend::Signal, backend::Streams,
                 backend::MovedToJanus, backend::Refused, backend::Unreadable>;

class SignalingBackend {
 public:
  virtual ~SignalingBackend() = default;

  // The WebSocket subprotocol the server expects ("" for none).
  virtual std::string subprotocol() const = 0;

  // ---- from the connection ----
  // The connection opened: the backend starts its side (a hello, a session).
  virtual void opened(std::int64_t now_ms) = 0;
  virtual void received(std::string_view text, std::int64_t now_ms) = 0;
  // Timers of the protocol's own (e.g. a transaction that is never answered).
  virtual void tick(std::int64_t now_ms) = 0;

  // ---- from the call ----
  virtual void join(const JoinRequest& request) = 0;
  virtual void leave() = 0;
  virtual void set_media(proto::MediaState media) = 0;
  // A room's password, set or removed by the host; a backend that cannot lock rooms refuses
  // (backend::Refused).
  virtual void lock(const std::string& password) = 0;
  virtual void unlock() = 0;
  // Fresh TURN credentials (backend::IceServers), for a backend that hands them out.
  virtual void request_ice() = 0;
  // A message the server answers at once: the call's heartbeat (and a Janus session's keep-alive).
  virtual void ping() = 0;
  virtual void signal(const std::string& to, const proto::Signal& signal) = 0;
  // The size each person's video is shown at (people not named: their tile is not shown). A
  // backend whose server sends everyone everything (a mesh) has nothing to do.
  virtual void choose_videos(const std::map<std::string, VideoSize>&) {}
  // An ICE-restart offer for the connection `key` names, from a server that makes that
  // connection's offers (an SFU's subscription); a mesh restarts from the browser instead.
  virtual void ask_for_ice_restart(const std::string& /*key*/) {}

  // ---- to the connection and the call ----
  virtual std::vector<std::string> take_outgoing() = 0;
  virtual std::vector<BackendEvent> take_events() = 0;
};

}  // namespace treff
