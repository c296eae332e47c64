// The connection test's endpoints without a network: what each answers, the budgets per address
// and in all (a script calling the test in a loop is held off; a person testing a few times is
// not), and the test-only throttle's delay.
#include "server/connection_test.h"

#include <gtest/gtest.h>

#include <chrono>

namespace treff::server {
namespace {

using Request = http::request<http::string_body>;
using namespace std::chrono_literals;

Request get(const std::string& target) { return Request(http::verb::get, target, 11); }
Request post(const std::string& target, std::string body) {
  Request r(http::verb::post, target, 11);
  r.body() = std::move(body);
  r.prepare_payload();
  return r;
}

class FixedIce final : public IceServerSource {
 public:
  std::optional<proto::IceConfig> for_client() override {
    return proto::IceConfig{{{{"turn:127.0.0.1:3478?transport=udp"}, "1700000000:ab", "secret-made"}}, 450};
  }
};

// What a whole test asks for on a fast line: five pings, downloads and uploads grown to 2 MB, ICE.
int run_whole_test(ConnectionTest& t, const std::string& client, ConnectionTest::Clock::time_point now) {
  int refused = 0;
  auto count = [&](const ConnectionTest::Answer& a) { refused += a.response.result() == http::status::too_many_requests; };
  for (int i = 0; i < 5; ++i) count(t.respond(get("/connection-test/ping"), client, now));
  for (int bytes : {32768, 262144, 2097152}) {
    count(t.respond(get("/connection-test/down?bytes=" + std::to_string(bytes)), client, now));
    count(t.respond(post("/connection-test/up", std::string(static_cast<std::size_t>(bytes), 'x')), client, now));
  }
  count(t.respond(get("/connection-test/ice"), client, now));
  return refused;
}

TEST(ConnectionTest, AnswersEachEndpoint) {
  FixedIce ice;
  ConnectionTest t({}, &ice);
  const auto ping = t.respond(get("/connection-test/ping"), "192.0.2.1");
  EXPECT_EQ(ping.response.result(), http::status::ok);
  EXPECT_EQ(ping.response[http::field::cache_control], "no-store");
  const auto down = t.respond(get("/connection-test/down?bytes=100000"), "192.0.2.1");
  EXPECT_EQ(down.response.result(), http::status::ok);
  EXPECT_EQ(down.response.body().size(), 100000u);
  EXPECT_EQ(down.delay, 0ms);
  const auto up = t.respond(post("/connection-test/up", std::string(5000, 'u')), "192.0.2.1");
  EXPECT_EQ(up.response.body(), R"({"bytes":5000})");
  const auto given = t.respond(get("/connection-test/ice"), "192.0.2.1");
  auto parsed = proto::parse_server_message(given.response.body());
  ASSERT_TRUE(parsed) << given.response.body();
  const auto& config = std::get<proto::IceConfig>(parsed.value());
  ASSERT_EQ(config.servers.size(), 1u);
  EXPECT_EQ(config.servers[0].urls[0], "turn:127.0.0.1:3478?transport=udp");
}

TEST(ConnectionTest, WithoutIceServersTheListIsEmpty) {
  ConnectionTest t({}, nullptr);
  const auto given = t.respond(get("/connection-test/ice"), "192.0.2.1");
  auto parsed = proto::parse_server_message(given.response.body());
  ASSERT_TRUE(parsed);
  EXPECT_TRUE(std::get<proto::IceConfig>(parsed.value()).servers.empty());
}

TEST(ConnectionTest, RefusesWhatIsNotATest) {
  ConnectionTest t({}, nullptr);
  EXPECT_EQ(t.respond(get("/connection-test/down"), "a").response.result(), http::status::bad_request);
  EXPECT_EQ(t.respond(get("/connection-test/down?bytes=abc"), "a").response.result(), http::status::bad_request);
  EXPECT_EQ(t.respond(get("/connection-test/down?bytes=0"), "a").response.result(), http::status::bad_request);
  EXPECT_EQ(t.respond(get("/connection-test/down?bytes=2097153"), "a").response.result(), http::status::bad_request);
  EXPECT_EQ(t.respond(get("/connection-test/down?bytes=-5"), "a").response.result(), http::status::bad_request);
  EXPECT_EQ(t.respond(get("/connection-test/up"), "a").response.result(), http::status::method_not_allowed);
  EXPECT_EQ(t.respond(post("/connection-test/ping", ""), "a").response.result(), http::status::method_not_allowed);
  EXPECT_EQ(t.respond(get("/connection-test/elsewhere"), "a").response.result(), http::status::not_found);
  EXPECT_EQ(t.body_limit("/connection-test/up"), 2u * 1024 * 1024);
  EXPECT_EQ(t.body_limit("/connection-test/ping"), 0u);
  EXPECT_TRUE(ConnectionTest::is_target("/connection-test/ping"));
  EXPECT_FALSE(ConnectionTest::is_target("/connection-tester"));
}

TEST(ConnectionTest, APersonMayTestAFewTimesInARowAScriptInALoopIsHeldOff) {
  ConnectionTest t({}, nullptr);
  const auto now = ConnectionTest::Clock::now();
  for (int i = 0; i < 4; ++i) EXPECT_EQ(run_whole_test(t, "198.51.100.7", now), 0) << "test " << i;
  int refused = 0;
  for (int i = 0; i < 10; ++i) refused += run_whole_test(t, "198.51.100.7", now);
  EXPECT_GT(refused, 100);  // of the 10 × 12 requests most are refused
  const auto busy = t.respond(get("/connection-test/ping"), "198.51.100.7", now);
  EXPECT_EQ(busy.response.result(), http::status::too_many_requests);
  EXPECT_NE(busy.response.body().find("Try again in a few minutes"), std::string::npos);
  // Another address is not held back by this one's loop...
  EXPECT_EQ(run_whole_test(t, "198.51.100.8", now), 0);
  // ...and this one may test again two minutes later.
  EXPECT_EQ(run_whole_test(t, "198.51.100.7", now + 150s), 0);
}

TEST(ConnectionTest, ManyAddressesTogetherCannotTakeMoreThanTheTotal) {
  ConnectionTest t({}, nullptr);
  const auto now = ConnectionTest::Clock::now();
  double carried = 0;
  for (int i = 0; i < 200; ++i) {
    const auto a = t.respond(get("/connection-test/down?bytes=2097152"), "203.0.113." + std::to_string(i), now);
    if (a.response.result() == http::status::ok) carried += static_cast<double>(a.response.body().size());
  }
  EXPECT_LE(carried, ConnectionTestLimits{}.total_bytes_burst);
  EXPECT_GT(carried, ConnectionTestLimits{}.total_bytes_burst / 2);
}

TEST(ConnectionTest, TheThrottleHoldsThroughputAnswersAsASlowLineWould) {
  ConnectionTestLimits limits;
  limits.throttle_kbps = 64;
  ConnectionTest t(limits, nullptr);
  EXPECT_EQ(t.respond(get("/connection-test/down?bytes=32000"), "a").delay, 4000ms);
  EXPECT_EQ(t.respond(post("/connection-test/up", std::string(8000, 'u')), "a").delay, 1000ms);
  EXPECT_EQ(t.respond(get("/connection-test/ping"), "a").delay, 0ms);
}

}  // namespace
}  // namespace treff::server
