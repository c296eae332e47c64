// How the connection to one other person is doing, as the people in the call see it, and when to
// try again. A path that fails (or stays disconnected, or never connects) gets an ICE restart; the
// side that offered first restarts at once, the other a little later, in case the first cannot
// (glare is handled by the perfect-negotiation roles either way). While there is no connection
// the tile says so in plain words, never a picture that simply stays black, and after a few
// attempts it says what to try.
#pragma once

#include <cstdint>

namespace treff {

enum class LinkState { Connecting, Connected, Disconnected, Failed };
enum class LinkTrouble {
  None,      // connected, or still within the time a connection normally takes
  Retrying,  // no connection: trying again
  GaveUp,    // still none after several attempts: the people should try something else
};

struct LinkTuning {
  std::int64_t connect_grace_ms = 15000;      // a new (or restarted) connection may take this long
  std::int64_t disconnected_grace_ms = 5000;  // a blip shorter than this is not a problem
  std::int64_t restart_interval_ms = 10000;   // between two attempts of the same side
  std::int64_t answering_side_delay_ms = 5000;  // the side that did not offer first waits this longer
  int attempts_before_giving_up = 3;
};

class LinkWatch {
 public:
  // `offered_first`: this side made the connection's first offer.
  LinkWatch(bool offered_first, std::int64_t now_ms, LinkTuning tuning = {});

  void on_state(LinkState state, std::int64_t now_ms);
  // True when an ICE restart is due now; counts it as made.
  bool restart_due(std::int64_t now_ms);
  LinkTrouble trouble(std::int64_t now_ms) const;

 private:
  bool stuck(std::int64_t now_ms) const;

  bool offered_first_;
  LinkTuning tuning_;
  LinkState state_ = LinkState::Connecting;
  std::int64_t since_ms_;            // when the state began (or the last restart was made)
  std::int64_t next_restart_ms_ = 0;
  int attempts_ = 0;                 // restarts since the last time it was connected
};

}  // namespace treff
