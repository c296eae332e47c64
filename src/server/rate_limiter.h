// Token bucket: allows `burst` messages (or bytes) at once and `per_second` on average.
#pragma once

#include <algorithm>
#include <chrono>

namespace treff::server {

class RateLimiter {
 public:
  using Clock = std::chrono::steady_clock;

  RateLimiter(double per_second, double burst) : rate_(per_second), burst_(burst), tokens_(burst) {}

  bool allow(Clock::time_point now = Clock::now()) {
    if (!has(1.0, now)) return false;
    take(1.0);
    return true;
  }

  // For costs other than one (bytes): whether `cost` is there now, without taking it, so that a
  // request held to several buckets takes from none when one of them says no.
  bool has(double cost, Clock::time_point now = Clock::now()) {
    const std::chrono::duration<double> elapsed = now - last_;
    last_ = now;
    tokens_ = std::min(burst_, tokens_ + elapsed.count() * rate_);
    return tokens_ >= cost;
  }
  void take(double cost) { tokens_ -= cost; }

  // Whole again: nothing used within the last burst's worth of time (the limiter can be dropped).
  bool full(Clock::time_point now = Clock::now()) const {
    const std::chrono::duration<double> elapsed = now - last_;
    return tokens_ + elapsed.count() * rate_ >= burst_;
  }

 private:
  double rate_;
  double burst_;
  double tokens_;
  Clock::time_point last_ = Clock::now();
};

}  // namespace treff::server
