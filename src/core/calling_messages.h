// The messages of calling a contact ("Start beeldcontact"): presence of one's contacts, and rings.
// Part of the signaling protocol (core/protocol.h holds them in its message variants); here so the
// room messages and these stay apart. Accounts are the server's ids (positive ints); a ring is
// named by a random id the server gives it.
//
// A connection becomes someone's *line* by sending "watch": it then hears the presence of their
// contacts and rings for them. Times are left as milliseconds to go, not clock times: the
// server's clock decides, and the two clocks need not agree.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "core/ring.h"

namespace treff::proto {

constexpr std::size_t kMaxRingIdBytes = 32;
// More than a mesh room holds: the server refuses what would not fit in the call anyway.
constexpr std::size_t kMaxCallees = 16;
constexpr std::size_t kMaxPresenceEntries = 5000;

enum class Presence { Offline, Online, InCall };
const char* presence_name(Presence presence);

struct PresenceEntry {
  int account = 0;
  Presence state = Presence::Offline;
  bool operator==(const PresenceEntry& o) const { return account == o.account && state == o.state; }
};

// ---- client to server ----
struct Watch {};                                         // type "watch": (again) after contacts change
struct RingStart {                                       // type "ring"
  std::vector<int> callees;
  bool audio_only = false;
  // Into the room the caller sits in ("" for a call of its own, in a private room): from a room, a
  // colleague of the caller's organisation may be rung, not only a contact.
  std::string room{};  // (an initializer: RingStart{callees, audio_only} need not name it)
};
struct RingAnswer { std::string ring; };                 // type "ring-answer"
struct RingDecline { std::string ring; };                // type "ring-decline"
struct RingStop { std::string ring; };                   // type "ring-stop": the caller hangs up

// ---- server to client ----
// type "presence": `complete` answers a watch (every contact, the rest are not contacts); otherwise
// the entries that changed.
struct PresenceUpdate {
  std::vector<PresenceEntry> entries;
  bool complete = false;
};
struct RingCallee {
  int account = 0;
  CalleeState state = CalleeState::Ringing;
  std::int64_t ms_left = 0;  // while ringing: how long it still rings
  bool operator==(const RingCallee& o) const { return account == o.account && state == o.state && ms_left == o.ms_left; }
};
// type "ring-state", to the caller's line: the private room to be in (the caller joins it at once)
// and how each callee's ring stands. `over`: nobody rings any more.
struct RingProgress {
  std::string ring;
  std::string room;
  bool audio_only = false;
  std::vector<RingCallee> callees;
  bool over = false;
};
// type "ringing", to each line of a callee.
struct IncomingRing {
  std::string ring;
  int caller = 0;
  std::string caller_name;
  bool audio_only = false;
  std::int64_t ms_left = 0;
};
// type "ring-over", to a callee's lines: why it stopped ringing there. "answered" (this line
// answered: `room` is the call's), "answered-elsewhere", "declined", "timed-out", "cancelled" (the
// caller stopped), "caller-gone" (the caller's connection ended).
struct RingOver {
  std::string ring;
  std::string reason;
  std::string room;
};

}  // namespace treff::proto
