#include "server/accounts/login_limiter.h"

namespace treff::server {

bool LoginLimiter::take(std::unordered_map<std::string, RateLimiter>& map, const std::string& key, double burst,
                        double per_second, RateLimiter::Clock::time_point now) {
  if (map.size() >= kMaxTracked) {
    for (auto it = map.begin(); it != map.end();) it = it->second.full(now) ? map.erase(it) : std::next(it);
    // Still full of limiters in use: an attack from very many addresses. Refuse rather than grow.
    if (map.size() >= kMaxTracked && map.find(key) == map.end()) return false;
  }
  auto it = map.try_emplace(key, per_second, burst).first;
  return it->second.allow(now);
}

bool LoginLimiter::allow(const std::string& address, const std::string& account_key, RateLimiter::Clock::time_point now) {
  // A refused address does not also use up the account's tries: one machine cannot slow a person
  // down beyond its own allowance.
  const bool by_address = take(addresses_, address, kAddressBurst, kAddressPerSecond, now);
  if (!by_address) return false;
  return take(accounts_, account_key, kAccountBurst, kAccountPerSecond, now);
}

}  // namespace treff::server
