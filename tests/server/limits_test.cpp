// The server's limits (server/limits.h), each set small by its flag on the real binary: what is
// past a limit gets a clear error or close, and what is within it keeps working.
#include <gtest/gtest.h>

#include <boost/asio.hpp>

#include <chrono>
#include <memory>
#include <thread>
#include <vector>

#include "server_process.h"
#include "ws_client.h"

namespace treff::test {
namespace {

namespace asio = boost::asio;
using tcp = asio::ip::tcp;
using Clock = std::chrono::steady_clock;

json hello() { return json{{"v", 1}, {"type", "hello"}, {"agent", "t"}}; }

// A connection the server took: it answers hello.
void expect_served(WsClient& c) {
  c.send(hello());
  EXPECT_EQ(c.next()["type"], "hello");
}

// A connection the server refused: an error with `code`, then the close with `close_code`.
void expect_refused(WsClient& c, const std::string& code, int close_code) {
  const json e = c.next();
  EXPECT_EQ(e["type"], "error") << e.dump();
  EXPECT_EQ(e["code"], code) << e.dump();
  EXPECT_FALSE(e.value("message", "").empty());
  c.send(hello());  // ignored: the connection is closing
  EXPECT_FALSE(c.receive(3000).has_value());
  EXPECT_TRUE(c.closed());
  EXPECT_EQ(c.close_code(), close_code);
}

// Connects until the server takes the connection (it learns of a close a moment later).
std::unique_ptr<WsClient> connect_when_taken(unsigned short port, const std::string& forwarded_for = "") {
  for (int i = 0; i < 30; ++i) {
    auto c = std::make_unique<WsClient>(port, "/ws", "", forwarded_for);
    c->send(hello());
    auto m = c->receive(2000);
    if (m && json::parse(*m)["type"] == "hello") return c;
    std::this_thread::sleep_for(std::chrono::milliseconds(100));
  }
  ADD_FAILURE() << "the server never took a connection again";
  return nullptr;
}

TEST(Limits, ConnectionsPerAddress) {
  ServerProcess server{{"--connections-per-address", "2", "--trusted-proxy", "127.0.0.1"}};
  auto a = std::make_unique<WsClient>(server.port());
  WsClient b(server.port());
  expect_served(*a);
  expect_served(b);
  WsClient c(server.port());
  expect_refused(c, "too-many-connections", 1008);
  // Another address (behind the trusted proxy) is not affected.
  WsClient elsewhere(server.port(), "/ws", "", "198.51.100.7");
  expect_served(elsewhere);
  // One of the two goes: there is room again for this address.
  a->close_abruptly();
  EXPECT_NE(connect_when_taken(server.port()), nullptr);
}

TEST(Limits, ServerFull) {
  ServerProcess server{{"--max-connections", "2"}};
  WsClient a(server.port()), b(server.port());
  expect_served(a);
  expect_served(b);
  WsClient c(server.port());
  expect_refused(c, "server-full", 1013);
  expect_served(a);  // those in keep working
}

TEST(Limits, JoinsPerAddressPerMinute) {
  ServerProcess server{{"--joins-per-minute", "3", "--trusted-proxy", "127.0.0.1"}};
  WsClient c(server.port());
  const json leave{{"v", 1}, {"type", "leave"}};
  for (int i = 0; i < 3; ++i) {
    EXPECT_EQ(c.join("r", "Anna")["type"], "joined") << "join " << i;
    c.send(leave);
  }
  const json refused = c.join("r", "Anna");
  EXPECT_EQ(refused["code"], "too-many-joins") << refused.dump();
  EXPECT_FALSE(refused.value("message", "").empty());
  expect_served(c);  // told, not disconnected
  WsClient elsewhere(server.port(), "/ws", "", "198.51.100.7");
  EXPECT_EQ(elsewhere.join("r", "Bob")["type"], "joined");
}

TEST(Limits, MessagesPerSecondFlag) {
  ServerProcess server{{"--messages-per-second", "5", "--message-burst", "10"}};
  WsClient c(server.port());
  for (int i = 0; i < 30; ++i) c.send(hello());
  int answered = 0;
  bool limited = false;
  while (auto m = c.receive(1000)) {
    const json j = json::parse(*m);
    if (j["type"] == "hello") ++answered;
    if (j.value("code", "") == "rate-limited") limited = true;
  }
  EXPECT_TRUE(limited);
  EXPECT_GE(answered, 10);  // the burst
  EXPECT_LT(answered, 30);
}

// Sends `request` a byte every `gap`; returns how long until the server closed the connection,
// and in `sent` how many bytes got out before.
Clock::duration trickle(unsigned short port, const std::string& request, std::chrono::milliseconds gap, std::size_t& sent) {
  asio::io_context ioc;
  tcp::socket s(ioc);
  s.connect(tcp::endpoint(asio::ip::make_address("127.0.0.1"), port));
  s.non_blocking(true);
  const auto start = Clock::now();
  sent = 0;
  while (Clock::now() - start < std::chrono::seconds(20)) {
    char byte;
    boost::system::error_code ec;
    s.read_some(asio::buffer(&byte, 1), ec);
    if (ec && ec != asio::error::would_block) return Clock::now() - start;  // closed (or an answer)
    if (!ec) return Clock::now() - start;
    if (sent < request.size()) {
      asio::write(s, asio::buffer(&request[sent], 1), ec);
      if (ec) return Clock::now() - start;
      ++sent;
    }
    std::this_thread::sleep_for(gap);
  }
  return Clock::now() - start;
}

TEST(Limits, SlowLorisAndSilentConnectionsAreDropped) {
  ServerProcess server{{"--request-seconds", "2"}};
  const std::string request = "GET /index.html HTTP/1.1\r\nHost: 127.0.0.1\r\nUser-Agent: slow\r\n\r\n";
  std::size_t sent = 0;
  const auto slow = trickle(server.port(), request, std::chrono::milliseconds(250), sent);
  EXPECT_LT(slow, std::chrono::seconds(4)) << "a byte every 250 ms";
  EXPECT_LT(sent, request.size()) << "dropped before the request was complete";
  const auto silent = trickle(server.port(), "", std::chrono::milliseconds(100), sent);
  EXPECT_LT(silent, std::chrono::seconds(4)) << "connected, sending nothing";
  EXPECT_GE(silent, std::chrono::milliseconds(1500)) << "not before the time given";
}

TEST(Limits, RequestsPerConnectionAndRequestSize) {
  ServerProcess server{{"--requests-per-connection", "3", "--request-bytes", "2048"}};
  asio::io_context ioc;
  tcp::socket s(ioc);
  s.connect(tcp::endpoint(asio::ip::make_address("127.0.0.1"), server.port()));
  std::string three;
  for (int i = 0; i < 3; ++i) three += "GET /servers.json HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n";
  asio::write(s, asio::buffer(three));
  std::string answers;
  boost::system::error_code ec;
  char buf[4096];
  while (!ec) answers.append(buf, s.read_some(asio::buffer(buf), ec));  // until the server closes
  EXPECT_EQ(ec, asio::error::eof);
  std::size_t responses = 0;
  for (auto at = answers.find("HTTP/1.1 200"); at != std::string::npos; at = answers.find("HTTP/1.1 200", at + 1)) ++responses;
  EXPECT_EQ(responses, 3u);
  EXPECT_NE(answers.rfind("Connection: close"), std::string::npos);

  tcp::socket big(ioc);
  big.connect(tcp::endpoint(asio::ip::make_address("127.0.0.1"), server.port()));
  asio::write(big, asio::buffer("GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Padding: " + std::string(3000, 'x') + "\r\n\r\n"));
  std::string status(64, '\0');
  status.resize(big.read_some(asio::buffer(status), ec));
  EXPECT_EQ(status.substr(0, 15), "HTTP/1.1 400 Ba") << status;
}

}  // namespace
}  // namespace treff::test
