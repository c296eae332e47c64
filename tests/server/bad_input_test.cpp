// Every kind of bad input gets a clear error to the sender, and nobody else is affected.
#include <gtest/gtest.h>

#include "server_process.h"
#include "ws_client.h"

namespace treff::test {
namespace {

json hello() { return json{{"v", 1}, {"type", "hello"}, {"agent", "t"}}; }

json join_msg(const json& name) {
  return json{{"v", 1}, {"type", "join"}, {"room", "r"}, {"name", name}, {"mic", true}, {"camera", true}};
}

class BadInput : public ::testing::Test {
 protected:
  // Sends `text` and expects an error with `code` whose message mentions `mention`; then checks
  // the connection still works.
  void expect_error(WsClient& c, const std::string& text, const std::string& code, const std::string& mention = "") {
    c.send(text);
    json e = c.next();
    const std::string shown = text.substr(0, 120);
    EXPECT_EQ(e["type"], "error") << shown;
    EXPECT_EQ(e["code"], code) << shown << " -> " << e.dump();
    const std::string message = e.value("message", "");
    EXPECT_FALSE(message.empty());
    if (!mention.empty()) {
      EXPECT_NE(message.find(mention), std::string::npos) << message;
    }
    c.send(hello());
    EXPECT_EQ(c.next()["type"], "hello") << "connection unusable after " << text;
  }

  ServerProcess server{{"--room-limit", "3"}};
};

TEST_F(BadInput, InvalidJson) {
  WsClient c(server.port());
  expect_error(c, "{\"v\":1,\"type\":", "bad-json");
  expect_error(c, "hello", "bad-json");
  expect_error(c, "[]", "bad-json");
  expect_error(c, "{\"v\":1,\"type\":\"hello\",\"agent\":\"\\ud800\"}", "bad-json");  // lone surrogate escape
}

TEST_F(BadInput, InvalidUtf8TextFrameClosesWith1007) {
  // RFC 6455: a text frame must be UTF-8; the WebSocket layer fails the connection.
  WsClient c(server.port());
  c.send(std::string("{\"v\":1,\"type\":\"hello\",\"agent\":\"\xC3\x28\"}"));
  EXPECT_FALSE(c.receive(3000).has_value());
  EXPECT_EQ(c.close_code(), 1007);
}

TEST_F(BadInput, BinaryFrames) {
  WsClient c(server.port());
  c.send_binary(std::string("\x01\x02", 2));
  EXPECT_EQ(c.next()["code"], "bad-json");
}

TEST_F(BadInput, UnknownTypeAndVersion) {
  WsClient c(server.port());
  expect_error(c, R"({"v":1,"type":"kick","id":"1"})", "unknown-type", "kick");
  expect_error(c, R"({"v":9,"type":"hello","agent":"t"})", "unsupported-version");
  expect_error(c, R"({"type":"hello","agent":"t"})", "bad-message", "'v'");
}

TEST_F(BadInput, MissingAndMistypedFields) {
  WsClient c(server.port());
  expect_error(c, R"({"v":1,"type":"join","room":"r","mic":true,"camera":true})", "bad-message", "'name'");
  expect_error(c, R"({"v":1,"type":"join","room":"r","name":5,"mic":true,"camera":true})", "bad-message", "'name'");
  expect_error(c, R"({"v":1,"type":"join","room":"r","name":"A","mic":"on","camera":true})", "bad-message", "'mic'");
  expect_error(c, R"({"v":1,"type":"join","room":"r","name":"A","mic":true,"camera":true,"admin":true})",
               "bad-message", "'admin'");
}

TEST_F(BadInput, DisplayNames) {
  WsClient c(server.port());
  expect_error(c, join_msg("").dump(), "bad-name");
  expect_error(c, join_msg("   ").dump(), "bad-name");
  expect_error(c, join_msg(std::string(65, 'x')).dump(), "bad-name", "64");
  expect_error(c, join_msg("Anna\u0007").dump(), "bad-name", "control");
  expect_error(c, join_msg("Anna\nBob").dump(), "bad-name", "control");
  // None of these joined: a valid name still can.
  EXPECT_EQ(c.join("r", std::string(64, 'x'))["type"], "joined");
}

TEST_F(BadInput, RoomNamesAndPasswords) {
  WsClient c(server.port());
  json bad_room = join_msg("Anna");
  bad_room["room"] = "../etc";
  expect_error(c, bad_room.dump(), "bad-room");
  json long_pw = join_msg("Anna");
  long_pw["password"] = std::string(10000, 'p');
  expect_error(c, long_pw.dump(), "bad-password", "256");
}

TEST_F(BadInput, MessagesOver64KiBCloseWithTooBig) {
  WsClient c(server.port());
  c.join("r", "Anna");
  json big = json{{"v", 1}, {"type", "signal"}, {"to", "1"}, {"kind", "offer"}, {"sdp", std::string(70 * 1024, 'x')}};
  c.send(big);
  EXPECT_FALSE(c.receive(3000).has_value());
  EXPECT_TRUE(c.closed());
  EXPECT_EQ(c.close_code(), 1009);
}

TEST_F(BadInput, LargeButAllowedMessageIsRelayed) {
  WsClient anna(server.port()), bob(server.port());
  json a = anna.join("r", "Anna");
  bob.join("r", "Bob");
  bob.send(json{{"v", 1}, {"type", "signal"}, {"to", a["self"]}, {"kind", "offer"}, {"sdp", std::string(50 * 1024, 's')}});
  anna.next();  // peer-joined
  EXPECT_EQ(anna.next()["sdp"].get<std::string>().size(), 50u * 1024);
}

TEST_F(BadInput, MessagesBeforeJoin) {
  WsClient c(server.port());
  expect_error(c, R"({"v":1,"type":"signal","to":"1","kind":"offer","sdp":"x"})", "not-joined");
  expect_error(c, R"({"v":1,"type":"media","mic":false,"camera":false})", "not-joined");
  expect_error(c, R"({"v":1,"type":"leave"})", "not-joined");
}

TEST_F(BadInput, JoiningTwice) {
  WsClient c(server.port());
  c.join("r", "Anna");
  expect_error(c, join_msg("Anna").dump(), "already-joined");
}

TEST_F(BadInput, RelayToUnknownForeignOrSelf) {
  WsClient anna(server.port()), bob(server.port()), stranger(server.port());
  json a = anna.join("r", "Anna");
  json b = bob.join("r", "Bob");
  json s = stranger.join("elsewhere", "Stranger");
  anna.next();

  auto signal = [](const json& to) {
    return json{{"v", 1}, {"type", "signal"}, {"to", to}, {"kind", "offer"}, {"sdp", "x"}}.dump();
  };
  expect_error(bob, signal("424242"), "unknown-peer");
  expect_error(bob, signal(s["self"]), "unknown-peer");  // exists, but in another room
  expect_error(bob, signal(b["self"]), "unknown-peer");  // yourself
  // The stranger received nothing: its next message is the reply to its own hello.
  stranger.send(hello());
  EXPECT_EQ(stranger.next()["type"], "hello");
}

TEST_F(BadInput, FullRoom) {
  WsClient a(server.port()), b(server.port()), c(server.port()), d(server.port());
  a.join("r", "A");
  b.join("r", "B");
  c.join("r", "C");
  json refused = d.join("r", "D");
  EXPECT_EQ(refused["code"], "room-full");
  EXPECT_NE(refused["message"].get<std::string>().find("3"), std::string::npos);
  // Once someone leaves there is room again.
  c.close_abruptly();
  a.next(), a.next();  // B joined, C joined
  EXPECT_EQ(a.next(6000)["type"], "peer-left");  // C, once the seat held for a rejoin is given up
  EXPECT_EQ(d.join("r", "D")["type"], "joined");
}

TEST_F(BadInput, FloodIsRateLimitedAndOthersAreUnaffected) {
  WsClient flood(server.port()), anna(server.port()), bob(server.port());
  json a = anna.join("r", "Anna");
  bob.join("r", "Bob");
  anna.next();
  const std::string h = hello().dump();
  for (int i = 0; i < 450; ++i) flood.send(h);
  bool limited = false;
  for (int i = 0; i < 450 && !limited; ++i) {
    auto m = flood.receive(2000);
    if (!m) break;
    limited = json::parse(*m)["code"] == "rate-limited";
  }
  EXPECT_TRUE(limited);
  bob.send(json{{"v", 1}, {"type", "media"}, {"mic", false}, {"camera", false}});
  EXPECT_EQ(anna.next()["type"], "media");
}

TEST_F(BadInput, PersistentFloodIsDisconnected) {
  WsClient flood(server.port());
  const std::string h = hello().dump();
  for (int i = 0; i < 800; ++i) flood.send(h);
  bool closed = false;
  for (int i = 0; i < 900; ++i) {
    if (!flood.receive(2000)) {
      closed = true;
      break;
    }
  }
  EXPECT_TRUE(closed);
  EXPECT_EQ(flood.close_code(), 1008);
}

}  // namespace
}  // namespace treff::test
