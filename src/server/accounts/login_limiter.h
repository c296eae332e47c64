// Guessing passwords: a few tries at once, then one now and then, both per account (someone
// trying many passwords for one person) and per address (one machine trying many people). Modelled
// on the room password limiter. Entries that are whole again are dropped, so memory stays bounded.
#pragma once

#include <string>
#include <unordered_map>

#include "server/rate_limiter.h"

namespace treff::server {

class LoginLimiter {
 public:
  // Per account: 5 tries, then one every 20 s (a person who mistypes is not locked out for long).
  // Per address: 20 tries, then one every 3 s (a care home's residents share one address).
  static constexpr double kAccountBurst = 5, kAccountPerSecond = 1.0 / 20;
  static constexpr double kAddressBurst = 20, kAddressPerSecond = 1.0 / 3;
  static constexpr std::size_t kMaxTracked = 100000;

  // Whether a try for `account_key` (the e-mail address in lower case) from `address` may go ahead;
  // it counts against both.
  bool allow(const std::string& address, const std::string& account_key,
             RateLimiter::Clock::time_point now = RateLimiter::Clock::now());

 private:
  static bool take(std::unordered_map<std::string, RateLimiter>& map, const std::string& key, double burst,
                   double per_second, RateLimiter::Clock::time_point now);
  std::unordered_map<std::string, RateLimiter> accounts_;
  std::unordered_map<std::string, RateLimiter> addresses_;
};

}  // namespace treff::server
