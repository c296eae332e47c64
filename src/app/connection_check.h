// The connection test ("Test connection"), run against the page's own server: the round trip
// (five small requests, the median), download and upload throughput (a transfer grown until it
// takes long enough to time, or the line proves too slow), and whether a UDP path exists (the
// browser gathers candidates against the STUN/TURN servers the server names: over UDP, and over
// TCP to the relay). Platform-free: requests and probes go through src/platform interfaces, so
// native tests drive it with fakes; the screens draw progress() and the verdict.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/line_grade.h"
#include "platform/http_requests.h"
#include "platform/ice_probes.h"

namespace treff {

class ConnectionCheck {
 public:
  enum class Step { Idle, RoundTrip, Download, Upload, UdpPath, Done };
  // No verdict: the server limits tests just now (Busy), or has no connection test (NotOffered).
  enum class Failure { None, Busy, NotOffered };

  // How the test sizes and bounds its parts.
  static constexpr int kRoundTrips = 5;
  static constexpr std::size_t kFirstTransferBytes = 32 * 1024;
  static constexpr std::size_t kLastTransferBytes = 2 * 1024 * 1024;  // the server's limit
  static constexpr double kTimedEnoughMs = 600;    // a transfer this long is measured well enough
  static constexpr double kTransferGiveUpMs = 15000;  // slower than this is "too slow" anyway
  static constexpr double kGatherMs = 6000;        // a UDP path shows within this, or not at all

  ConnectionCheck(platform::HttpRequests& http, platform::IceProbes& probes) : http_(http), probes_(probes) {}
  ~ConnectionCheck();

  void start(double now_ms);  // also to test again
  // Takes answers and probe events, and moves on; true when something shown changed.
  bool update(double now_ms);

  Step step() const { return step_; }
  bool running() const { return step_ != Step::Idle && step_ != Step::Done; }
  double progress(double now_ms) const;  // 0 to 1
  const LineMeasurement& measured() const { return measured_; }
  std::optional<LineVerdict> verdict() const { return verdict_; }
  Failure failure() const { return failure_; }

 private:
  void take(const platform::HttpAnswer& answer, double now_ms);
  void send(const std::string& method, const std::string& path, std::string body, double now_ms);
  void send_transfer(double now_ms);
  void finish_transfer(double kbps, double now_ms);
  void take(const platform::IceProbeEvent& event);
  void look_for_path(const std::string& ice_answer, double now_ms);
  void judge_path();
  void finish(std::optional<LineVerdict> verdict, Failure failure = Failure::None);
  void close_probes();

  platform::HttpRequests& http_;
  platform::IceProbes& probes_;
  Step step_ = Step::Idle;
  unsigned request_ = 0;  // the request waited for (answers to older ones are ignored)
  double sent_ms_ = 0;
  std::vector<double> round_trips_;
  std::size_t transfer_bytes_ = 0;
  int transfer_stage_ = 0;  // how often the transfer grew
  double step_started_ms_ = 0;
  unsigned udp_probe_ = 0, tcp_probe_ = 0;
  bool udp_complete_ = false, tcp_complete_ = false, udp_found_ = false, tcp_found_ = false;
  LineMeasurement measured_;
  std::optional<LineVerdict> verdict_;
  Failure failure_ = Failure::None;
};

}  // namespace treff
