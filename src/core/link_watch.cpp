#include "core/link_watch.h"

namespace treff {

LinkWatch::LinkWatch(bool offered_first, std::int64_t now_ms, LinkTuning tuning)
    : offered_first_(offered_first), tuning_(tuning), since_ms_(now_ms) {}

void LinkWatch::on_state(LinkState state, std::int64_t now_ms) {
  if (state == state_) return;
  state_ = state;
  since_ms_ = now_ms;
  if (state == LinkState::Connected) attempts_ = 0, next_restart_ms_ = 0;
}

// Failed, or disconnected or connecting for longer than such a state normally lasts.
bool LinkWatch::stuck(std::int64_t now_ms) const {
  switch (state_) {
    case LinkState::Connected: return false;
    case LinkState::Failed: return true;
    case LinkState::Disconnected: return now_ms - since_ms_ >= tuning_.disconnected_grace_ms;
    case LinkState::Connecting: return now_ms - since_ms_ >= tuning_.connect_grace_ms;
  }
  return false;
}

bool LinkWatch::restart_due(std::int64_t now_ms) {
  if (!stuck(now_ms)) return false;
  if (next_restart_ms_ == 0) next_restart_ms_ = now_ms + (offered_first_ ? 0 : tuning_.answering_side_delay_ms);
  if (now_ms < next_restart_ms_) return false;
  ++attempts_;
  next_restart_ms_ = now_ms + tuning_.restart_interval_ms;
  return true;
}

LinkTrouble LinkWatch::trouble(std::int64_t now_ms) const {
  if (!stuck(now_ms) && attempts_ == 0) return LinkTrouble::None;
  if (state_ == LinkState::Connected) return LinkTrouble::None;
  return attempts_ >= tuning_.attempts_before_giving_up ? LinkTrouble::GaveUp : LinkTrouble::Retrying;
}

}  // namespace treff
