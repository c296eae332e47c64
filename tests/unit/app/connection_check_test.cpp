// The connection test's run with a fake server and fake candidate gathering: the round trip as the
// median, transfers grown until they take long enough to time, the UDP path from what the two
// probes find, and what the person is told when the server is out of reach, busy, or too slow.
#include "app/connection_check.h"

#include <gtest/gtest.h>

#include "platform/fake/fake_http_requests.h"
#include "platform/fake/fake_ice_probes.h"

namespace treff {
namespace {

constexpr const char* kNoServers = R"({"v":1,"type":"ice","servers":[],"renewIn":0})";
constexpr const char* kRelayBothWays =
    R"({"v":1,"type":"ice","renewIn":450,"servers":[{"urls":["stun:192.0.2.1:3478"]},)"
    R"({"urls":["turn:192.0.2.1:3478?transport=udp","turn:192.0.2.1:3478?transport=tcp"],"username":"1:a","credential":"c"}]})";

class ConnectionCheckTest : public ::testing::Test {
 protected:
  platform::FakeHttpRequests http;
  platform::FakeIceProbes probes;
  ConnectionCheck check{http, probes};
  double now = 1000;

  void step() { check.update(now); }
  void answer(const std::string& path, int status, std::string body, double elapsed_ms) {
    ASSERT_TRUE(http.answer(path, status, std::move(body), elapsed_ms)) << "nothing asked of " << path;
    step();
  }
  // Five pings answered in these times.
  void round_trips(std::initializer_list<double> ms) {
    for (double m : ms) answer("/connection-test/ping", 200, R"({"pong":true})", m);
  }
  // Transfers of a line of `kbps` (plus the round trip), until the check moves on.
  void transfers(const std::string& prefix, double kbps, double round_trip_ms) {
    for (int i = 0; i < 4; ++i) {
      const auto& last = http.sent.back();
      if (last.path.rfind(prefix, 0) != 0 || last.request == 0) return;
      const std::size_t bytes = last.method == "POST" ? last.body.size() : std::stoul(last.path.substr(last.path.find('=') + 1));
      answer(last.path, 200, last.method == "POST" ? "{}" : std::string(bytes, 'd'), round_trip_ms + bytes * 8 / kbps);
    }
  }
  // A test of a fast line near the server up to its last step, the ICE servers answered with `ice`.
  void fast_line_until_the_path(const char* ice) {
    check.start(now);
    round_trips({5, 5, 5, 5, 5});
    transfers("/connection-test/down", 50000, 5);
    transfers("/connection-test/up", 50000, 5);
    answer("/connection-test/ice", 200, ice, 5);
  }
};

TEST_F(ConnectionCheckTest, AFastLineWithUdpIsGreenAndEachStepIsMeasured) {
  check.start(now);
  EXPECT_EQ(check.step(), ConnectionCheck::Step::RoundTrip);
  round_trips({30, 25, 400, 28, 27});  // one slow moment does not count
  EXPECT_DOUBLE_EQ(check.measured().round_trip_ms, 28);
  EXPECT_EQ(check.step(), ConnectionCheck::Step::Download);
  EXPECT_EQ(http.sent.back().path, "/connection-test/down?bytes=32768");
  transfers("/connection-test/down", 20000, 28);
  EXPECT_EQ(check.step(), ConnectionCheck::Step::Upload);
  // 32 KB and 256 KB were too quick to time at 20 Mbit/s; 2 MB was not.
  std::vector<std::string> downloads;
  for (const auto& s : http.sent)
    if (s.path.rfind("/connection-test/down", 0) == 0) downloads.push_back(s.path.substr(s.path.find('=') + 1));
  EXPECT_EQ(downloads, (std::vector<std::string>{"32768", "262144", "2097152"}));
  EXPECT_NEAR(check.measured().down_kbps, 20000, 1);
  const double progress_in_upload = check.progress(now);
  EXPECT_GT(progress_in_upload, 0.4);
  EXPECT_LT(progress_in_upload, 0.8);
  transfers("/connection-test/up", 5000, 28);
  EXPECT_NEAR(check.measured().up_kbps, 5000, 1);
  EXPECT_EQ(http.last_body("/connection-test/up").size(), 2048u * 1024);  // 256 KB took 447 ms: too quick
  EXPECT_EQ(check.step(), ConnectionCheck::Step::UdpPath);
  answer("/connection-test/ice", 200, kRelayBothWays, 20);
  ASSERT_EQ(probes.opened.size(), 2u);
  // The STUN server and the UDP relay in one probe, the TCP relay in the other, credentials kept.
  const auto& udp = probes.opened.at(1);
  ASSERT_EQ(udp.size(), 2u);
  EXPECT_EQ(udp[1].urls, std::vector<std::string>{"turn:192.0.2.1:3478?transport=udp"});
  EXPECT_EQ(udp[1].username, "1:a");
  EXPECT_EQ(probes.opened.at(2)[0].urls, std::vector<std::string>{"turn:192.0.2.1:3478?transport=tcp"});
  probes.find(1, "host");
  step();
  EXPECT_EQ(check.step(), ConnectionCheck::Step::UdpPath);  // a host candidate proves nothing
  probes.find(1, "relay");
  step();
  EXPECT_EQ(check.step(), ConnectionCheck::Step::Done);
  EXPECT_TRUE(probes.opened.empty());  // both closed
  ASSERT_TRUE(check.verdict());
  EXPECT_EQ(check.verdict()->grade, LineGrade::Green);
  EXPECT_EQ(check.measured().path, UdpPath::Udp);
  EXPECT_DOUBLE_EQ(check.progress(now), 1);
}

TEST_F(ConnectionCheckTest, OnlyTheRelayOverTcpIsAmberOnceTheUdpProbeGivesUp) {
  fast_line_until_the_path(kRelayBothWays);
  probes.find(2, "relay");
  step();
  EXPECT_EQ(check.step(), ConnectionCheck::Step::UdpPath);  // UDP may still come
  now += ConnectionCheck::kGatherMs + 1;  // the UDP probe never hears back
  step();
  ASSERT_TRUE(check.verdict());
  EXPECT_EQ(check.measured().path, UdpPath::TcpRelayOnly);
  EXPECT_EQ(check.verdict()->grade, LineGrade::Amber);
  EXPECT_EQ(check.verdict()->advice, LineAdvice::TcpOnly);
}

TEST_F(ConnectionCheckTest, NothingFoundIsRedNoPath) {
  fast_line_until_the_path(kRelayBothWays);
  probes.find(1, "host");
  probes.complete(1);
  probes.complete(2);
  step();
  ASSERT_TRUE(check.verdict());
  EXPECT_EQ(check.verdict()->advice, LineAdvice::NoPath);
}

TEST_F(ConnectionCheckTest, AServerWithoutStunOrTurnIsJudgedOnTheRest) {
  fast_line_until_the_path(kNoServers);
  EXPECT_TRUE(probes.opened.empty());
  ASSERT_TRUE(check.verdict());
  EXPECT_EQ(check.measured().path, UdpPath::NotChecked);
  EXPECT_EQ(check.verdict()->grade, LineGrade::Green);
}

TEST_F(ConnectionCheckTest, ASlowLineIsMeasuredOnTheFirstSmallTransferAndIsRed) {
  check.start(now);
  round_trips({40, 40, 40, 40, 40});
  transfers("/connection-test/down", 64, 40);
  EXPECT_EQ(http.open_requests("/connection-test/down?bytes=262144"), 0);  // not grown: 4 s was long enough
  EXPECT_NEAR(check.measured().down_kbps, 64, 1);
  transfers("/connection-test/up", 64, 40);
  answer("/connection-test/ice", 200, kNoServers, 40);
  ASSERT_TRUE(check.verdict());
  EXPECT_EQ(check.verdict()->grade, LineGrade::Red);
  EXPECT_EQ(check.verdict()->advice, LineAdvice::TooSlow);
}

TEST_F(ConnectionCheckTest, ATransferThatNeverEndsIsTooSlowNotAHang) {
  check.start(now);
  round_trips({40, 40, 40, 40, 40});
  now += ConnectionCheck::kTransferGiveUpMs + 1;  // 32 KB not through in 15 s
  step();
  EXPECT_EQ(check.step(), ConnectionCheck::Step::Upload);
  EXPECT_LT(check.measured().down_kbps, kSoundCallKbps);
  // Its late answer changes nothing.
  http.answer("/connection-test/down?bytes=32768", 200, std::string(32768, 'd'), 15001);
  step();
  EXPECT_EQ(check.step(), ConnectionCheck::Step::Upload);
}

TEST_F(ConnectionCheckTest, AServerOutOfReachIsRedBusyIsNoVerdict) {
  check.start(now);
  answer("/connection-test/ping", 0, "", 3);
  ASSERT_TRUE(check.verdict());
  EXPECT_EQ(check.verdict()->advice, LineAdvice::ServerUnreachable);
  EXPECT_EQ(check.verdict()->grade, LineGrade::Red);

  check.start(now);  // test again
  EXPECT_FALSE(check.verdict());
  round_trips({5, 5, 5});
  answer("/connection-test/ping", 429, R"({"error":"busy"})", 5);
  EXPECT_EQ(check.step(), ConnectionCheck::Step::Done);
  EXPECT_FALSE(check.verdict());
  EXPECT_EQ(check.failure(), ConnectionCheck::Failure::Busy);

  check.start(now);
  answer("/connection-test/ping", 404, "{}", 5);
  EXPECT_EQ(check.failure(), ConnectionCheck::Failure::NotOffered);
}

TEST_F(ConnectionCheckTest, TestingAgainWhileRunningIgnoresTheOldAnswersAndClosesOldProbes) {
  fast_line_until_the_path(kRelayBothWays);
  ASSERT_EQ(probes.opened.size(), 2u);
  check.start(now);
  EXPECT_TRUE(probes.opened.empty());
  probes.find(1, "relay");  // of the old run
  step();
  EXPECT_EQ(check.step(), ConnectionCheck::Step::RoundTrip);
  EXPECT_FALSE(check.verdict());
}

}  // namespace
}  // namespace treff
