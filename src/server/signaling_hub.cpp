#include "server/signaling_hub.h"

#include <algorithm>

namespace treff::server {

// The real limits are set by SignalingHub::connect.
HubClient::HubClient() : rate_(0, 0) {}

SignalingHub::Member* SignalingHub::Room::find(const std::string& id) {
  for (auto& m : members)
    if (m.client->id_ == id) return &m;
  return nullptr;
}

void SignalingHub::connect(HubClient& client) {
  client.rate_ = RateLimiter(limits_.messages_per_second, limits_.message_burst);
  clients_.insert(&client);
}

void SignalingHub::on_message(HubClient& c, std::string_view text) {
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
  reply_error(c, "bad-json", "Binary messages are not accepted; send JSON text.");
}

void SignalingHub::disconnect(HubClient& c) {
  if (!clients_.erase(&c)) return;
  leave_room(c);
}

void SignalingHub::close_all() {
  shutting_down_ = true;  // everyone goes: no peer-left for each of them
  // close() may disconnect at once, which erases from clients_: iterate over a copy.
  const std::vector<HubClient*> all(clients_.begin(), clients_.end());
  for (HubClient* c : all) c->close(CloseReason::GoingAway);
}

void SignalingHub::handle(HubClient& c, const proto::Hello&) {
  send(c, proto::Welcome{"treff-server/0.1", static_cast<int>(limits_.room_limit),
                         proto::kMaxMessageBytes});
}

void SignalingHub::handle(HubClient& c, const proto::Join& m) {
  if (!c.room_.empty()) {
    reply_error(c, "already-joined", "You are already in a room; leave it first.");
    return;
  }
  Room& room = rooms_[m.room];
  if (room.members.size() >= limits_.room_limit) {
    reply_error(c, "room-full",
                "This room is full: at most " + std::to_string(limits_.room_limit) + " people.");
    return;
  }
  c.id_ = std::to_string(next_id_++);
  c.room_ = m.room;

  proto::Joined joined{m.room, c.id_, {}};
  for (const Member& other : room.members)
    joined.peers.push_back({other.client->id_, other.name, other.media});
  room.members.push_back({&c, m.name, m.media});

  send(c, joined);
  broadcast(room, &c, proto::PeerJoined{{c.id_, m.name, m.media}});
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
  send(*target->client, proto::RelayedSignal{c.id_, m.signal});
}

void SignalingHub::handle(HubClient& c, const proto::SetMedia& m) {
  Room* room = room_of(c);
  if (!room) {
    reply_error(c, "not-joined", "Join a room before changing microphone or camera.");
    return;
  }
  room->find(c.id_)->media = m.media;
  broadcast(*room, &c, proto::PeerMedia{c.id_, m.media});
}

void SignalingHub::handle(HubClient& c, const proto::Leave&) {
  if (c.room_.empty()) {
    reply_error(c, "not-joined", "You are not in a room.");
    return;
  }
  leave_room(c);
}

void SignalingHub::leave_room(HubClient& c) {
  Room* room = room_of(c);
  if (room) {
    auto& members = room->members;
    members.erase(std::remove_if(members.begin(), members.end(),
                                 [&](const Member& m) { return m.client == &c; }),
                  members.end());
    if (room->members.empty()) {
      rooms_.erase(c.room_);
    } else if (!shutting_down_) {
      broadcast(*room, nullptr, proto::PeerLeft{c.id_});
    }
  }
  c.id_.clear();
  c.room_.clear();
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

void SignalingHub::broadcast(const Room& room, const HubClient* except, const proto::ServerMessage& m) {
  auto text = std::make_shared<const std::string>(proto::serialize(m));
  for (const Member& member : room.members)
    if (member.client != except) member.client->deliver(text);
}

}  // namespace treff::server
