// Rooms and their members; the part of treff-server that speaks the signaling protocol.
//
// Knows nothing of sockets: a connection is a HubClient that can take outgoing text and be
// closed. All calls come from the server's single I/O thread, so there is no locking. Password
// work runs elsewhere (PasswordVault) and comes back as a callback on that thread, naming the
// client by a serial number, since the client may be gone by then.
//
// Identity is the hub's: it assigns every participant an id on join, and every message it relays
// names the sender it knows, never what a client claims. Signals go only to members of the
// sender's own room.
//
// Seats outlive connections for a moment: when a connection in a room breaks without a "leave",
// its seat is held (the others hear nothing) for `seat_hold_seconds`, so that a person whose
// network blinked rejoins with the resume token of their "joined" under the same id, and the
// peer connections (which carry the media, not this server) go on. A held seat that nobody takes
// again is announced as left. What comes for a held seat waits for it. After a restart, tokens the key recognises recreate their seats for
// a short while (`restart_resume_seconds`), so a whole call comes back as it was.
//
// With Janus servers (JanusRooms), a room that grows past the mesh (or every room) is sent there:
// whoever comes in, the password checked as ever, gets "janus" (where, with the room's number and
// pin) in place of "joined", and so does everyone in the mesh room at that moment, whose seats end
// with it (the Janus room is the call from then on).
//
// Presence and rings between logged-in people go to the Switchboard; a ring's private room admits
// only the people of that ring.
#pragma once

#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <random>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "core/protocol.h"
#include "server/ice_servers.h"
#include "server/janus_rooms.h"
#include "server/limits.h"
#include "server/password_vault.h"
#include "server/rate_limiter.h"
#include "server/resume_tokens.h"
#include "server/switchboard.h"

namespace treff::server {

using SharedText = std::shared_ptr<const std::string>;

// Whether a connection ended with a close frame (the browser closed the tab or left the page).
enum class Goodbye { Said, NotSaid };

// WebSocket close codes the hub asks for.
enum class CloseReason { GoingAway = 1001, PolicyViolation = 1008, TryAgainLater = 1013 };

class HubClient {
 public:
  HubClient();
  virtual ~HubClient() = default;
  HubClient(const HubClient&) = delete;
  HubClient& operator=(const HubClient&) = delete;

  virtual void deliver(SharedText text) = 0;
  // Sends what is queued, then closes.
  virtual void close(CloseReason reason) = 0;

 private:
  friend class SignalingHub;
  std::uint64_t serial_ = 0;
  std::string address_;  // the peer's IP address, for limits per address
  std::optional<proto::SignedInAccount> account_;  // from the handshake's session cookie
  std::string id_;       // empty until joined
  std::string room_;     // empty until joined
  RateLimiter rate_;
  RateLimiter password_attempts_;
  int dropped_ = 0;           // messages dropped for the rate limit since the last accepted one
  bool password_busy_ = false;  // a join or lock waits for the vault
};

class SignalingHub {
 public:
  using Clock = RateLimiter::Clock;

  // `ice`: the STUN/TURN servers for joining clients; null when the server has none.
  // `tokens`: signs and checks resume tokens; a key kept across restarts lets calls resume then.
  // `janus`: where rooms past the mesh go; default: nowhere, every room is a mesh.
  SignalingHub(HubLimits limits, PasswordVault& vault, IceServerSource* ice = nullptr,
               ResumeTokens tokens = ResumeTokens::ephemeral(), JanusRooms janus = {});

  // `address`: where the connection comes from (an IP address). A connection past the limits of
  // its address or of the server is told why and closed.
  // `account`: whom the handshake's session cookie names, none for a guest.
  void connect(HubClient& client, std::string address, std::optional<proto::SignedInAccount> account = std::nullopt);
  void on_message(HubClient& client, std::string_view text);
  void on_binary_message(HubClient& client);
  // The connection is gone (or going). Without a goodbye its seat is held for a rejoin, then
  // given up; with one, or when the server closed it, it leaves at once. Safe to call twice.
  void disconnect(HubClient& client, Goodbye goodbye);
  // Gives up the held seats whose time is over (peer-left to the rest). Called every second.
  void expire_seats(Clock::time_point now = Clock::now());
  // Server shutdown: every client is told to go away.
  void close_all();

  // Presence and rings between accounts (a server with accounts sets where contacts come from).
  Switchboard& switchboard() { return switchboard_; }

  std::size_t connection_count() const { return by_serial_.size(); }
  const HubLimits& limits() const { return limits_; }
  std::size_t room_count() const { return rooms_.size(); }

 private:
  struct Member {
    std::string id;
    HubClient* client;  // null while the seat is held for a rejoin
    std::string name;
    proto::MediaState media;
    Clock::time_point held_until{};  // while client is null
    // What came for a held seat, delivered when it is taken again (bounded: past that the seat is
    // given up, and its person joins anew).
    std::vector<SharedText> waiting;
    std::size_t waiting_bytes = 0;
    void deliver(SharedText text, Clock::time_point now);
  };
  struct Room {
    std::uint64_t serial = 0;     // tells a room from a later one of the same name
    std::vector<Member> members;  // in join order; rooms are small, so lookups are linear
    std::optional<std::string> password_hash;  // Argon2id, encoded; gone with the room
    std::uint64_t lock_serial = 0;  // changes with every lock and unlock
    // Ids that left or were given up here: their tokens no longer recreate a seat, since the
    // others have closed their connections to them.
    std::set<std::string> departed;
    Member* find(const std::string& id);
    Member* find(const HubClient& client);
    proto::RoomInfo info() const;
  };

  void handle(HubClient& c, const proto::Hello& m);
  void handle(HubClient& c, const proto::Join& m);
  void handle(HubClient& c, const proto::SendSignal& m);
  void handle(HubClient& c, const proto::SetMedia& m);
  void handle(HubClient& c, const proto::Leave& m);
  void handle(HubClient& c, const proto::Lock& m);
  void handle(HubClient& c, const proto::Unlock& m);
  void handle(HubClient& c, const proto::IceRequest& m);
  void handle(HubClient& c, const proto::Ping& m);
  // Calling a contact: the switchboard's.
  void handle(HubClient& c, const proto::Watch& m);
  void handle(HubClient& c, const proto::RingStart& m);
  void handle(HubClient& c, const proto::RingAnswer& m);
  void handle(HubClient& c, const proto::RingDecline& m);
  void handle(HubClient& c, const proto::RingStop& m);

  // Gives `c` a new seat (under `id` when it comes with a token after a restart).
  void admit(HubClient& c, const proto::Join& m, std::string id = {});
  // Seats `c` again under the id of its resume token when that seat may be taken; false when the
  // join is to be an ordinary one.
  bool resume(HubClient& c, const proto::Join& m);
  void seat(HubClient& c, const std::string& room_name, Room& room, const Member& member,
            std::vector<proto::PeerInfo> peers);
  std::string new_id(const Room& room);
  // A room's password (null: none) and the serial of its last change, on Janus or here.
  std::pair<const std::optional<std::string>*, std::uint64_t> lock_of(const std::string& room_name);
  // Sends `c` to the room's Janus when the room is there or goes there with `c`; false: a mesh.
  bool send_to_janus(HubClient& c, const std::string& room_name);
  // Moves a mesh room to Janus: its people are told where and their seats end.
  JanusRooms::Place& move_to_janus(const std::string& room_name);
  void on_password_checked(std::uint64_t serial, const proto::Join& m, std::uint64_t lock_serial, bool matches);
  bool allow_password_attempt(HubClient& c);
  bool allow_join(HubClient& c);
  // The host's room, or null after telling the client why it may not change the password.
  Room* room_for_host(HubClient& c);
  HubClient* client(std::uint64_t serial);
  void leave_room(HubClient& c);
  // `c` no longer sits in its room (it left, or its connection broke and the seat is held).
  void unseat(HubClient& c);
  static int account_of(const HubClient& c) { return c.account_ ? c.account_->id : 0; }
  // Whether a connection of `account` sits in `room` (the switchboard's check of a ring from a room).
  bool seated_in(int account, const std::string& room) const;
  // Removes a seat for good and tells the rest; erases the room when nobody is left.
  void give_up_seat(const std::string& room_name, const std::string& id);
  void reply_error(HubClient& c, std::string code, std::string message);
  void send(HubClient& c, const proto::ServerMessage& m);
  void broadcast(Room& room, const HubClient* except, const proto::ServerMessage& m);
  Room* room_of(const HubClient& c);

  HubLimits limits_;
  PasswordVault& vault_;
  IceServerSource* ice_;
  ResumeTokens tokens_;
  JanusRooms janus_;
  Clock::time_point started_ = Clock::now();
  std::mt19937_64 random_ids_{std::random_device{}()};
  std::map<std::uint64_t, HubClient*> by_serial_;
  std::map<std::string, Room> rooms_;
  Switchboard switchboard_;
  std::map<std::string, RateLimiter> attempts_by_address_;
  std::map<std::string, RateLimiter> joins_by_address_;
  std::map<std::string, std::size_t> connections_by_address_;
  std::uint64_t next_serial_ = 1;  // for clients, rooms and locks
  bool shutting_down_ = false;
};

}  // namespace treff::server
