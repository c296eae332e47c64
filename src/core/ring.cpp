#include "core/ring.h"

#include <algorithm>

namespace treff {

const char* callee_state_name(CalleeState state) {
  switch (state) {
    case CalleeState::Ringing: return "ringing";
    case CalleeState::Answered: return "answered";
    case CalleeState::Declined: return "declined";
    case CalleeState::TimedOut: return "timed-out";
    case CalleeState::Busy: return "busy";
    case CalleeState::Offline: return "offline";
    case CalleeState::Cancelled: return "cancelled";
  }
  return "ringing";
}

Ring::Ring(int caller, const std::vector<int>& callees, std::int64_t now_ms, std::int64_t ring_ms) : caller_(caller) {
  for (int account : callees) callees_.push_back({account, CalleeState::Ringing, now_ms + ring_ms});
}

const Callee* Ring::find(int account) const {
  const auto it = std::find_if(callees_.begin(), callees_.end(), [account](const Callee& c) { return c.account == account; });
  return it == callees_.end() ? nullptr : &*it;
}

// The callee's ring if it still rings at `now_ms`. One whose time is over is not taken even before
// expire() ran (an answer a moment too late), but left for expire() to end and report, so the
// caller always hears of it the same way.
Callee* Ring::ringing(int account, std::int64_t now_ms) {
  for (auto& c : callees_)
    if (c.account == account && c.state == CalleeState::Ringing) return now_ms < c.deadline_ms ? &c : nullptr;
  return nullptr;
}

Status Ring::answer(int account, std::int64_t now_ms) {
  Callee* c = ringing(account, now_ms);
  if (!c) return Error{"not-ringing", "This call is no longer ringing."};
  c->state = CalleeState::Answered;
  return Ok{};
}

Status Ring::decline(int account, std::int64_t now_ms) {
  Callee* c = ringing(account, now_ms);
  if (!c) return Error{"not-ringing", "This call is no longer ringing."};
  c->state = CalleeState::Declined;
  return Ok{};
}

void Ring::ended_for(int account, CalleeState why) {
  for (auto& c : callees_)
    if (c.account == account && c.state == CalleeState::Ringing) c.state = why;
}

void Ring::cancel() {
  for (auto& c : callees_)
    if (c.state == CalleeState::Ringing) c.state = CalleeState::Cancelled;
}

std::vector<int> Ring::expire(std::int64_t now_ms) {
  std::vector<int> ended;
  for (auto& c : callees_) {
    if (c.state != CalleeState::Ringing || now_ms < c.deadline_ms) continue;
    c.state = CalleeState::TimedOut;
    ended.push_back(c.account);
  }
  return ended;
}

bool Ring::connected() const {
  return std::any_of(callees_.begin(), callees_.end(), [](const Callee& c) { return c.state == CalleeState::Answered; });
}

bool Ring::over() const {
  return std::none_of(callees_.begin(), callees_.end(), [](const Callee& c) { return c.state == CalleeState::Ringing; });
}

std::int64_t Ring::next_deadline_ms() const {
  std::int64_t next = 0;
  for (const auto& c : callees_)
    if (c.state == CalleeState::Ringing && (next == 0 || c.deadline_ms < next)) next = c.deadline_ms;
  return next;
}

}  // namespace treff
