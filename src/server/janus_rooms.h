// Which rooms send their media through a Janus VideoRoom (treff-server --janus), and where.
//
// A room moves to Janus when it would grow past the mesh (its `from_people`-th person comes in;
// 1: every room, from its first), and then stays there for as long as people keep coming (forgotten
// `kRemember` after the last join). It gets a random Janus room number and a random 128-bit pin:
// treff-server keeps the room's password and checks it as for a mesh room, and only whom it let in
// learns the pin, so the password still guards the room although Janus never sees it.
//
// With several Janus servers a room's name picks one by a stable hash (FNV-1a), so everyone in a
// room meets on the same Janus, whichever treff-server process sends them there.
#pragma once

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/protocol.h"

namespace treff::server {

class JanusRooms {
 public:
  using Clock = std::chrono::steady_clock;
  // A room on Janus is forgotten this long after its last join: a call that lasts longer without
  // anyone joining keeps going on Janus; only the next person in would open a new Janus room.
  static constexpr std::chrono::hours kRemember{12};
  static constexpr std::size_t kMaxRooms = 100000;  // then the longest unused is forgotten

  struct Place {
    proto::OnJanus where;
    std::optional<std::string> password_hash;  // the room's, from before the move
    std::uint64_t lock_serial = 0;             // of that password (SignalingHub)
    Clock::time_point last_join;
  };

  JanusRooms() = default;  // no Janus: every room is a mesh
  // `urls`: Janus WebSocket URLs (checked by the caller); `from_people` >= 1.
  JanusRooms(std::vector<std::string> urls, std::size_t from_people);

  bool enabled() const { return !urls_.empty(); }
  // Whether a room that would hold `people` with whoever comes in now goes to Janus.
  bool due(std::size_t people) const { return enabled() && people >= from_people_; }
  // The place of a room that is on Janus; null if it is not (or was forgotten by `now`).
  Place* find(const std::string& room, Clock::time_point now);
  // Moves a room to Janus: a new random number and pin on the Janus its name picks.
  Place& move(const std::string& room, std::optional<std::string> password_hash, std::uint64_t lock_serial,
              Clock::time_point now);
  // The Janus a room name picks: the same for the same name and list.
  const std::string& url_for(const std::string& room) const;

 private:
  void forget_old(Clock::time_point now);

  std::vector<std::string> urls_;
  std::size_t from_people_ = 0;
  std::map<std::string, Place> places_;
};

}  // namespace treff::server
