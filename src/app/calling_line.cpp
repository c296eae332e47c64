#include "app/calling_line.h"

#include <algorithm>

#include "core/protocol.h"

namespace treff {
namespace {

// Backoff for opening the line again: soon at first, then every few seconds (a server that
// restarts is back within seconds; one that is down for long is not hammered).
std::int64_t reconnect_delay_ms(int attempt) { return attempt == 0 ? 500 : std::min<std::int64_t>(8000, 1000LL << std::min(attempt - 1, 3)); }

constexpr std::int64_t kHeartbeatMs = 4000;     // a ping when nothing else was sent for this long
constexpr std::int64_t kSilenceMs = 4000;       // a ping unanswered this long: the line is dead
constexpr std::int64_t kConnectTimeoutMs = 5000;

}  // namespace

CallingLine::CallingLine(SocketFactory open_socket) : open_socket_(std::move(open_socket)) {}

void CallingLine::open(std::int64_t now_ms) {
  now_ms_ = now_ms;
  if (open_) return;
  open_ = true;
  attempt_ = 0;
  connect(now_ms);
}

void CallingLine::close() {
  open_ = false;
  if (socket_) socket_->close();
  socket_.reset();
  socket_open_ = false;
  presence_.clear();
  presence_known_ = false;
  outgoing_.reset();
  incoming_.reset();
  waiting_rings_.clear();
  call_to_join_.reset();
  outcome_ = RingOutcome::None;
  changed_ = true;
}

void CallingLine::connect(std::int64_t now_ms) {
  socket_ = open_socket_();
  socket_open_ = false;
  connect_started_ms_ = now_ms;
  unanswered_ping_ms_ = 0;
}

void CallingLine::contacts_changed() {
  if (socket_open_) send(proto::Watch{});
}

Status CallingLine::ring(const std::vector<int>& callees, bool audio_only, std::int64_t now_ms,
                         const std::string& into_room) {
  if (callees.empty()) return Error{"nobody", "Choose whom to call first."};
  now_ms_ = now_ms;
  if (outgoing_ && !outgoing_->over) return Error{"busy-ringing", "You are already calling."};
  if (!socket_open_) return Error{"not-connected", "There is no connection to the server right now."};
  OutgoingRing ring;
  ring.audio_only = audio_only;
  ring.room = into_room;
  ring.into_room = !into_room.empty();
  ring.started_ms = now_ms;
  for (int account : callees) ring.callees.push_back({account, CalleeState::Ringing, 0});
  outgoing_ = std::move(ring);
  outcome_ = RingOutcome::None;
  send(proto::RingStart{callees, audio_only, into_room});
  changed_ = true;
  return Ok{};
}

void CallingLine::stop() {
  if (!outgoing_ || outgoing_->over) return;
  if (!outgoing_->id.empty()) send(proto::RingStop{outgoing_->id});
  outgoing_.reset();  // hung up: nothing more to show of it, whatever the server says after
  changed_ = true;
}

void CallingLine::answer() {
  if (!incoming_) return;
  send(proto::RingAnswer{incoming_->id});
  // The answer ("ring-over" with the room) decides; until then the ring stays on screen.
  incoming_->answering = true;
  changed_ = true;
}

void CallingLine::decline() {
  if (!incoming_) return;
  send(proto::RingDecline{incoming_->id});
  show_next_ring();
  changed_ = true;
}

void CallingLine::show_next_ring() {
  incoming_.reset();
  if (waiting_rings_.empty()) return;
  incoming_ = waiting_rings_.front();
  waiting_rings_.erase(waiting_rings_.begin());
}

std::optional<CallToJoin> CallingLine::take_call_to_join() { return std::exchange(call_to_join_, std::nullopt); }

proto::Presence CallingLine::presence(int account) const {
  auto it = presence_.find(account);
  return it == presence_.end() ? proto::Presence::Offline : it->second;
}

bool CallingLine::update(std::int64_t now_ms) {
  now_ms_ = now_ms;
  if (socket_) {
    for (auto& e : socket_->take_events()) {
      if (e.kind == platform::SocketEvent::Kind::Opened) {
        socket_open_ = true;
        attempt_ = 0;
        send(proto::Hello{"treff-web/0.1"});
        send(proto::Watch{});
      } else if (e.kind == platform::SocketEvent::Kind::Message) {
        unanswered_ping_ms_ = 0;
        on_message(e.text, now_ms);
      } else {
        lost(now_ms);
        break;
      }
    }
  }
  if (open_ && socket_) {
    if (!socket_open_ && now_ms - connect_started_ms_ > kConnectTimeoutMs) {
      lost(now_ms);
    } else if (socket_open_ && unanswered_ping_ms_ && now_ms - unanswered_ping_ms_ > kSilenceMs) {
      lost(now_ms);
    } else if (socket_open_ && now_ms - last_sent_ms_ > kHeartbeatMs) {
      send(proto::Ping{});
      if (!unanswered_ping_ms_) unanswered_ping_ms_ = now_ms;
    }
  }
  if (open_ && !socket_ && now_ms >= reconnect_at_ms_) connect(now_ms);
  // A ring whose answer never came (a server that went quiet) ends on its own time here too.
  if (incoming_ && now_ms > incoming_->deadline_ms + 2000) {
    outcome_caller_ = incoming_->caller_name;
    incoming_.reset();
    outcome_ = RingOutcome::Missed;
    changed_ = true;
  }
  return std::exchange(changed_, false);
}

void CallingLine::lost(std::int64_t now_ms) {
  if (socket_) socket_->close();
  socket_.reset();
  socket_open_ = false;
  // Who is online is not known again until the server says so: no stale "online" to ring.
  presence_known_ = false;
  reconnect_at_ms_ = now_ms + reconnect_delay_ms(attempt_++);
  // The server forgets a ring whose line broke: say plainly that this call did not happen.
  if ((outgoing_ && !outgoing_->over) || incoming_) outcome_ = RingOutcome::ConnectionLost;
  if (incoming_) outcome_caller_ = incoming_->caller_name;
  if (outgoing_ && !outgoing_->over) outgoing_.reset();
  incoming_.reset();
  waiting_rings_.clear();
  changed_ = true;
}

void CallingLine::on_message(const std::string& text, std::int64_t now_ms) {
  auto parsed = proto::parse_server_message(text);
  if (!parsed) return;  // not for this line (or broken): nothing to act on
  const proto::ServerMessage& m = parsed.value();
  if (const auto* p = std::get_if<proto::PresenceUpdate>(&m)) {
    if (p->complete) presence_.clear();
    for (const auto& e : p->entries) presence_[e.account] = e.state;
    presence_known_ = true;
    changed_ = true;
  } else if (const auto* progress = std::get_if<proto::RingProgress>(&m)) {
    on_progress(*progress, now_ms);
  } else if (const auto* ring = std::get_if<proto::IncomingRing>(&m)) {
    IncomingRing in{ring->ring, ring->caller, ring->caller_name, ring->audio_only, now_ms, now_ms + ring->ms_left};
    if (incoming_) waiting_rings_.push_back(std::move(in));
    else incoming_ = std::move(in);
    outcome_ = RingOutcome::None;
    changed_ = true;
  } else if (const auto* over = std::get_if<proto::RingOver>(&m)) {
    const bool shown = incoming_ && incoming_->id == over->ring;
    waiting_rings_.erase(std::remove_if(waiting_rings_.begin(), waiting_rings_.end(),
                                        [&](const IncomingRing& r) { return r.id == over->ring; }),
                         waiting_rings_.end());
    if (!shown) return;
    outcome_caller_ = incoming_->caller_name;
    if (over->reason == "answered") {
      call_to_join_ = CallToJoin{over->room, incoming_->audio_only};
      outcome_ = RingOutcome::None;
    } else if (over->reason == "answered-elsewhere") {
      outcome_ = RingOutcome::AnsweredElsewhere;
    } else if (over->reason == "cancelled" || over->reason == "caller-gone") {
      outcome_ = RingOutcome::CallerStopped;
    } else if (over->reason == "timed-out") {
      outcome_ = RingOutcome::Missed;
    } else if (over->reason == "server-stopping") {
      outcome_ = RingOutcome::ConnectionLost;  // a restart: the server forgets the ring
    } else {
      outcome_ = RingOutcome::None;  // declined here (or on another device): nothing to tell
    }
    show_next_ring();
    changed_ = true;
  } else if (const auto* error = std::get_if<proto::ErrorReply>(&m)) {
    // A refused ring ends here; errors of a ring already over (a second click) change nothing.
    if (outgoing_ && outgoing_->id.empty()) {
      outgoing_.reset();
      outcome_ = RingOutcome::Refused;
      problem_ = error->code;
      changed_ = true;
    } else if (error->code != "ring-over") {
      outcome_ = RingOutcome::Refused;
      problem_ = error->code;
      changed_ = true;
    } else if (incoming_ && incoming_->answering) {
      // Answered too late: the ring ended meanwhile.
      outcome_caller_ = incoming_->caller_name;
      incoming_.reset();
      outcome_ = RingOutcome::CallerStopped;
      changed_ = true;
    }
  }
}

void CallingLine::on_progress(const proto::RingProgress& m, std::int64_t now_ms) {
  if (!outgoing_) return;  // stopped here meanwhile
  if (outgoing_->id.empty()) {
    outgoing_->id = m.ring;
    outgoing_->room = m.room;
    // The caller waits in the call; from a room, they are there already.
    if (!outgoing_->into_room) call_to_join_ = CallToJoin{m.room, outgoing_->audio_only};
  } else if (outgoing_->id != m.ring) {
    return;
  }
  outgoing_->callees.clear();
  for (const auto& c : m.callees) outgoing_->callees.push_back({c.account, c.state, now_ms + c.ms_left});
  outgoing_->over = m.over;
  if (m.over) outcome_ = caller_outcome(*outgoing_);
  changed_ = true;
}

RingOutcome CallingLine::caller_outcome(const OutgoingRing& ring) {
  auto any = [&](CalleeState s) {
    return std::any_of(ring.callees.begin(), ring.callees.end(), [s](const OutgoingRing::Callee& c) { return c.state == s; });
  };
  if (any(CalleeState::Answered)) return RingOutcome::None;
  if (any(CalleeState::Declined)) return RingOutcome::Declined;
  if (any(CalleeState::TimedOut)) return RingOutcome::NotAnswered;
  if (any(CalleeState::Busy)) return RingOutcome::Busy;
  return RingOutcome::Offline;
}

void CallingLine::send(const proto::ClientMessage& m) {
  if (socket_ && socket_->send(proto::serialize(m))) last_sent_ms_ = now_ms_;
}

}  // namespace treff
