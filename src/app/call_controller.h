// One person's call: opens camera/microphone, connects to the signaling server, joins a room, and
// keeps the peer connections its MediaNegotiator asks for (one per other person in a mesh). Which
// server protocol it speaks is its SignalingBackend's business (core/signaling_backend.h).
//
// Platform-free: it talks to the browser only through the platform interfaces, whose events it
// takes in tick(), once per frame. Screens read its state and call its intents.
//
// When the signaling connection drops while in a room (a server restart, a network change), it
// reconnects with backoff and joins the same room again with the server's resume token, which
// gives back the same participant id: the peer connections stay up meanwhile and the media goes on.
// A heartbeat (ping every 2 s, silence for 5 s means the connection is gone) notices a connection
// that died without closing.
#pragma once

#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "core/active_speaker.h"
#include "core/link_watch.h"
#include "core/media_negotiator.h"
#include "core/result.h"
#include "core/room_model.h"
#include "core/server_list.h"
#include "core/signaling_backend.h"
#include "platform/local_media.h"
#include "platform/message_socket.h"
#include "platform/peer_connections.h"

namespace treff {

enum class CallPhase { Idle, OpeningMedia, Connecting, Joining, InRoom, Reconnecting, Left, Failed };

struct LocalMediaState {
  bool has_audio = false;     // a microphone track exists
  bool has_video = false;     // a camera track exists
  bool mic_on = false;        // sending sound (has_audio and not muted)
  bool camera_on = false;     // sending video
  std::string problem;        // DOMException name when camera or microphone could not be opened
  std::string microphone_id;  // the devices in use
  std::string camera_id;
};

struct RemoteMediaState {
  platform::PeerHandle connection = 0;
  platform::ConnectionState state = platform::ConnectionState::New;
  bool has_video = false;
  bool has_audio = false;
  // What carries the connection: "host" (same network), "srflx"/"prflx" (through NATs, found
  // with STUN) or "relay" (through the TURN relay); "" until connected.
  std::string path;
  // Whether the people should be told that there is no connection (and what to try).
  LinkTrouble trouble = LinkTrouble::None;
  // The connection's transceivers that carry this person (an SFU's connection carries everyone);
  // empty: all of it (a mesh).
  std::vector<std::string> mids;
  platform::RemoteSource source() const { return {connection, mids}; }
};

// Which signaling backend a call speaks and how its media is negotiated: a backend is made for
// each connection (its state is that connection's), the negotiator for each call (its peer
// connections outlive a lost connection).
struct CallShape {
  std::function<std::unique_ptr<SignalingBackend>()> backend;
  std::function<std::unique_ptr<MediaNegotiator>()> negotiator;
  // treff-server's own protocol, a full mesh.
  static CallShape treff_mesh();
  // A Janus VideoRoom: the SFU carries everyone's media.
  static CallShape janus_sfu();
  // The shape of whichever kind of server `kind` names when a call or a connection starts.
  static CallShape following(std::function<ServerKind()> kind);
};

class CallController {
 public:
  // Opens a connection to `url` ("": the server the person chose), asking for the backend's
  // WebSocket subprotocol ("": none).
  using SocketFactory =
      std::function<std::unique_ptr<platform::MessageSocket>(const std::string& url, const std::string& subprotocol)>;

  CallController(platform::PeerConnections& peers, platform::LocalMedia& media, SocketFactory open_socket,
                 CallShape shape = CallShape::treff_mesh());

  // Validates the name and room; on success starts opening media, then connects and joins.
  // `password`: for a locked room; kept for rejoining after a lost connection.
  Status join(const std::string& room, const std::string& display_name, bool want_audio, bool want_video,
              std::optional<std::string> password = std::nullopt);
  void leave();
  // Before a call (join prompt): opens camera and microphone so the person sees their picture and
  // their sound level. A join asking for the same keeps them open instead of asking again; asking
  // for something else (audio only ticked) opens them anew. Ignored during a call.
  void preview(bool want_audio, bool want_video);
  // Before a call (join prompt): connects to the server already, so that pressing "Join" sends the
  // join at once instead of waiting for a connection. A failed attempt is not shown (nobody asked
  // for anything yet) and is tried again a little later. Ignored during a call.
  void warm_up(std::int64_t now_ms);
  // The microphone and camera to open from now on (preview and join); a preview open with other
  // devices is opened anew at the next preview().
  void choose_devices(const platform::DeviceChoice& choice) { device_choice_ = choice; }
  // What the browser offers (known once camera or microphone was opened).
  const std::vector<platform::MediaDevice>& devices() const { return devices_; }
  void set_mic(bool on);
  void set_camera(bool on);
  // The person records the call: everyone in the room is told (a mark on their tile).
  void set_recording(bool on);
  bool recording() const { return recording_; }
  bool pick(const std::string& participant_id);
  void clear_pick();
  // How large each person's video is shown (people not named: not shown), so that an SFU sends
  // only what is seen, at the layer its size needs.
  void choose_videos(const std::map<std::string, VideoSize>& sizes);
  // A sound level sample (RMS, 0..1) of a remote participant; the next tick() decides who speaks.
  void add_audio_level(const std::string& participant_id, double level);

  // Takes all platform events and acts on them. Returns true when anything visible changed.
  bool tick(std::int64_t now_ms);

  CallPhase phase() const { return phase_; }
  // The last problem worth telling the user (error code + plain message), e.g. "room-full".
  const std::optional<Error>& problem() const { return problem_; }
  const RoomModel& room() const { return room_; }
  const std::string& room_name() const { return room_name_; }
  const LocalMediaState& local_media() const { return local_; }
  // The host locks the room with a password, or removes it; everyone hears of it from the server
  // (room_info). Refused here when not in a room, not the host, or the password is not valid.
  Status lock_room(const std::string& password);
  Status unlock_room();
  bool is_host() const;
  // Whether the room is locked with a password, and who may change that.
  const proto::RoomInfo& room_info() const { return room_info_; }
  // The STUN/TURN servers this call's peer connections use, as the server gave them at the join.
  const std::vector<proto::IceServer>& ice_servers() const { return ice_.servers; }
  // What the server said of itself in its hello (its software and limits); empty until it did.
  const std::optional<proto::Welcome>& server() const { return server_; }
  // Connection and media of a remote participant; null for yourself and unknown ids.
  const RemoteMediaState* remote(const std::string& participant_id) const;

 private:
  void on_media_event(const platform::MediaEvent& e);
  void take_media_answer(const platform::MediaEvent& e);
  bool between_calls() const;
  void on_socket_event(const platform::SocketEvent& e, std::int64_t now_ms);
  // The signaling connection is gone: in a call, keep the room and its peer connections and try
  // again; before one, say the server cannot be reached.
  void lose_connection(std::int64_t now_ms);
  // Heartbeat, the silence and connect timeouts, and peers that did not come back after a rejoin.
  void keep_alive(std::int64_t now_ms);
  // A rejoin under the same id: the room as the server has it now, our connections as they are.
  void take_back_room(const proto::Joined& joined, std::int64_t now_ms);
  void forget_peer(const std::string& id);
  // Takes the backend's news and sends what it queued.
  void pump(std::int64_t now_ms);
  void on_backend_event(BackendEvent e, std::int64_t now_ms);
  // Sends what the backend queued.
  void flush();
  // Asks the backend of the current connection for something and sends what that takes.
  template <class F>
  void tell(F&& ask) {
    if (!backend_) return;
    ask(*backend_);
    flush();
  }
  void take_ice_servers(const proto::IceConfig& config, std::int64_t now_ms);
  // The Treff server sends this room's media through a Janus (backend::MovedToJanus).
  void move_to_janus(const proto::OnJanus& place);
  void on_peer_event(const platform::PeerEvent& e, std::int64_t now_ms);
  // Restarts ICE on connections that failed or hang, and updates what their tiles say.
  void watch_links(std::int64_t now_ms);
  // Gives each person whose media comes over a shared connection (an SFU's subscription) that
  // connection's state with the mids that are theirs.
  void share_out_streams();
  void apply_local_media(bool mic_on, bool camera_on);
  void run(const NegotiationActions& actions);
  void connect();
  // Takes the warm connection for the call if there is one, else opens a new one.
  void use_or_open_socket();
  // A new connection, with a new backend to speak over it.
  void open_connection();
  void close_connection();
  void send_join();
  void drop_connections();
  // Closes the socket and every peer connection, and forgets the room; closes the camera and
  // microphone unless they are kept for the join prompt's preview.
  void end_call(bool keep_media = false);
  void fail(Error error);

  platform::PeerConnections& peers_;
  platform::LocalMedia& media_;
  SocketFactory open_socket_;
  CallShape shape_;
  std::unique_ptr<platform::MessageSocket> socket_;
  std::unique_ptr<SignalingBackend> backend_;  // speaks over socket_
  // Where the Treff server moved this call's room (its connections then go to that Janus); none:
  // the call is where the person joined it.
  std::optional<proto::OnJanus> moved_;
  bool socket_open_ = false;    // socket_ is open
  bool backend_ready_ = false;  // backend_ takes a join
  std::uint64_t connection_number_ = 0;  // counts connections opened and closed, to spot a change
  bool warm_ = false;         // socket_ was opened by warm_up() and no join went over it yet
  int warm_failures_ = 0;
  std::int64_t warm_again_at_ms_ = 0;

  CallPhase phase_ = CallPhase::Idle;
  std::optional<Error> problem_;
  std::optional<proto::Welcome> server_;
  proto::IceConfig ice_;               // the STUN/TURN servers of this call, from the server
  std::int64_t ice_renew_at_ms_ = 0;   // when to ask for fresh TURN credentials (0: never)
  std::string room_name_;
  std::string display_name_;
  std::optional<std::string> password_;
  LocalMediaState local_;
  bool recording_ = false;
  proto::MediaState media_state() const { return {local_.mic_on, local_.camera_on, recording_}; }
  platform::DeviceChoice device_choice_;
  std::vector<platform::MediaDevice> devices_;
  struct Preview {
    bool audio = false, video = false;  // what was asked
    platform::DeviceChoice choice;
    bool requested = false;             // media is open, or its answer is awaited
    bool ready = false;                 // the answer came (local_ holds it)
    // Open (or opening) with just what is asked for now.
    bool serves(bool want_audio, bool want_video, const platform::DeviceChoice& want) const {
      return requested && audio == want_audio && video == want_video && choice == want;
    }
  } preview_;
  Preview call_media_;  // what the current call asked for: the preview again if the join fails
  RoomModel room_;
  proto::RoomInfo room_info_;
  std::unique_ptr<MediaNegotiator> negotiator_;
  ActiveSpeakerDetector speakers_;
  std::map<std::string, RemoteMediaState> remotes_;  // by connection key: a person in a mesh
  // What the connections that carry several people carry (by connection key), and each such
  // person's part of it (by participant id).
  std::map<std::string, std::vector<backend::RemoteStream>> shared_streams_;
  std::map<std::string, RemoteMediaState> through_server_;
  std::map<platform::PeerHandle, std::string> by_handle_;
  std::map<std::string, LinkWatch> links_;  // by participant id, beside remotes_
  std::int64_t now_ms_ = 0;                 // of the current tick()
  int reconnect_attempt_ = 0;
  std::int64_t reconnect_at_ms_ = 0;
  std::int64_t connect_started_ms_ = 0;
  std::int64_t last_sent_ms_ = 0;
  std::int64_t unanswered_ping_ms_ = 0;  // the first ping sent since the server last spoke; 0: none
  std::string resume_token_;        // of the last "joined"; "" before it
  // People we still had a connection to when we rejoined and the server did not list (after a
  // restart they come back one by one): kept until then, or given up at the time noted.
  std::map<std::string, std::int64_t> awaited_;
  bool changed_ = false;
};

}  // namespace treff
