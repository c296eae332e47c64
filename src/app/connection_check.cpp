#include "app/connection_check.h"

#include <algorithm>

#include "core/protocol.h"

namespace treff {
namespace {

// The STUN and TURN addresses a browser reaches over UDP, and the TURN ones it reaches over TCP,
// each keeping its server's credentials.
struct SplitServers {
  std::vector<proto::IceServer> udp, tcp;
};

bool over_tcp(const std::string& url) {
  return url.rfind("turns:", 0) == 0 || url.find("transport=tcp") != std::string::npos;
}

SplitServers split_by_transport(const std::vector<proto::IceServer>& servers) {
  SplitServers split;
  for (const auto& server : servers) {
    proto::IceServer udp = server, tcp = server;
    udp.urls.clear();
    tcp.urls.clear();
    for (const auto& url : server.urls) (over_tcp(url) ? tcp : udp).urls.push_back(url);
    if (!udp.urls.empty()) split.udp.push_back(std::move(udp));
    if (!tcp.urls.empty()) split.tcp.push_back(std::move(tcp));
  }
  return split;
}

}  // namespace

ConnectionCheck::~ConnectionCheck() { close_probes(); }

void ConnectionCheck::start(double now_ms) {
  close_probes();
  measured_ = {};
  verdict_.reset();
  failure_ = Failure::None;
  round_trips_.clear();
  step_ = Step::RoundTrip;
  step_started_ms_ = now_ms;
  send("GET", "/connection-test/ping", "", now_ms);
}

void ConnectionCheck::send(const std::string& method, const std::string& path, std::string body, double now_ms) {
  request_ = http_.send(method, path, body.empty() ? "" : "application/octet-stream", body);
  sent_ms_ = now_ms;
}

void ConnectionCheck::send_transfer(double now_ms) {
  if (step_ == Step::Download)
    send("GET", "/connection-test/down?bytes=" + std::to_string(transfer_bytes_), "", now_ms);
  else
    send("POST", "/connection-test/up", std::string(transfer_bytes_, 't'), now_ms);
}

bool ConnectionCheck::update(double now_ms) {
  bool changed = false;
  for (const auto& answer : http_.take_answers()) {
    if (!running() || answer.request != request_) continue;  // an answer given up on, or of a test before
    take(answer, now_ms);
    changed = true;
  }
  for (const auto& event : probes_.take_events()) {
    if (step_ != Step::UdpPath) continue;
    take(event);
    changed = true;
  }
  const double waited = now_ms - sent_ms_;
  if ((step_ == Step::Download || step_ == Step::Upload) && waited > kTransferGiveUpMs) {
    // Not through yet: the line is at most this fast, which is too slow for a call anyway.
    finish_transfer(static_cast<double>(transfer_bytes_) * 8 / waited, now_ms);
    changed = true;
  } else if ((step_ == Step::RoundTrip || (step_ == Step::UdpPath && !udp_probe_ && !tcp_probe_)) &&
             waited > kTransferGiveUpMs) {
    finish(LineVerdict{});  // a few bytes that do not come back in 15 s: the server is out of reach
    changed = true;
  } else if (step_ == Step::UdpPath && (udp_probe_ || tcp_probe_) && now_ms - step_started_ms_ > kGatherMs) {
    judge_path();  // what was found by now is what there is
    changed = true;
  }
  return changed;
}

void ConnectionCheck::take(const platform::HttpAnswer& answer, double now_ms) {
  if (answer.status == 429) return finish(std::nullopt, Failure::Busy);
  if (answer.status == 404 || answer.status == 405) return finish(std::nullopt, Failure::NotOffered);
  if (answer.status < 200 || answer.status >= 300) return finish(LineVerdict{});  // unreachable
  switch (step_) {
    case Step::RoundTrip:
      round_trips_.push_back(answer.elapsed_ms);
      if (static_cast<int>(round_trips_.size()) < kRoundTrips) return send("GET", "/connection-test/ping", "", now_ms);
      // The median: one request that met a busy moment does not make the line look slow.
      std::sort(round_trips_.begin(), round_trips_.end());
      measured_.round_trip_ms = round_trips_[round_trips_.size() / 2];
      step_ = Step::Download;
      transfer_bytes_ = kFirstTransferBytes;
      transfer_stage_ = 0;
      return send_transfer(now_ms);
    case Step::Download:
    case Step::Upload: {
      if (answer.elapsed_ms < kTimedEnoughMs && transfer_bytes_ < kLastTransferBytes) {
        transfer_bytes_ = std::min(transfer_bytes_ * 8, kLastTransferBytes);  // too quick to time: more
        ++transfer_stage_;
        return send_transfer(now_ms);
      }
      // The round trip is part of every request's time, not of the line's throughput (but a
      // transfer counts at least half its time, so a noisy round trip cannot make it look instant).
      const double carrying_ms = std::max(answer.elapsed_ms - measured_.round_trip_ms, answer.elapsed_ms / 2);
      return finish_transfer(static_cast<double>(transfer_bytes_) * 8 / std::max(carrying_ms, 0.1), now_ms);
    }
    case Step::UdpPath:
      return look_for_path(answer.body, now_ms);
    default:
      return;
  }
}

void ConnectionCheck::finish_transfer(double kbps, double now_ms) {
  transfer_bytes_ = kFirstTransferBytes;
  transfer_stage_ = 0;
  if (step_ == Step::Download) {
    measured_.down_kbps = kbps;
    step_ = Step::Upload;
    return send_transfer(now_ms);
  }
  measured_.up_kbps = kbps;
  step_ = Step::UdpPath;
  step_started_ms_ = now_ms;
  send("GET", "/connection-test/ice", "", now_ms);
}

void ConnectionCheck::look_for_path(const std::string& ice_answer, double now_ms) {
  auto parsed = proto::parse_server_message(ice_answer);
  const auto* config = parsed ? std::get_if<proto::IceConfig>(&parsed.value()) : nullptr;
  if (!config || config->servers.empty()) {
    measured_.path = UdpPath::NotChecked;  // nothing to look through: judged on the rest
    return finish(judge_line(measured_));
  }
  const SplitServers split = split_by_transport(config->servers);
  step_started_ms_ = now_ms;
  udp_found_ = tcp_found_ = false;
  udp_complete_ = split.udp.empty();
  tcp_complete_ = split.tcp.empty();
  if (!split.udp.empty()) udp_probe_ = probes_.open(split.udp);
  if (!split.tcp.empty()) tcp_probe_ = probes_.open(split.tcp);
}

void ConnectionCheck::take(const platform::IceProbeEvent& event) {
  const bool udp = event.probe != 0 && event.probe == udp_probe_;
  const bool tcp = event.probe != 0 && event.probe == tcp_probe_;
  if (!udp && !tcp) return;
  if (event.complete) {
    (udp ? udp_complete_ : tcp_complete_) = true;
  } else if (udp && (event.candidate_type == "srflx" || event.candidate_type == "relay")) {
    udp_found_ = true;
  } else if (tcp && event.candidate_type == "relay") {
    tcp_found_ = true;
  }
  // UDP is what a call wants: found, nothing more to wait for.
  if (udp_found_ || (udp_complete_ && tcp_complete_)) judge_path();
}

void ConnectionCheck::judge_path() {
  measured_.path = udp_found_ ? UdpPath::Udp : tcp_found_ ? UdpPath::TcpRelayOnly : UdpPath::None;
  close_probes();
  finish(judge_line(measured_));
}

void ConnectionCheck::finish(std::optional<LineVerdict> verdict, Failure failure) {
  close_probes();
  verdict_ = verdict;
  failure_ = failure;
  step_ = Step::Done;
  request_ = 0;
}

void ConnectionCheck::close_probes() {
  if (udp_probe_) probes_.close(udp_probe_);
  if (tcp_probe_) probes_.close(tcp_probe_);
  udp_probe_ = tcp_probe_ = 0;
}

double ConnectionCheck::progress(double now_ms) const {
  const double stages = 3;  // 32 KB, 256 KB, 2 MB
  switch (step_) {
    case Step::Idle: return 0;
    case Step::RoundTrip: return 0.05 + 0.10 * static_cast<double>(round_trips_.size()) / kRoundTrips;
    case Step::Download: return 0.15 + 0.30 * transfer_stage_ / stages;
    case Step::Upload: return 0.45 + 0.30 * transfer_stage_ / stages;
    case Step::UdpPath: return 0.75 + 0.25 * std::clamp((now_ms - step_started_ms_) / kGatherMs, 0.0, 1.0);
    case Step::Done: return 1;
  }
  return 0;
}

}  // namespace treff
