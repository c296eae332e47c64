#include "server/switchboard.h"

#include <algorithm>

#include "core/room_names.h"
#include "server/random_secret.h"
#include "server/signaling_hub.h"

namespace treff::server {

namespace {

// After a ring has ended, how long its private room stays open for those who answered but have not
// arrived yet (a slow phone), when nobody is in it.
constexpr auto kPrivateRoomGrace = std::chrono::seconds(60);
}  // namespace

Switchboard::Switchboard(CallingLimits limits, std::size_t max_people, RoomInUse room_in_use, SeatedIn seated_in)
    : limits_(limits), max_people_(max_people), room_in_use_(std::move(room_in_use)), seated_in_(std::move(seated_in)) {}

std::int64_t Switchboard::ms(Clock::time_point t) const {
  return std::chrono::duration_cast<std::chrono::milliseconds>(t - epoch_).count();
}

Switchboard::Line* Switchboard::line(std::uint64_t serial) {
  auto it = lines_.find(serial);
  return it == lines_.end() ? nullptr : &it->second;
}

proto::Presence Switchboard::presence(int account) const {
  auto seated = seated_.find(account);
  if (seated != seated_.end() && seated->second > 0) return proto::Presence::InCall;
  auto lines = lines_of_.find(account);
  return lines != lines_of_.end() && !lines->second.empty() ? proto::Presence::Online : proto::Presence::Offline;
}

void Switchboard::on_watch(HubClient& c, std::uint64_t serial, int account) {
  if (!directory_ || account <= 0) {
    refuse(c, "not-logged-in", "Log in to see your contacts and call them.");
    return;
  }
  Line* l = line(serial);
  if (!l) {
    const proto::Presence before = presence(account);
    l = &lines_.emplace(serial, Line{&c, account, RateLimiter(limits_.watches_per_second, limits_.watches_burst), {}})
             .first->second;
    lines_of_[account].insert(serial);
    announce(account, before);
  }
  if (!l->watches.allow()) {
    refuse(c, "too-many-watches", "Your contact list was asked for too often. Wait a few seconds.");
    return;
  }
  const bool asked = directory_->reachable_from(account, [this, serial](std::optional<Reachable> reachable) {
    Line* watcher = line(serial);
    if (!watcher) return;  // the line closed meanwhile
    if (!reachable) {
      refuse(*watcher->client, "internal", "Your contacts could not be read. Please try again.");
      return;
    }
    for (int old : watcher->watching) watchers_[old].erase(serial);
    // Contacts for the contact list, colleagues for a room's invite panel: one presence each.
    std::set<int> watched(reachable->contacts.begin(), reachable->contacts.end());
    watched.insert(reachable->colleagues.begin(), reachable->colleagues.end());
    watcher->watching.assign(watched.begin(), watched.end());
    proto::PresenceUpdate update{{}, true};
    for (int contact : watcher->watching) {
      watchers_[contact].insert(serial);
      update.entries.push_back({contact, presence(contact)});
    }
    send(*watcher->client, update);
  });
  if (!asked) refuse(c, "busy", "The server is busy. Please try again in a moment.");
}

void Switchboard::on_ring(HubClient& c, std::uint64_t serial, int account, const std::string& name,
                          const proto::RingStart& m) {
  if (!directory_ || account <= 0) {
    refuse(c, "not-logged-in", "Log in to call your contacts.");
    return;
  }
  if (!line(serial)) {
    refuse(c, "not-watching", "Open your contact list before calling.");
    return;
  }
  if (std::find(m.callees.begin(), m.callees.end(), account) != m.callees.end()) {
    refuse(c, "ring-self", "You cannot call yourself.");
    return;
  }
  if (m.callees.size() + 1 > max_people_) {
    refuse(c, "too-many-callees", "A call can have at most " + std::to_string(max_people_) + " people.");
    return;
  }
  if (is_calling(account)) {
    refuse(c, "already-calling", "You are already calling. Stop that call first.");
    return;
  }
  if (!m.room.empty() && !seated_in_(account, m.room)) {
    refuse(c, "not-in-room", "You can only invite people into the room you are in.");
    return;
  }
  const auto now = Clock::now();
  if (rings_by_account_.size() > 10000) {  // bounded: forget accounts that are quiet again
    for (auto it = rings_by_account_.begin(); it != rings_by_account_.end();)
      it = it->second.full(now) ? rings_by_account_.erase(it) : std::next(it);
  }
  auto limiter = rings_by_account_.try_emplace(account, limits_.rings_per_second, limits_.rings_burst).first;
  if (!limiter->second.allow(now)) {
    refuse(c, "too-many-rings", "You started too many calls in a short time. Wait a minute, then try again.");
    return;
  }
  const bool asked = directory_->reachable_from(account, [this, serial, account, name, m](std::optional<Reachable> reachable) {
    Line* l = line(serial);
    if (!l) return;  // the caller's line closed meanwhile: nobody to ring for
    if (!reachable) {
      refuse(*l->client, "internal", "Your contacts could not be read. Please try again.");
      return;
    }
    start_ring(serial, account, name, m, *reachable);
  });
  if (!asked) refuse(c, "busy", "The server is busy. Please try again in a moment.");
}

void Switchboard::start_ring(std::uint64_t serial, int account, const std::string& name, const proto::RingStart& m,
                             const Reachable& reachable) {
  Line& caller = *line(serial);
  const bool into_room = !m.room.empty();
  const auto knows = [](const std::vector<int>& people, int id) { return std::find(people.begin(), people.end(), id) != people.end(); };
  for (int callee : m.callees) {
    if (into_room && !knows(reachable.contacts, callee) && !knows(reachable.colleagues, callee)) {
      refuse(*caller.client, "not-a-colleague", "From a room you can call the people of your organisation and your contacts.");
      return;
    }
    if (!into_room && !knows(reachable.contacts, callee)) {
      refuse(*caller.client, "not-a-contact", "You can only call people in your contact list.");
      return;
    }
  }
  if (is_calling(account)) {  // a second "ring" sent before the first was answered
    refuse(*caller.client, "already-calling", "You are already calling. Stop that call first.");
    return;
  }
  if (into_room && !seated_in_(account, m.room)) {  // left the room while the directory was read
    refuse(*caller.client, "not-in-room", "You can only invite people into the room you are in.");
    return;
  }
  const auto now = Clock::now();
  const std::string id = random_hex<8>(), room = into_room ? m.room : random_room_name(random_bytes<kRandomRoomBytes>());
  ActiveRing r{Ring(account, m.callees, ms(now), static_cast<std::int64_t>(limits_.ring_seconds * 1000)), room,
               into_room, m.audio_only, serial, name, now};
  // A ring's own room admits its people; a ring from a ring's room adds the new callees to it.
  const bool private_room = !into_room || private_rooms_.count(room) > 0;
  if (private_room) private_rooms_[room].accounts.insert(account);
  for (int callee : m.callees) {
    if (private_room) private_rooms_[room].accounts.insert(callee);
    const proto::Presence state = presence(callee);
    if (state == proto::Presence::Offline) r.ring.ended_for(callee, CalleeState::Offline);
    if (state == proto::Presence::InCall) r.ring.ended_for(callee, CalleeState::Busy);
  }
  auto it = rings_.emplace(id, std::move(r)).first;
  const proto::IncomingRing incoming{id, account, name, m.audio_only,
                                     static_cast<std::int64_t>(limits_.ring_seconds * 1000)};
  for (const Callee& callee : it->second.ring.callees()) {
    if (callee.state != CalleeState::Ringing) continue;
    for (std::uint64_t s : lines_of_[callee.account]) send_to_line(s, incoming);
  }
  report(id);
}

bool Switchboard::is_calling(int account) const {
  return std::any_of(rings_.begin(), rings_.end(), [account](const auto& r) { return r.second.ring.caller() == account; });
}

Switchboard::ActiveRing* Switchboard::callee_ring(HubClient& c, const std::string& id, int account) {
  auto it = rings_.find(id);
  if (it == rings_.end() || !it->second.ring.find(account)) {
    refuse(c, "ring-over", "This call has already ended.");
    return nullptr;
  }
  return &it->second;
}

void Switchboard::on_answer(HubClient& c, std::uint64_t serial, int account, const proto::RingAnswer& m) {
  ActiveRing* r = callee_ring(c, m.ring, account);
  if (!r) return;
  if (auto ok = r->ring.answer(account, ms(Clock::now())); !ok) {
    refuse(c, "ring-over", "This call has already ended.");
    return;
  }
  // Invited into an ordinary room by someone in it: let in without its password for a while.
  if (r->into_room) invited_[{r->room, account}] = Clock::now() + kPrivateRoomGrace;
  send(c, proto::RingOver{m.ring, "answered", r->room});
  ring_over_for(account, m.ring, "answered-elsewhere", serial);
  report(m.ring);
}

void Switchboard::on_decline(HubClient& c, std::uint64_t, int account, const proto::RingDecline& m) {
  ActiveRing* r = callee_ring(c, m.ring, account);
  if (!r) return;
  if (auto ok = r->ring.decline(account, ms(Clock::now())); !ok) {
    refuse(c, "ring-over", "This call has already ended.");
    return;
  }
  ring_over_for(account, m.ring, "declined");
  report(m.ring);
}

void Switchboard::on_stop(HubClient& c, std::uint64_t, int account, const proto::RingStop& m) {
  auto it = rings_.find(m.ring);
  if (it == rings_.end() || it->second.ring.caller() != account) {
    refuse(c, "ring-over", "This call has already ended.");
    return;
  }
  for (const Callee& callee : it->second.ring.callees())
    if (callee.state == CalleeState::Ringing) ring_over_for(callee.account, m.ring, "cancelled");
  it->second.ring.cancel();
  report(m.ring);
}

void Switchboard::report(const std::string& id) {
  auto it = rings_.find(id);
  if (it == rings_.end()) return;
  ActiveRing& r = it->second;
  const std::int64_t now = ms(Clock::now());
  proto::RingProgress progress{id, r.room, r.audio_only, {}, r.ring.over()};
  for (const Callee& callee : r.ring.callees()) {
    const std::int64_t left = callee.state == CalleeState::Ringing ? std::max<std::int64_t>(0, callee.deadline_ms - now) : 0;
    progress.callees.push_back({callee.account, callee.state, left});
  }
  if (Line* caller = line(r.caller_line)) send(*caller->client, progress);
  if (r.ring.over()) end_ring(it);
}

void Switchboard::end_ring(std::map<std::string, ActiveRing>::iterator it) {
  auto room = private_rooms_.find(it->second.room);
  if (room != private_rooms_.end()) room->second.keep_until = Clock::now() + kPrivateRoomGrace;
  rings_.erase(it);
}

void Switchboard::ring_over_for(int account, const std::string& id, const std::string& reason, std::uint64_t except) {
  auto lines = lines_of_.find(account);
  if (lines == lines_of_.end()) return;
  for (std::uint64_t s : lines->second)
    if (s != except) send_to_line(s, proto::RingOver{id, reason, ""});
}

void Switchboard::server_stopping() {
  for (const auto& [id, r] : rings_)
    for (const Callee& callee : r.ring.callees())
      if (callee.state == CalleeState::Ringing) ring_over_for(callee.account, id, "server-stopping");
  rings_.clear();
}

void Switchboard::connection_closed(std::uint64_t serial, int account) {
  auto it = lines_.find(serial);
  if (it == lines_.end()) return;
  const proto::Presence before = presence(account);
  for (int watched : it->second.watching) watchers_[watched].erase(serial);
  lines_.erase(it);
  auto& mine = lines_of_[account];
  mine.erase(serial);
  const bool last_line = mine.empty();
  if (last_line) lines_of_.erase(account);
  // Rings this line made end with it (its person hung up, or lost the network); the rings for its
  // account end when no line of it is left to answer them.
  std::vector<std::string> touched;
  for (auto& [id, r] : rings_) {
    if (r.caller_line == serial) {
      for (const Callee& callee : r.ring.callees())
        if (callee.state == CalleeState::Ringing) ring_over_for(callee.account, id, "caller-gone");
      r.ring.cancel();
      touched.push_back(id);
    } else if (last_line) {
      const Callee* callee = r.ring.find(account);
      if (callee && callee->state == CalleeState::Ringing) {
        r.ring.ended_for(account, CalleeState::Offline);
        touched.push_back(id);
      }
    }
  }
  for (const auto& id : touched) report(id);
  announce(account, before);
}

void Switchboard::seated(int account) {
  const proto::Presence before = presence(account);
  ++seated_[account];
  announce(account, before);
}

void Switchboard::unseated(int account) {
  const proto::Presence before = presence(account);
  auto it = seated_.find(account);
  if (it == seated_.end()) return;
  if (--it->second <= 0) seated_.erase(it);
  announce(account, before);
}

bool Switchboard::may_enter(const std::string& room, int account) const {
  auto it = private_rooms_.find(room);
  return it == private_rooms_.end() || it->second.accounts.count(account) > 0;
}

bool Switchboard::invited_into(const std::string& room, int account, Clock::time_point now) const {
  auto it = invited_.find({room, account});
  return account > 0 && it != invited_.end() && now < it->second;
}

void Switchboard::expire(Clock::time_point now) {
  std::vector<std::string> changed;
  for (auto& [id, r] : rings_) {
    const std::vector<int> timed_out = r.ring.expire(ms(now));
    for (int account : timed_out) ring_over_for(account, id, "timed-out");
    if (!timed_out.empty()) changed.push_back(id);
  }
  for (const auto& id : changed) report(id);
  for (auto it = invited_.begin(); it != invited_.end();) it = now >= it->second ? invited_.erase(it) : std::next(it);
  for (auto it = private_rooms_.begin(); it != private_rooms_.end();) {
    const bool ringing = std::any_of(rings_.begin(), rings_.end(), [&](const auto& r) { return r.second.room == it->first; });
    const bool forgotten = !ringing && now >= it->second.keep_until && !room_in_use_(it->first);
    it = forgotten ? private_rooms_.erase(it) : std::next(it);
  }
}

void Switchboard::announce(int account, proto::Presence before) {
  const proto::Presence now = presence(account);
  if (now == before) return;
  auto watchers = watchers_.find(account);
  if (watchers == watchers_.end()) return;
  const auto text = std::make_shared<const std::string>(proto::serialize(proto::PresenceUpdate{{{account, now}}, false}));
  for (std::uint64_t s : watchers->second)
    if (Line* l = line(s)) l->client->deliver(text);
}

void Switchboard::send(HubClient& c, const proto::ServerMessage& m) {
  c.deliver(std::make_shared<const std::string>(proto::serialize(m)));
}

void Switchboard::send_to_line(std::uint64_t serial, const proto::ServerMessage& m) {
  if (Line* l = line(serial)) send(*l->client, m);
}

void Switchboard::refuse(HubClient& c, const char* code, const std::string& message) {
  send(c, proto::ErrorReply{code, message});
}

}  // namespace treff::server
