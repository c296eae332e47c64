// Calling a contact, in treff-server: who of one's contacts is online, and rings between accounts.
//
// A connection of a logged-in person becomes their *line* with "watch": it then hears the presence
// of their contacts (offline, online, in a call), at once and on every change, and the rings for
// them. An account is online while it has a line, and in a call while any of its connections sits
// in a room; two tabs or devices make one presence.
//
// A ring (core/ring.h) goes from the caller's line to every line of each callee, and lives here:
// the server's clock ends it. Each ring has a private room (80 random bits) that only the caller
// and the callees may enter; the caller joins it at once, and whoever answers joins it.
//
// Like SignalingHub, which owns it and forwards to it, it runs on the I/O thread only and knows
// connections as HubClients named by serial numbers; the contact lists come from a
// ContactDirectory, which answers later (the client may be gone by then).
#pragma once

#include <cstdint>
#include <functional>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "core/protocol.h"
#include "core/ring.h"
#include "server/contact_directory.h"
#include "server/limits.h"
#include "server/rate_limiter.h"

namespace treff::server {

class HubClient;


class Switchboard {
 public:
  using Clock = RateLimiter::Clock;
  // Whether the hub has a room of this name with someone in it (or a seat held).
  using RoomInUse = std::function<bool(const std::string& room)>;
  // Whether a connection of `account` sits in `room` now.
  using SeatedIn = std::function<bool(int account, const std::string& room)>;

  // `max_people`: a room's limit, which a call with its callees must fit.
  Switchboard(CallingLimits limits, std::size_t max_people, RoomInUse room_in_use, SeatedIn seated_in);
  // Where the contact lists come from; until it is set (a server without accounts), every calling
  // message is refused.
  void use_directory(ContactDirectory* directory) { directory_ = directory; }

  // From the hub, for connections of logged-in people (`account` > 0).
  void on_watch(HubClient& c, std::uint64_t serial, int account);
  void on_ring(HubClient& c, std::uint64_t serial, int account, const std::string& name, const proto::RingStart& m);
  void on_answer(HubClient& c, std::uint64_t serial, int account, const proto::RingAnswer& m);
  void on_decline(HubClient& c, std::uint64_t serial, int account, const proto::RingDecline& m);
  void on_stop(HubClient& c, std::uint64_t serial, int account, const proto::RingStop& m);
  // The server stops: every ring ends, its callees told why ("server-stopping"), before the
  // connections close (a callee would otherwise hear that the caller hung up).
  void server_stopping();
  // A connection of `account` ended (its line, if it was one, is gone).
  void connection_closed(std::uint64_t serial, int account);
  // A connection of `account` sat down in a room, or stood up (left, or its connection broke).
  void seated(int account);
  void unseated(int account);

  // Whether `account` (0: a guest) may enter `room`: any room but a ring's private one, which only
  // its caller and callees may.
  bool may_enter(const std::string& room, int account) const;
  // Whether `account` answered a ring into `room` a short while ago: invited by someone inside, it
  // needs no password for a locked room.
  bool invited_into(const std::string& room, int account, Clock::time_point now = Clock::now()) const;

  // Ends the rings whose time is over, and forgets private rooms nobody uses any more. Called
  // every half second.
  void expire(Clock::time_point now = Clock::now());

  std::size_t ring_count() const { return rings_.size(); }
  proto::Presence presence(int account) const;

 private:
  struct Line {
    HubClient* client = nullptr;
    int account = 0;
    RateLimiter watches;
    std::vector<int> watching;  // this account's contacts and colleagues, as of its last watch
  };
  struct ActiveRing {
    Ring ring;
    std::string room;
    bool into_room = false;  // rung from inside `room`, an ordinary room, not a private one
    bool audio_only = false;
    std::uint64_t caller_line = 0;
    std::string caller_name;
    Clock::time_point started;
  };
  struct PrivateRoom {
    std::set<int> accounts;
    Clock::time_point keep_until{};  // after its ring: time for the last to arrive
  };

  std::int64_t ms(Clock::time_point t) const;
  Line* line(std::uint64_t serial);
  bool is_calling(int account) const;  // a ring of this caller is going on
  // The ring of `id` in which `account` is a callee, or null after telling `c` it is over.
  ActiveRing* callee_ring(HubClient& c, const std::string& id, int account);
  void start_ring(std::uint64_t serial, int account, const std::string& name, const proto::RingStart& m,
                  const Reachable& reachable);
  // Tells the caller how the ring stands; ends it when nobody rings any more.
  void report(const std::string& id);
  // Tells each line of `account` that ring `id` stopped ringing, `reason`; `except` heard otherwise.
  void ring_over_for(int account, const std::string& id, const std::string& reason, std::uint64_t except = 0);
  void end_ring(std::map<std::string, ActiveRing>::iterator it);
  // Tells whoever watches `account` when its presence is not `before` any more.
  void announce(int account, proto::Presence before);
  void send(HubClient& c, const proto::ServerMessage& m);
  void send_to_line(std::uint64_t serial, const proto::ServerMessage& m);
  void refuse(HubClient& c, const char* code, const std::string& message);

  CallingLimits limits_;
  std::size_t max_people_;
  ContactDirectory* directory_ = nullptr;
  RoomInUse room_in_use_;
  SeatedIn seated_in_;
  std::map<std::uint64_t, Line> lines_;
  std::map<int, std::set<std::uint64_t>> lines_of_;  // account -> its lines
  std::map<int, std::set<std::uint64_t>> watchers_;  // account -> the lines that watch it
  std::map<int, int> seated_;                        // account -> its connections in a room
  std::map<int, RateLimiter> rings_by_account_;
  std::map<std::string, ActiveRing> rings_;          // by ring id
  std::map<std::string, PrivateRoom> private_rooms_;
  // (room, account) -> until when an answered ring into that room lets the account in
  std::map<std::pair<std::string, int>, Clock::time_point> invited_;
  Clock::time_point epoch_ = Clock::now();
};

}  // namespace treff::server
