// The signaling protocol of treff-server: versioned JSON text messages over one WebSocket.
//
// Every message is an object {"v": 1, "type": "...", ...}. Parsing is strict: unknown types,
// unknown fields, missing or mistyped fields and oversized values each produce an Error naming
// the problem; nothing here throws. The server parses ClientMessage and writes ServerMessage; the
// client does the reverse, so both ends share one definition.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "core/calling_messages.h"
#include "core/result.h"

namespace treff::proto {

constexpr int kVersion = 1;
constexpr std::size_t kMaxMessageBytes = 64 * 1024;
constexpr std::size_t kMaxSdpBytes = 60 * 1024;
constexpr std::size_t kMaxCandidateBytes = 1024;
constexpr std::size_t kMaxAgentBytes = 128;
constexpr std::size_t kMaxResumeTokenBytes = 160;
// The WebSocket close code of a client that closes its connection to open another (it thinks this
// one is dead): not a goodbye, so the server holds its seat for the rejoin.
constexpr int kCloseToReconnect = 4000;

struct MediaState {
  bool mic = true;
  bool camera = true;
  // The person records the call (their browser mixes everyone's sound into a file): everyone in
  // the room is shown a mark, late joiners too. Optional on the wire: false when absent.
  bool recording = false;
  bool operator==(const MediaState& o) const { return mic == o.mic && camera == o.camera && recording == o.recording; }
};

struct PeerInfo {
  std::string id;
  std::string name;
  MediaState media;
};

enum class SignalKind { Offer, Answer, Candidate };

// One WebRTC signal. For offers and answers `sdp` is set; for candidates `candidate`,
// `sdp_mid` and `sdp_mline_index` (an empty candidate string means end-of-candidates).
struct Signal {
  SignalKind kind = SignalKind::Offer;
  std::string sdp;
  std::string candidate;
  std::optional<std::string> sdp_mid;
  std::optional<int> sdp_mline_index;
};

// One ICE server, as RTCPeerConnection takes it: STUN without credentials, TURN with short-lived
// ones (TURN REST: username "<expiry>:<id>", credential an HMAC of it under the relay's secret).
struct IceServer {
  std::vector<std::string> urls;
  std::string username;
  std::string credential;
  bool operator==(const IceServer& o) const {
    return urls == o.urls && username == o.username && credential == o.credential;
  }
};
constexpr std::size_t kMaxIceServers = 8;
constexpr std::uint64_t kMaxJanusRoom = (std::uint64_t{1} << 53) - 1;  // exact in JavaScript
constexpr std::size_t kJanusPinDigits = 32;                           // 128 random bits
constexpr std::size_t kMaxIceUrls = 8;
constexpr std::size_t kMaxIceFieldBytes = 512;

// ---- client to server ----
struct Hello { std::string agent; };
struct Join {
  std::string room;
  std::string name;
  std::optional<std::string> password;
  MediaState media;
  // The token of an earlier "joined" in this room: the server seats the person again under the
  // same id when it still holds (or, just after a restart, has not yet seen) that seat.
  std::optional<std::string> resume;
};
struct SendSignal { std::string to; Signal signal; };     // type "signal"
struct SetMedia { MediaState media; };                   // type "media"
struct Leave {};
struct Lock { std::string password; };                   // the host locks the room (or changes it)
struct Unlock {};                                        // the host removes the password
struct IceRequest {};                                    // type "ice": fresh credentials, in a room only
// A heartbeat, answered by Pong: either end learns within seconds that the other is gone.
struct Ping {};
// Watch and the rings: core/calling_messages.h.
using ClientMessage = std::variant<Hello, Join, SendSignal, SetMedia, Leave, Lock, Unlock, IceRequest, Ping, Watch,
                                   RingStart, RingAnswer, RingDecline, RingStop>;

// ---- server to client ----
// The account a connection is logged in with (the session cookie of its handshake).
struct SignedInAccount {
  int id = 0;
  std::string name;
  bool operator==(const SignedInAccount& o) const { return id == o.id && name == o.name; }
};
struct Welcome {                                         // type "hello"
  std::string agent;
  int room_limit = 0;
  std::size_t max_message_bytes = kMaxMessageBytes;
  std::optional<SignedInAccount> account;  // none for guests (no account, or not logged in)
};
// What everyone in a room sees of it: whether a password protects it, and who may set one (the
// host: whoever has been in the room longest).
struct RoomInfo {
  bool locked = false;
  std::string host;
};
struct Joined {
  std::string room;
  std::string self_id;
  std::vector<PeerInfo> peers;                           // everyone else, in join order
  RoomInfo info;
  std::string resume;                                    // for rejoining under self_id; "" if none
};
struct RoomChanged { RoomInfo info; };                   // type "room"
struct PeerJoined { PeerInfo peer; };                    // type "peer-joined"
struct PeerLeft { std::string id; };                     // type "peer-left"
struct RelayedSignal { std::string from; Signal signal; };  // type "signal"
struct PeerMedia { std::string from; MediaState media; };   // type "media"
struct ErrorReply { std::string code; std::string message; };  // type "error"
// type "ice": the ICE servers for this call's peer connections, sent before "joined" and when asked
// (IceRequest). Not sent by a server that has none. `renew_in_seconds`: when to ask again, before
// the credentials expire (0: they do not).
struct IceConfig {
  std::vector<IceServer> servers;
  int renew_in_seconds = 0;
};
struct Pong {};
// type "janus": this room's media goes through a Janus VideoRoom (treff-server --janus), in place
// of "joined" for someone coming in and to everyone in a mesh room that grows past the mesh's
// size. The room number and pin are the server's own random choice for this room, so only people
// it let in (the room's password checked) find the Janus room.
struct OnJanus {
  std::string url;         // Janus's WebSocket (ws:// or wss://)
  std::uint64_t room = 0;  // 1 .. 2^53 - 1
  std::string pin;         // 32 hex digits
};
// Presence and the rings: core/calling_messages.h.
using ServerMessage = std::variant<Welcome, Joined, PeerJoined, PeerLeft, RelayedSignal, PeerMedia, ErrorReply,
                                   RoomChanged, IceConfig, Pong, PresenceUpdate, RingProgress, IncomingRing, RingOver,
                                   OnJanus>;

Result<ClientMessage> parse_client_message(std::string_view text);
Result<ServerMessage> parse_server_message(std::string_view text);

std::string serialize(const ClientMessage& message);
std::string serialize(const ServerMessage& message);
// serialize(RelayedSignal{from, signal}) without building the message (and copying the SDP) first:
// the server writes one for every offer, answer and candidate. Written directly, not through a
// JSON tree, as the tree would write it.
std::string relayed_signal_text(std::string_view from, const Signal& signal);

std::string_view to_string(SignalKind kind);

// The servers as RTCPeerConnection's iceServers (the "servers" of an "ice" message).
std::string ice_servers_json(const std::vector<IceServer>& servers);

// The JSON "type" of a message, e.g. "peer-joined"; for logs and tests.
std::string_view type_name(const ClientMessage& message);
std::string_view type_name(const ServerMessage& message);

}  // namespace treff::proto
