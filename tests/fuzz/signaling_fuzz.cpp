// Fuzzes the signaling protocol as treff-server meets it: the input is a conversation, one message
// per line, the first byte of each line choosing which of three connections sends it, all going
// through the real SignalingHub. Checks what must always hold: every message is answered or
// relayed without a crash, a message the parser accepts serializes and parses back to the same
// text, and everything the hub sends is a valid server message (a room's move to Janus included).
#include <chrono>
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "core/protocol.h"
#include "server/signaling_hub.h"

namespace {

using treff::server::CloseReason;
using treff::server::HubClient;
using treff::server::SharedText;

// Answers after the message that asked, as the real vault's worker threads do (through the I/O
// thread), with no threads here: a hash is the password behind a marker.
class QuickVault : public treff::server::PasswordVault {
 public:
  bool hash(std::string password, std::function<void(std::string)> done) override {
    pending_.push_back([=] { done("hashed:" + password); });
    return true;
  }
  bool verify(std::string encoded, std::string password, std::function<void(bool)> done) override {
    pending_.push_back([=] { done(encoded == "hashed:" + password); });
    return true;
  }
  void answer() {
    auto now = std::move(pending_);
    pending_.clear();
    for (auto& f : now) f();
  }

 private:
  std::vector<std::function<void()>> pending_;
};

class Connection : public HubClient {
 public:
  void deliver(SharedText text) override {
    // What the hub sends must be what clients can read.
    if (!treff::proto::parse_server_message(*text)) std::abort();
  }
  void close(CloseReason) override { closed = true; }
  bool closed = false;
};

void check_round_trip(std::string_view text) {
  const auto parsed = treff::proto::parse_client_message(text);
  if (!parsed) return;
  const std::string once = treff::proto::serialize(parsed.value());
  const auto again = treff::proto::parse_client_message(once);
  if (!again || treff::proto::serialize(again.value()) != once) std::abort();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  QuickVault vault;
  treff::server::HubLimits limits;
  limits.room_limit = 3;
  // A room's third person moves it to a Janus: the fuzzer reaches the mesh and the move.
  treff::server::SignalingHub hub(limits, vault, nullptr, treff::server::ResumeTokens::ephemeral(),
                                  treff::server::JanusRooms({"ws://127.0.0.1:8188"}, 3));
  std::vector<std::unique_ptr<Connection>> connections;
  for (int i = 0; i < 3; ++i) {
    connections.push_back(std::make_unique<Connection>());
    hub.connect(*connections.back(), i == 2 ? "198.51.100.2" : "198.51.100.1");
  }
  std::string_view rest(reinterpret_cast<const char*>(data), size);
  while (!rest.empty()) {
    const std::size_t end = rest.find('\n');
    std::string_view line = rest.substr(0, end);
    rest = end == std::string_view::npos ? std::string_view() : rest.substr(end + 1);
    if (line.empty()) continue;
    auto& slot = connections[static_cast<unsigned char>(line[0]) % 3];
    Connection& from = *slot;
    line.remove_prefix(1);
    // Two words act instead of sending: a connection that breaks (its seat is held, and a new
    // connection takes its place), and the time of every held seat running out.
    if (line == "drop") {
      hub.disconnect(from, treff::server::Goodbye::NotSaid);
      slot = std::make_unique<Connection>();
      hub.connect(*slot, "198.51.100.3");
      continue;
    }
    if (line == "expire") {
      hub.expire_seats(treff::server::SignalingHub::Clock::now() + std::chrono::hours(1));
      continue;
    }
    check_round_trip(line);
    if (!from.closed) hub.on_message(from, line);
    vault.answer();
  }
  for (auto& c : connections) hub.disconnect(*c, treff::server::Goodbye::NotSaid);
  hub.expire_seats(treff::server::SignalingHub::Clock::now() + std::chrono::hours(1));
  return 0;
}
