// Rooms and their members; the part of treff-server that speaks the signaling protocol.
//
// Knows nothing of sockets: a connection is a HubClient that can take outgoing text and be
// closed. All calls come from the server's single I/O thread, so there is no locking.
//
// Identity is the hub's: it assigns every participant an id on join, and every message it relays
// names the sender it knows, never what a client claims. Signals go only to members of the
// sender's own room.
#pragma once

#include <cstdint>
#include <map>
#include <set>
#include <memory>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "core/protocol.h"
#include "server/rate_limiter.h"

namespace treff::server {

using SharedText = std::shared_ptr<const std::string>;

// WebSocket close codes the hub asks for.
enum class CloseReason { GoingAway = 1001, PolicyViolation = 1008 };

class HubClient {
 public:
  HubClient();
  virtual ~HubClient() = default;
  HubClient(const HubClient&) = delete;
  HubClient& operator=(const HubClient&) = delete;

  virtual void deliver(SharedText text) = 0;
  // Sends what is queued, then closes.
  virtual void close(CloseReason reason) = 0;

 private:
  friend class SignalingHub;
  std::string id_;    // empty until joined
  std::string room_;  // empty until joined
  RateLimiter rate_;
  int dropped_ = 0;   // messages dropped for the rate limit since the last accepted one
};

struct HubLimits {
  std::size_t room_limit = 8;
  double messages_per_second = 100;
  double message_burst = 400;
  int dropped_before_close = 200;  // a client that keeps flooding is disconnected
};

class SignalingHub {
 public:
  explicit SignalingHub(HubLimits limits) : limits_(limits) {}

  void connect(HubClient& client);
  void on_message(HubClient& client, std::string_view text);
  void on_binary_message(HubClient& client);
  // The connection is gone (or going): leaves its room. Safe to call twice.
  void disconnect(HubClient& client);
  // Server shutdown: every client is told to go away.
  void close_all();

  std::size_t connection_count() const { return clients_.size(); }
  std::size_t room_count() const { return rooms_.size(); }

 private:
  struct Member {
    HubClient* client;
    std::string name;
    proto::MediaState media;
  };
  struct Room {
    std::vector<Member> members;  // in join order; rooms are small, so lookups are linear
    Member* find(const std::string& id);
  };

  void handle(HubClient& c, const proto::Hello& m);
  void handle(HubClient& c, const proto::Join& m);
  void handle(HubClient& c, const proto::SendSignal& m);
  void handle(HubClient& c, const proto::SetMedia& m);
  void handle(HubClient& c, const proto::Leave& m);

  void leave_room(HubClient& c);
  void reply_error(HubClient& c, std::string code, std::string message);
  void send(HubClient& c, const proto::ServerMessage& m);
  void broadcast(const Room& room, const HubClient* except, const proto::ServerMessage& m);
  Room* room_of(const HubClient& c);

  HubLimits limits_;
  std::set<HubClient*> clients_;
  std::map<std::string, Room> rooms_;
  std::uint64_t next_id_ = 1;
  bool shutting_down_ = false;
};

}  // namespace treff::server
