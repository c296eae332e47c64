#include "server/signaling_hub.h"

#include <algorithm>
#include <iterator>

namespace treff::server {

// The real limits are set by SignalingHub::connect.
HubClient::HubClient() : rate_(0, 0), password_attempts_(0, 0) {}

SignalingHub::SignalingHub(HubLimits limits, PasswordVault& vault, IceServerSource* ice, ResumeTokens tokens,
                           JanusRooms janus)
    : limits_(limits),
      vault_(vault),
      ice_(ice),
      tokens_(std::move(tokens)),
      janus_(std::move(janus)),
      switchboard_(limits.calling, limits.room_limit, [this](const std::string& room) { return rooms_.count(room) > 0; },
                   [this](int account, const std::string& room) { return seated_in(account, room); }) {}

SignalingHub::Member* SignalingHub::Room::find(const std::string& id) {
  for (auto& m : members)
    if (m.id == id) return &m;
  return nullptr;
}

SignalingHub::Member* SignalingHub::Room::find(const HubClient& client) {
  for (auto& m : members)
    if (m.client == &client) return &m;
  return nullptr;
}

void SignalingHub::Member::deliver(SharedText text, Clock::time_point now) {
  if (client) {
    client->deliver(std::move(text));
    return;
  }
  if (waiting.size() >= 256 || waiting_bytes + text->size() > 512 * 1024) {
    held_until = now;  // too much missed to catch up: expire_seats gives the seat up
    return;
  }
  waiting_bytes += text->size();
  waiting.push_back(std::move(text));
}

proto::RoomInfo SignalingHub::Room::info() const {
  return {password_hash.has_value(), members.empty() ? std::string() : members.front().id};
}

void SignalingHub::connect(HubClient& client, std::string address, std::optional<proto::SignedInAccount> account) {
  client.account_ = std::move(account);
  client.rate_ = RateLimiter(limits_.messages_per_second, limits_.message_burst);
  client.password_attempts_ = RateLimiter(limits_.password_attempts_per_second, limits_.password_attempts_burst);
  client.address_ = std::move(address);
  // A refused connection is never registered (serial 0): it is told why, and closed.
  if (by_serial_.size() >= limits_.max_connections) {
    reply_error(client, "server-full", "This server is full right now. Please try again in a few minutes.");
    client.close(CloseReason::TryAgainLater);
    return;
  }
  std::size_t& from_address = connections_by_address_[client.address_];
  if (from_address >= limits_.connections_per_address) {
    reply_error(client, "too-many-connections",
                "Too many connections from your address (at most " + std::to_string(limits_.connections_per_address) +
                    "). Close Treff in other tabs, or try again later.");
    client.close(CloseReason::PolicyViolation);
    return;
  }
  ++from_address;
  client.serial_ = next_serial_++;
  by_serial_[client.serial_] = &client;
}

HubClient* SignalingHub::client(std::uint64_t serial) {
  auto it = by_serial_.find(serial);
  return it == by_serial_.end() ? nullptr : it->second;
}

void SignalingHub::on_message(HubClient& c, std::string_view text) {
  if (!c.serial_) return;  // refused at connect; closing
  if (!c.rate_.allow()) {
    // Tell the client once, then drop silently; errors must not amplify a flood.
    if (c.dropped_++ == 0)
      reply_error(c, "rate-limited", "Too many messages: slow down. Some were dropped.");
    if (c.dropped_ >= limits_.dropped_before_close) c.close(CloseReason::PolicyViolation);
    return;
  }
  c.dropped_ = 0;
  auto parsed = proto::parse_client_message(text);
  if (!parsed) {
    reply_error(c, parsed.error().code, parsed.error().message);
    return;
  }
  std::visit([&](const auto& m) { handle(c, m); }, parsed.value());
}

void SignalingHub::on_binary_message(HubClient& c) {
  if (!c.serial_) return;
  reply_error(c, "bad-json", "Binary messages are not accepted; send JSON text.");
}

void SignalingHub::disconnect(HubClient& c, Goodbye goodbye) {
  if (!by_serial_.erase(c.serial_)) return;
  auto from_address = connections_by_address_.find(c.address_);
  if (from_address != connections_by_address_.end() && --from_address->second == 0)
    connections_by_address_.erase(from_address);
  Room* room = room_of(c);
  Member* member = room ? room->find(c) : nullptr;
  if (!member || goodbye == Goodbye::Said || shutting_down_ || limits_.seat_hold_seconds <= 0) {
    leave_room(c);
  } else {
    // No "leave": a closed laptop, a lost network or a killed tab. The others hear of it only if
    // nobody takes the seat again in time (expire_seats).
    member->client = nullptr;
    member->held_until = Clock::now() + std::chrono::duration_cast<Clock::duration>(
                                            std::chrono::duration<double>(limits_.seat_hold_seconds));
    unseat(c);
  }
  if (c.account_) switchboard_.connection_closed(c.serial_, c.account_->id);
}

void SignalingHub::expire_seats(Clock::time_point now) {
  std::vector<std::pair<std::string, std::string>> over;  // room, id
  for (const auto& [name, room] : rooms_)
    for (const Member& m : room.members)
      if (!m.client && m.held_until <= now) over.emplace_back(name, m.id);
  for (const auto& [room, id] : over) give_up_seat(room, id);
  switchboard_.expire(now);
}

void SignalingHub::close_all() {
  shutting_down_ = true;  // everyone goes: no peer-left for each of them
  switchboard_.server_stopping();
  // close() may disconnect at once, which erases from by_serial_: iterate over a copy.
  std::vector<HubClient*> all;
  for (const auto& [serial, c] : by_serial_) all.push_back(c);
  for (HubClient* c : all) c->close(CloseReason::GoingAway);
}

void SignalingHub::handle(HubClient& c, const proto::Ping&) {
  static const SharedText pong = std::make_shared<const std::string>(proto::serialize(proto::Pong{}));
  c.deliver(pong);
}

void SignalingHub::handle(HubClient& c, const proto::Hello&) {
  send(c, proto::Welcome{"treff-server/0.1", static_cast<int>(limits_.room_limit), proto::kMaxMessageBytes,
                         c.account_});
}

void SignalingHub::handle(HubClient& c, const proto::Join& m) {
  if (!c.room_.empty()) {
    reply_error(c, "already-joined", "You are already in a room; leave it first.");
    return;
  }
  if (c.password_busy_) {
    reply_error(c, "busy", "Your password is still being checked; wait for the answer.");
    return;
  }
  if (!switchboard_.may_enter(m.room, account_of(c))) {
    reply_error(c, "private-call", "This call is private: only the people who were called can join it.");
    return;
  }
  if (resume(c, m)) return;
  const auto [password_hash, lock_serial] = lock_of(m.room);
  // Someone inside rang this person into the room: that is as good as its password.
  if (!password_hash || switchboard_.invited_into(m.room, account_of(c))) {
    admit(c, m);
    return;
  }
  if (!m.password) {
    reply_error(c, "password-required", "This room is locked. Enter its password to join.");
    return;
  }
  if (!allow_password_attempt(c)) return;
  const std::uint64_t serial = c.serial_;
  const bool queued = vault_.verify(**password_hash, *m.password, [this, serial, m, lock_serial = lock_serial](bool matches) {
    on_password_checked(serial, m, lock_serial, matches);
  });
  if (!queued) {
    reply_error(c, "busy", "The server is busy checking passwords. Please try again in a moment.");
    return;
  }
  c.password_busy_ = true;
}

void SignalingHub::on_password_checked(std::uint64_t serial, const proto::Join& m, std::uint64_t lock_serial,
                                       bool matches) {
  HubClient* c = client(serial);
  if (!c) return;  // gone meanwhile
  c->password_busy_ = false;
  const auto [password_hash, now_serial] = lock_of(m.room);
  if (!password_hash || now_serial != lock_serial) {
    handle(*c, m);  // the room emptied or its password changed meanwhile: decide again
    return;
  }
  if (!matches) {
    reply_error(*c, "wrong-password", "That is not the password of this room.");
    return;
  }
  admit(*c, m);
}

// Each guess costs the guesser a token per connection and per address, so neither many guesses on
// one connection nor many connections from one place get far; the server says when to try again.
bool SignalingHub::allow_password_attempt(HubClient& c) {
  const auto now = RateLimiter::Clock::now();
  if (attempts_by_address_.size() > 10000) {  // bounded: forget addresses that are quiet again
    for (auto it = attempts_by_address_.begin(); it != attempts_by_address_.end();)
      it = it->second.full(now) ? attempts_by_address_.erase(it) : std::next(it);
  }
  auto address = attempts_by_address_
                     .try_emplace(c.address_, limits_.address_attempts_per_second, limits_.address_attempts_burst)
                     .first;
  if (c.password_attempts_.allow(now) && address->second.allow(now)) return true;
  reply_error(c, "too-many-attempts", "Too many password attempts. Wait a minute, then try again.");
  return false;
}

// Joins per address: one place cannot fill the server's rooms (or retry a full one) in a loop.
bool SignalingHub::allow_join(HubClient& c) {
  const auto now = RateLimiter::Clock::now();
  if (joins_by_address_.size() > 10000) {  // bounded: forget addresses that are quiet again
    for (auto it = joins_by_address_.begin(); it != joins_by_address_.end();)
      it = it->second.full(now) ? joins_by_address_.erase(it) : std::next(it);
  }
  auto address = joins_by_address_.try_emplace(c.address_, limits_.joins_per_minute / 60, limits_.joins_per_minute).first;
  if (address->second.allow(now)) return true;
  reply_error(c, "too-many-joins", "Too many joins from your address. Wait a minute, then try again.");
  return false;
}

std::pair<const std::optional<std::string>*, std::uint64_t> SignalingHub::lock_of(const std::string& room_name) {
  if (auto it = rooms_.find(room_name); it != rooms_.end()) {
    const Room& room = it->second;
    return {room.password_hash ? &room.password_hash : nullptr, room.lock_serial};
  }
  if (const JanusRooms::Place* place = janus_.find(room_name, Clock::now()))
    return {place->password_hash ? &place->password_hash : nullptr, place->lock_serial};
  return {nullptr, 0};
}

bool SignalingHub::send_to_janus(HubClient& c, const std::string& room_name) {
  if (!janus_.enabled()) return false;
  JanusRooms::Place* place = janus_.find(room_name, Clock::now());
  if (!place) {
    auto it = rooms_.find(room_name);
    if (!janus_.due((it == rooms_.end() ? 0 : it->second.members.size()) + 1)) return false;
    place = &move_to_janus(room_name);
  }
  place->last_join = Clock::now();  // a join, not a password check, keeps the room remembered
  // Janus hands out no TURN credentials: the call's come from here, as for a mesh.
  if (ice_) {
    if (auto config = ice_->for_client()) send(c, *config);
  }
  send(c, place->where);
  return true;
}

JanusRooms::Place& SignalingHub::move_to_janus(const std::string& room_name) {
  auto it = rooms_.find(room_name);
  if (it == rooms_.end()) return janus_.move(room_name, std::nullopt, 0, Clock::now());
  Room& room = it->second;
  JanusRooms::Place& place = janus_.move(room_name, room.password_hash, room.lock_serial, Clock::now());
  // A held seat's person comes back with a join, and is sent there then.
  for (Member& member : room.members) {
    if (!member.client) continue;
    unseat(*member.client);
    send(*member.client, place.where);
  }
  rooms_.erase(it);
  return place;
}

void SignalingHub::admit(HubClient& c, const proto::Join& m, std::string id) {
  if (!allow_join(c)) return;  // counted here: password guesses have their own limit
  if (send_to_janus(c, m.room)) return;
  Room& room = rooms_[m.room];
  if (room.members.size() >= limits_.room_limit) {
    if (room.members.empty()) rooms_.erase(m.room);
    reply_error(c, "room-full",
                "This room is full: at most " + std::to_string(limits_.room_limit) + " people.");
    return;
  }
  if (room.members.empty()) room.serial = next_serial_++;
  if (id.empty()) id = new_id(room);
  std::vector<proto::PeerInfo> peers;
  for (const Member& other : room.members) peers.push_back({other.id, other.name, other.media});
  room.members.push_back({id, &c, m.name, m.media, {}, {}, 0});
  seat(c, m.room, room, room.members.back(), std::move(peers));
  broadcast(room, &c, proto::PeerJoined{{id, m.name, m.media}});
}

// Tells `c` it sits in `member`'s seat: the call's ICE servers, then "joined" with a fresh token.
void SignalingHub::seat(HubClient& c, const std::string& room_name, Room& room, const Member& member,
                        std::vector<proto::PeerInfo> peers) {
  c.id_ = member.id;
  c.room_ = room_name;
  if (c.account_) switchboard_.seated(c.account_->id);
  proto::Joined joined{c.room_, c.id_, std::move(peers), room.info(), tokens_.issue(c.room_, c.id_)};
  // Before "joined": the peer connections the client opens for it need them.
  if (ice_) {
    if (auto config = ice_->for_client()) send(c, *config);
  }
  send(c, joined);
}

bool SignalingHub::resume(HubClient& c, const proto::Join& m) {
  if (!m.resume) return false;
  const std::optional<std::string> id = tokens_.check(m.room, *m.resume);
  if (!id) return false;  // a token of another room or server: an ordinary join
  auto it = rooms_.find(m.room);
  Member* held = it == rooms_.end() ? nullptr : it->second.find(*id);
  if (!held) {
    // No seat to take: a restarted server recreates it while the call is coming back, unless the
    // others were told here that this person left (they closed their connections to them).
    const bool just_started = Clock::now() - started_ < std::chrono::duration<double>(limits_.restart_resume_seconds);
    if (!just_started || (it != rooms_.end() && it->second.departed.count(*id))) return false;
    admit(c, m, *id);
    return true;
  }
  if (!allow_join(c)) return true;
  Room& room = it->second;
  if (HubClient* old = held->client) {
    // The same person from a new connection before this server noticed the old one broke.
    unseat(*old);
    old->close(CloseReason::GoingAway);
  }
  held->client = &c;
  std::vector<proto::PeerInfo> peers;
  for (const Member& other : room.members)
    if (other.id != *id) peers.push_back({other.id, other.name, other.media});
  seat(c, m.room, room, *held, std::move(peers));
  // Then what was missed meanwhile (an offer of someone who came, someone who left), in order.
  for (auto& text : held->waiting) c.deliver(std::move(text));
  held->waiting.clear();
  held->waiting_bytes = 0;
  if (!(held->media == m.media)) {
    held->media = m.media;
    broadcast(room, &c, proto::PeerMedia{*id, m.media});
  }
  return true;
}

// Short random ids: nothing to guess from them, and none a restarted server could hand out twice
// while the tokens of its last run come back.
std::string SignalingHub::new_id(const Room& room) {
  static const char digits[] = "0123456789abcdef";
  for (;;) {
    std::uint64_t bits = random_ids_();
    std::string id;
    for (int i = 0; i < 10; ++i, bits >>= 4) id.push_back(digits[bits & 15]);
    const bool taken = std::any_of(room.members.begin(), room.members.end(), [&](const Member& m) { return m.id == id; });
    if (!taken && !room.departed.count(id)) return id;
  }
}

void SignalingHub::handle(HubClient& c, const proto::SendSignal& m) {
  Room* room = room_of(c);
  if (!room) {
    reply_error(c, "not-joined", "Join a room before sending signals.");
    return;
  }
  Member* target = room->find(m.to);
  if (!target || target->client == &c) {
    reply_error(c, "unknown-peer", "There is nobody with id '" + m.to + "' in your room.");
    return;
  }
  // To a held seat it waits: its person is reconnecting.
  target->deliver(std::make_shared<const std::string>(proto::relayed_signal_text(c.id_, m.signal)), Clock::now());
}

void SignalingHub::handle(HubClient& c, const proto::SetMedia& m) {
  Room* room = room_of(c);
  if (!room) {
    reply_error(c, "not-joined", "Join a room before changing microphone or camera.");
    return;
  }
  room->find(c)->media = m.media;
  broadcast(*room, &c, proto::PeerMedia{c.id_, m.media});
}

void SignalingHub::handle(HubClient& c, const proto::Leave&) {
  if (c.room_.empty()) {
    reply_error(c, "not-joined", "You are not in a room.");
    return;
  }
  leave_room(c);
}

void SignalingHub::handle(HubClient& c, const proto::Lock& m) {
  Room* room = room_for_host(c);
  if (!room) return;
  if (c.password_busy_) {
    reply_error(c, "busy", "The last password is still being stored; wait for it.");
    return;
  }
  const std::uint64_t serial = c.serial_, room_serial = room->serial, lock_serial = room->lock_serial;
  const std::string room_name = c.room_;
  const bool queued = vault_.hash(m.password, [this, serial, room_serial, lock_serial, room_name](std::string encoded) {
    HubClient* host = client(serial);
    if (host) host->password_busy_ = false;
    auto it = rooms_.find(room_name);
    // Only for the room it was meant for, and only while the one who set it is still in it.
    if (!host || host->room_ != room_name || it == rooms_.end() || it->second.serial != room_serial) return;
    // An unlock that came while this was hashed is the host's later word: it stands.
    if (it->second.lock_serial != lock_serial) return;
    if (encoded.empty()) {
      reply_error(*host, "internal", "The password could not be stored. Please try again.");
      return;
    }
    Room& r = it->second;
    r.password_hash = std::move(encoded);
    r.lock_serial = next_serial_++;
    broadcast(r, nullptr, proto::RoomChanged{r.info()});
  });
  if (!queued) {
    reply_error(c, "busy", "The server is busy. Please try again in a moment.");
    return;
  }
  c.password_busy_ = true;
}

void SignalingHub::handle(HubClient& c, const proto::Unlock&) {
  Room* room = room_for_host(c);
  if (!room) return;
  room->password_hash.reset();
  room->lock_serial = next_serial_++;
  broadcast(*room, nullptr, proto::RoomChanged{room->info()});
}

// Fresh TURN credentials for a long call, before the last ones expire. Only for people in a room:
// credentials are for calls, not for anyone who opens a connection.
void SignalingHub::handle(HubClient& c, const proto::IceRequest&) {
  if (c.room_.empty()) {
    reply_error(c, "not-joined", "Join a room before asking for ICE servers.");
    return;
  }
  auto config = ice_ ? ice_->for_client() : std::nullopt;
  send(c, config ? *config : proto::IceConfig{});
}

bool SignalingHub::seated_in(int account, const std::string& room) const {
  auto it = rooms_.find(room);
  if (it == rooms_.end() || account <= 0) return false;
  return std::any_of(it->second.members.begin(), it->second.members.end(),
                     [account](const Member& m) { return m.client && account_of(*m.client) == account; });
}

void SignalingHub::handle(HubClient& c, const proto::Watch&) { switchboard_.on_watch(c, c.serial_, account_of(c)); }

void SignalingHub::handle(HubClient& c, const proto::RingStart& m) {
  switchboard_.on_ring(c, c.serial_, account_of(c), c.account_ ? c.account_->name : std::string(), m);
}

void SignalingHub::handle(HubClient& c, const proto::RingAnswer& m) { switchboard_.on_answer(c, c.serial_, account_of(c), m); }

void SignalingHub::handle(HubClient& c, const proto::RingDecline& m) { switchboard_.on_decline(c, c.serial_, account_of(c), m); }

void SignalingHub::handle(HubClient& c, const proto::RingStop& m) { switchboard_.on_stop(c, c.serial_, account_of(c), m); }

SignalingHub::Room* SignalingHub::room_for_host(HubClient& c) {
  Room* room = room_of(c);
  if (!room) {
    reply_error(c, "not-joined", "Join a room before setting its password.");
    return nullptr;
  }
  if (room->members.front().client != &c) {
    reply_error(c, "not-host", "Only " + room->members.front().name +
                                   ", who has been in the room longest, can set or remove its password.");
    return nullptr;
  }
  return room;
}

void SignalingHub::leave_room(HubClient& c) {
  const std::string room = c.room_, id = c.id_;
  unseat(c);
  if (!room.empty()) give_up_seat(room, id);
}

void SignalingHub::unseat(HubClient& c) {
  if (!c.room_.empty() && c.account_) switchboard_.unseated(c.account_->id);
  c.id_.clear();
  c.room_.clear();
}

void SignalingHub::give_up_seat(const std::string& room_name, const std::string& id) {
  auto it = rooms_.find(room_name);
  if (it == rooms_.end()) return;
  Room& room = it->second;
  auto& members = room.members;
  auto seat = std::find_if(members.begin(), members.end(), [&](const Member& m) { return m.id == id; });
  if (seat == members.end()) return;
  const bool was_host = seat == members.begin();
  members.erase(seat);
  room.departed.insert(id);
  if (members.empty()) {
    rooms_.erase(it);  // and with it the password: nothing of an empty room is kept
  } else if (!shutting_down_) {
    broadcast(room, nullptr, proto::PeerLeft{id});
    if (was_host) broadcast(room, nullptr, proto::RoomChanged{room.info()});  // a new host
  }
}

SignalingHub::Room* SignalingHub::room_of(const HubClient& c) {
  if (c.room_.empty()) return nullptr;
  auto it = rooms_.find(c.room_);
  return it == rooms_.end() ? nullptr : &it->second;
}

void SignalingHub::reply_error(HubClient& c, std::string code, std::string message) {
  send(c, proto::ErrorReply{std::move(code), std::move(message)});
}

void SignalingHub::send(HubClient& c, const proto::ServerMessage& m) {
  c.deliver(std::make_shared<const std::string>(proto::serialize(m)));
}

void SignalingHub::broadcast(Room& room, const HubClient* except, const proto::ServerMessage& m) {
  auto text = std::make_shared<const std::string>(proto::serialize(m));
  const auto now = Clock::now();
  for (Member& member : room.members)
    if (except == nullptr || member.client != except) member.deliver(text, now);  // held seats too
}

}  // namespace treff::server
