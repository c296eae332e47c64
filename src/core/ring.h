// One ring: a caller ringing one or more of their contacts ("Start beeldcontact"), each callee with
// a deadline. Platform-free, with the time passed in: the server runs it (its clock decides when a
// ring times out) and the clients show what it says (the countdown bar is the time left).
//
// The first callee to answer starts the call; the others keep ringing and may still join until
// their own time runs out. A callee's devices ring together; the account answers or declines once,
// and every other device of it is told to stop. The ring is over when nobody rings any more: the
// caller learns how each callee's ring ended (answered, declined, timed out, busy, offline).
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "core/result.h"

namespace treff {

enum class CalleeState {
  Ringing,
  Answered,
  Declined,
  TimedOut,
  Busy,       // already in a call when the ring came
  Offline,    // went offline while it rang (or was not online)
  Cancelled,  // the caller stopped before this callee answered
};

// "ringing", "answered", ... as the protocol writes them.
const char* callee_state_name(CalleeState state);

struct Callee {
  int account = 0;
  CalleeState state = CalleeState::Ringing;
  std::int64_t deadline_ms = 0;  // when its ringing stops unanswered
};

class Ring {
 public:
  // Rings each of `callees` (accounts, without repeats, not the caller) for `ring_ms` from `now_ms`.
  Ring(int caller, const std::vector<int>& callees, std::int64_t now_ms, std::int64_t ring_ms);

  // A callee answers or declines. Errors: "not-ringing" (not a callee of this ring, or its ring
  // has ended: answered already, declined, timed out, or the caller stopped).
  Status answer(int account, std::int64_t now_ms);
  Status decline(int account, std::int64_t now_ms);
  // A callee is busy (in a call) or goes offline while ringing: its ring ends so.
  void ended_for(int account, CalleeState why);
  // The caller stops: every callee still ringing is cancelled.
  void cancel();
  // Ends the rings whose time is over; returns those accounts (to tell them and the caller).
  std::vector<int> expire(std::int64_t now_ms);

  int caller() const { return caller_; }
  const std::vector<Callee>& callees() const { return callees_; }
  const Callee* find(int account) const;
  // Someone answered: the call is on (others may still join while they ring).
  bool connected() const;
  // Nobody rings any more.
  bool over() const;
  // The earliest deadline of a callee still ringing (for the server's timer); 0 when none rings.
  std::int64_t next_deadline_ms() const;

 private:
  Callee* ringing(int account, std::int64_t now_ms);

  int caller_ = 0;
  std::vector<Callee> callees_;
};

}  // namespace treff
