#include "server/connection_test.h"

#include <charconv>
#include <random>

#include "core/protocol.h"

namespace treff::server {
namespace {

constexpr std::string_view kPrefix = "/connection-test/";
// Every request counts this much against the byte budgets too (headers, the answer's own).
constexpr double kRequestOverheadBytes = 512;

TextResponse json_response(const http::request<http::string_body>& request, http::status status, std::string body) {
  TextResponse res = plain_text_response(request.version(), request.keep_alive(), status, std::move(body));
  res.set(http::field::content_type, "application/json");
  res.set(http::field::cache_control, "no-store");  // a cached answer would measure nothing
  return res;
}

TextResponse problem(const http::request<http::string_body>& request, http::status status, std::string_view code,
                     std::string_view message) {
  return json_response(request, status,
                       R"({"error":")" + std::string(code) + R"(","message":")" + std::string(message) + "\"}");
}

// N from "bytes=N" in the query; 0 when it is missing or not a number.
std::size_t requested_bytes(std::string_view target) {
  const auto query = target.find("?bytes=");
  if (query == std::string_view::npos) return 0;
  const std::string_view digits = target.substr(query + 7);
  std::size_t n = 0;
  const auto [end, ec] = std::from_chars(digits.data(), digits.data() + digits.size(), n);
  return ec == std::errc() && end == digits.data() + digits.size() ? n : 0;
}

}  // namespace

ConnectionTest::ConnectionTest(ConnectionTestLimits limits, IceServerSource* ice)
    : limits_(limits), ice_(ice), total_bytes_(limits.total_bytes_per_second, limits.total_bytes_burst) {
  std::minstd_rand letters(20261207);  // not a secret: only so that no link can compress them
  filler_.resize(limits_.max_transfer_bytes);
  for (char& c : filler_) c = static_cast<char>('a' + letters() % 26);
}

bool ConnectionTest::is_target(std::string_view target) { return target.substr(0, kPrefix.size()) == kPrefix; }

std::uint64_t ConnectionTest::body_limit(std::string_view target) const {
  return target == "/connection-test/up" ? limits_.max_transfer_bytes : 0;
}

bool ConnectionTest::would_take(const std::string& client, double bytes, Clock::time_point now) {
  auto it = by_address_.find(client);
  const double cost = bytes + kRequestOverheadBytes;
  if (!total_bytes_.has(cost, now)) return false;
  return it == by_address_.end() || (it->second.requests.has(1, now) && it->second.bytes.has(cost, now));
}

TextResponse ConnectionTest::busy(unsigned http_version) {
  TextResponse res = plain_text_response(
      http_version, false, http::status::too_many_requests,
      R"({"error":"busy","message":"The server has measured enough connections for now. Try again in a few minutes."})");
  res.set(http::field::content_type, "application/json");
  res.set(http::field::cache_control, "no-store");
  res.set(http::field::retry_after, "120");
  return res;
}

bool ConnectionTest::within_budget(const std::string& client, double bytes, Clock::time_point now) {
  if (by_address_.size() > 10000) {  // bounded: forget addresses that are quiet again
    for (auto it = by_address_.begin(); it != by_address_.end();)
      it = it->second.requests.full(now) && it->second.bytes.full(now) ? by_address_.erase(it) : std::next(it);
  }
  if (!would_take(client, bytes, now)) return false;  // a new address starts with full budgets
  auto& budget = by_address_
                     .try_emplace(client, Budget{{limits_.requests_per_second, limits_.requests_burst},
                                                 {limits_.address_bytes_per_second, limits_.address_bytes_burst}})
                     .first->second;
  const double cost = bytes + kRequestOverheadBytes;
  budget.requests.take(1);
  budget.bytes.take(cost);
  total_bytes_.take(cost);
  return true;
}

std::chrono::milliseconds ConnectionTest::throttled(double bytes) const {
  if (limits_.throttle_kbps <= 0) return std::chrono::milliseconds(0);
  return std::chrono::milliseconds(static_cast<long long>(bytes * 8 / limits_.throttle_kbps));
}

ConnectionTest::Answer ConnectionTest::respond(const http::request<http::string_body>& request,
                                               const std::string& client, Clock::time_point now) {
  const std::string_view target = request.target();
  const std::string_view path = target.substr(0, target.find('?'));
  const bool get = request.method() == http::verb::get;
  const bool post = request.method() == http::verb::post;

  std::size_t bytes = 0;
  if (path == "/connection-test/down") {
    bytes = requested_bytes(target);
    if (bytes == 0 || bytes > limits_.max_transfer_bytes)
      return {problem(request, http::status::bad_request, "bad-size",
                      "Ask for 1 to " + std::to_string(limits_.max_transfer_bytes) + " bytes, as ?bytes=N.")};
  } else if (path == "/connection-test/up") {
    bytes = request.body().size();
  } else if (path != "/connection-test/ping" && path != "/connection-test/ice") {
    return {problem(request, http::status::not_found, "not-found", "There is no such connection test.")};
  }
  if ((path == "/connection-test/up" && !post) || (path != "/connection-test/up" && !get))
    return {problem(request, http::status::method_not_allowed, "bad-method", "Wrong method for this connection test.")};

  if (!within_budget(client, static_cast<double>(bytes), now)) {
    TextResponse res = busy(request.version());
    res.keep_alive(request.keep_alive());
    return {std::move(res)};
  }

  if (path == "/connection-test/ping") return {json_response(request, http::status::ok, R"({"pong":true})")};
  if (path == "/connection-test/ice") {
    proto::IceConfig config;
    if (ice_) {
      if (auto given = ice_->for_client()) config = std::move(*given);
    }
    return {json_response(request, http::status::ok, proto::serialize(proto::ServerMessage{config}))};
  }
  if (path == "/connection-test/up")
    return {json_response(request, http::status::ok, R"({"bytes":)" + std::to_string(bytes) + "}"), throttled(bytes)};
  TextResponse res = plain_text_response(request.version(), request.keep_alive(), http::status::ok, filler_.substr(0, bytes));
  res.set(http::field::content_type, "application/octet-stream");
  res.set(http::field::cache_control, "no-store");
  return {std::move(res), throttled(static_cast<double>(bytes))};
}

}  // namespace treff::server
