// The ICE servers treff-server hands every client that joins a room, so that calls cross NATs:
// STUN servers as configured, and TURN relays with short-lived credentials of the TURN REST scheme
// that coturn's `use-auth-secret` checks (username "<unix expiry>:<random id>", credential
// base64(HMAC-SHA1(secret, username))). The shared secret never leaves this object: not to a
// client, not to a log.
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/protocol.h"
#include "core/result.h"

namespace treff::server {

// The credential for `username` under the relay's shared secret.
std::string turn_rest_credential(std::string_view secret, std::string_view username);

// Why `url` is not a usable --stun (turn = false) or --turn address; nullopt when it is. Accepts
// stun:host[:port], turn:host[:port][?transport=udp|tcp], turns:host[:port][?transport=tcp].
std::optional<std::string> ice_url_problem(const std::string& url, bool turn);

// The shared secret from --turn-secret-file: refused when missing, empty, or readable by everyone
// on the machine. A trailing newline is not part of it.
Result<std::string> read_turn_secret(const std::string& path);

// What the hub asks for; the interface lets its tests give fixed answers.
class IceServerSource {
 public:
  virtual ~IceServerSource() = default;
  // The servers for one client, with fresh credentials; nullopt when the server has none.
  virtual std::optional<proto::IceConfig> for_client() = 0;
};

class TurnRestIceServers final : public IceServerSource {
 public:
  using UnixClock = std::function<std::int64_t()>;  // seconds since 1970
  TurnRestIceServers(std::vector<std::string> stun_urls, std::vector<std::string> turn_urls, std::string secret,
                     int ttl_seconds, UnixClock now = nullptr);
  std::optional<proto::IceConfig> for_client() override;

 private:
  std::vector<std::string> stun_urls_, turn_urls_;
  std::string secret_;
  int ttl_seconds_;
  UnixClock now_;
};

}  // namespace treff::server
