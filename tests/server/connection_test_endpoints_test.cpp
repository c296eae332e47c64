// The connection test's endpoints on the real treff-server: what a browser's test gets, an upload
// larger than a test sends refused before it is read, the budget of one address running out over
// real requests, and the test-only throttle holding answers as a slow line would.
#include <gtest/gtest.h>

#include <chrono>
#include <string>

#include "http_client.h"
#include "server_process.h"

namespace treff::test {
namespace {

namespace http = boost::beast::http;

// The head of an upload of `bytes`, sent without its body.
std::string upload_head(std::size_t bytes) {
  return "POST /connection-test/up HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/octet-stream\r\n"
         "Content-Length: " + std::to_string(bytes) + "\r\n\r\n";
}

TEST(ConnectionTestEndpoints, AnswerATestAndRefuseWhatIsNotOne) {
  ServerProcess server;
  const auto ping = http_request(server.port(), http::verb::get, "/connection-test/ping");
  EXPECT_EQ(ping.result_int(), 200);
  EXPECT_EQ(ping[http::field::cache_control], "no-store");
  const auto down = http_request(server.port(), http::verb::get, "/connection-test/down?bytes=262144");
  EXPECT_EQ(down.result_int(), 200);
  EXPECT_EQ(down.body().size(), 262144u);
  const auto up = http_request(server.port(), http::verb::post, "/connection-test/up", std::string(100000, 'u'),
                               {{http::field::content_type, "application/octet-stream"}});
  EXPECT_EQ(up.body(), R"({"bytes":100000})");
  const auto ice = http_request(server.port(), http::verb::get, "/connection-test/ice");
  EXPECT_EQ(ice.body(), R"({"renewIn":0,"servers":[],"type":"ice","v":1})");
  EXPECT_EQ(http_request(server.port(), http::verb::get, "/connection-test/down?bytes=99999999").result_int(), 400);
}

TEST(ConnectionTestEndpoints, AnUploadLargerThanATestSendsIsRefusedBeforeItIsRead) {
  ServerProcess server;
  const std::string answer = answer_before_body(server.port(), upload_head(50000000));
  EXPECT_EQ(answer.rfind("HTTP/1.1 413", 0), 0u) << answer;
  EXPECT_NE(answer.find("\"too-large\""), std::string::npos) << answer;
  EXPECT_EQ(http_request(server.port(), http::verb::get, "/connection-test/ping").result_int(), 200);  // and goes on
}

TEST(ConnectionTestEndpoints, AScriptUploadingInALoopIsRefusedBeforeItsBodyIsRead) {
  ServerProcess server;
  int taken = 0;
  for (int i = 0; i < 15; ++i) {  // 30 MB offered
    try {
      if (http_request(server.port(), http::verb::post, "/connection-test/up", std::string(2000000, 'u'),
                       {{http::field::content_type, "application/octet-stream"}})
              .result_int() != 200)
        break;
      ++taken;
    } catch (const std::exception&) {
      break;  // refused while it was still sending: the server answered and closed
    }
  }
  // 24 MB at once and 40 kB a second after: eleven 2 MB uploads, a twelfth on a slow machine (an
  // AddressSanitizer build takes a while over 22 MB), never all fifteen.
  EXPECT_GE(taken, 11);
  EXPECT_LE(taken, 12);
  // Now the header alone is answered: the server does not wait for (or read) the body.
  const std::string answer = answer_before_body(server.port(), upload_head(2000000));
  EXPECT_EQ(answer.rfind("HTTP/1.1 429", 0), 0u) << answer;
  EXPECT_NE(answer.find("\"busy\""), std::string::npos) << answer;
}

TEST(ConnectionTestEndpoints, AScriptDownloadingInALoopIsHeldOff) {
  ServerProcess server;
  int refused = 0, carried = 0;
  for (int i = 0; i < 30; ++i) {  // 60 MB asked for; one address may take 24 MB at once
    const auto r = http_request(server.port(), http::verb::get, "/connection-test/down?bytes=2000000");
    if (r.result_int() == 429) {
      ++refused;
      EXPECT_EQ(r[http::field::retry_after], "120");
    } else {
      carried += static_cast<int>(r.body().size());
    }
  }
  EXPECT_LE(carried, 24000000);
  EXPECT_GE(refused, 18);
  // The server still serves everything else.
  EXPECT_EQ(http_request(server.port(), http::verb::get, "/servers.json").result_int(), 200);
}

TEST(ConnectionTestEndpoints, TheTestOnlyThrottleHoldsThroughputAnswers) {
  ServerProcess server({"--connection-test-throttle-kbps", "200"});
  const auto start = std::chrono::steady_clock::now();
  const auto down = http_request(server.port(), http::verb::get, "/connection-test/down?bytes=25000");  // 1 s at 200 kbit/s
  const auto took = std::chrono::steady_clock::now() - start;
  EXPECT_EQ(down.body().size(), 25000u);
  EXPECT_GE(took, std::chrono::milliseconds(950));
  const auto ping_start = std::chrono::steady_clock::now();
  EXPECT_EQ(http_request(server.port(), http::verb::get, "/connection-test/ping").result_int(), 200);
  EXPECT_LT(std::chrono::steady_clock::now() - ping_start, std::chrono::milliseconds(900));  // the round trip is not held
}

}  // namespace
}  // namespace treff::test
