// The signaling WebSocket of the real treff-server: joining, relaying, presence.
#include <gtest/gtest.h>

#include <chrono>
#include <thread>

#include "server_process.h"
#include "ws_client.h"

namespace treff::test {
namespace {

json signal_to(const std::string& to, const std::string& kind, const std::string& sdp) {
  return json{{"v", 1}, {"type", "signal"}, {"to", to}, {"kind", kind}, {"sdp", sdp}};
}

class Signaling : public ::testing::Test {
 protected:
  ServerProcess server;
};

TEST_F(Signaling, HelloTellsTheLimits) {
  WsClient a(server.port());
  a.send(json{{"v", 1}, {"type", "hello"}, {"agent", "test"}});
  json h = a.next();
  EXPECT_EQ(h["type"], "hello");
  EXPECT_EQ(h["roomLimit"], 8);
  EXPECT_EQ(h["maxMessageBytes"], 65536);
}

TEST_F(Signaling, PeopleInOneRoomSeeEachOther) {
  WsClient anna(server.port()), bob(server.port());
  json a = anna.join("familie", "Anna");
  EXPECT_EQ(a["type"], "joined");
  EXPECT_EQ(a["room"], "familie");
  EXPECT_TRUE(a["peers"].empty());

  json b = bob.join("familie", "  Bob ");
  ASSERT_EQ(b["peers"].size(), 1u);
  EXPECT_EQ(b["peers"][0]["id"], a["self"]);
  EXPECT_EQ(b["peers"][0]["name"], "Anna");
  EXPECT_NE(b["self"], a["self"]);

  json seen = anna.next();
  EXPECT_EQ(seen["type"], "peer-joined");
  EXPECT_EQ(seen["peer"]["id"], b["self"]);
  EXPECT_EQ(seen["peer"]["name"], "Bob");  // trimmed by the server
}

TEST_F(Signaling, RelayedSignalsNameTheRealSender) {
  WsClient anna(server.port()), bob(server.port());
  json a = anna.join("r", "Anna");
  json b = bob.join("r", "Bob");
  anna.next();  // peer-joined

  bob.send(signal_to(a["self"], "offer", "v=0 offer"));
  json offer = anna.next();
  EXPECT_EQ(offer["type"], "signal");
  EXPECT_EQ(offer["from"], b["self"]);
  EXPECT_EQ(offer["kind"], "offer");
  EXPECT_EQ(offer["sdp"], "v=0 offer");

  anna.send(json{{"v", 1}, {"type", "signal"}, {"to", b["self"]}, {"kind", "candidate"},
                 {"candidate", "candidate:1 1 udp 1 127.0.0.1 9 typ host"}, {"sdpMid", "0"}, {"sdpMLineIndex", 0}});
  json cand = bob.next();
  EXPECT_EQ(cand["from"], a["self"]);
  EXPECT_EQ(cand["sdpMid"], "0");

  // Claiming another sender is refused outright, not relayed with the claim.
  json spoof = signal_to(a["self"], "answer", "x");
  spoof["from"] = "999";
  bob.send(spoof);
  EXPECT_EQ(bob.next()["code"], "bad-message");
}

TEST_F(Signaling, MediaStateReachesTheOthersAndLaterJoiners) {
  WsClient anna(server.port()), bob(server.port());
  json a = anna.join("r", "Anna");
  bob.join("r", "Bob");
  anna.next();
  anna.send(json{{"v", 1}, {"type", "media"}, {"mic", false}, {"camera", true}});
  json m = bob.next();
  EXPECT_EQ(m["type"], "media");
  EXPECT_EQ(m["from"], a["self"]);
  EXPECT_EQ(m["mic"], false);

  WsClient carla(server.port());
  json c = carla.join("r", "Carla");
  ASSERT_EQ(c["peers"].size(), 2u);
  EXPECT_EQ(c["peers"][0]["mic"], false);  // Anna, muted
  EXPECT_EQ(c["peers"][1]["mic"], true);   // Bob
}

TEST_F(Signaling, LeavingAndVanishingAreAnnounced) {
  WsClient anna(server.port()), bob(server.port()), carla(server.port());
  anna.join("r", "Anna");
  json b = bob.join("r", "Bob");
  json c = carla.join("r", "Carla");
  anna.next(), anna.next(), bob.next();

  bob.send(json{{"v", 1}, {"type", "leave"}});
  for (WsClient* w : {&anna, &carla}) {
    json left = w->next();
    EXPECT_EQ(left["type"], "peer-left");
    EXPECT_EQ(left["id"], b["self"]);
  }
  carla.close_abruptly();  // a broken connection: announced once its seat was held for a rejoin (2 s)
  json gone = anna.next(6000);
  EXPECT_EQ(gone["type"], "peer-left");
  EXPECT_EQ(gone["id"], c["self"]);

  // Bob may join again after leaving, and gets a new id.
  json again = bob.join("r", "Bob");
  EXPECT_EQ(again["type"], "joined");
  EXPECT_NE(again["self"], b["self"]);
}

// What a room holds besides its members is its password: a room that is forgotten when its last
// person leaves admits the next one without it, while a room that was kept would still ask.
TEST_F(Signaling, EmptyRoomIsForgotten) {
  {
    WsClient anna(server.port());
    anna.join("r", "Anna");
    anna.send(json{{"v", 1}, {"type", "lock"}, {"password", "nur für uns"}});
    ASSERT_EQ(anna.next()["locked"], true);
    anna.send(json{{"v", 1}, {"type", "leave"}});
    anna.send(json{{"v", 1}, {"type", "hello"}, {"agent", "t"}});
    anna.next();  // answered after the leave, which was read first
  }
  WsClient bob(server.port());
  json b = bob.join("r", "Bob");
  ASSERT_EQ(b["type"], "joined") << "the room was kept after Anna left: " << b;
  EXPECT_EQ(b["locked"], false);
  EXPECT_TRUE(b["peers"].empty());
}

TEST_F(Signaling, ARoomLeftByAClosedTabIsForgotten) {
  {
    WsClient anna(server.port());
    anna.join("t", "Anna");
    anna.send(json{{"v", 1}, {"type", "lock"}, {"password", "nur für uns"}});
    ASSERT_EQ(anna.next()["locked"], true);
    anna.close_abruptly();
  }
  // The server gives up Anna's seat once it was held for a rejoin (2 s): until then the room is
  // rightly locked.
  json b;
  for (int attempt = 0; attempt < 200; ++attempt) {
    WsClient bob(server.port());
    b = bob.join("t", "Bob");
    if (b["type"] == "joined") break;
    ASSERT_EQ(b["code"], "password-required") << b;
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
  }
  ASSERT_EQ(b["type"], "joined") << "the room was kept after Anna's tab closed: " << b;
  EXPECT_EQ(b["locked"], false);
}

TEST_F(Signaling, RoomsAreSeparate) {
  WsClient anna(server.port()), bob(server.port());
  anna.join("one", "Anna");
  EXPECT_TRUE(bob.join("two", "Bob")["peers"].empty());
}

TEST(ServerLifecycle, SigtermClosesEveryClientWithGoingAwayAndExitsCleanly) {
  ServerProcess server;
  std::vector<std::unique_ptr<WsClient>> clients;
  for (int i = 0; i < 6; ++i) {
    clients.push_back(std::make_unique<WsClient>(server.port()));
    clients.back()->join(i < 3 ? "r" : "s", "P" + std::to_string(i));
  }
  clients[0]->next(), clients[0]->next(), clients[1]->next();  // peer-joined messages
  clients[3]->next(), clients[3]->next(), clients[4]->next();
  kill(server.pid(), SIGTERM);
  for (auto& c : clients) {
    EXPECT_FALSE(c->receive(3000).has_value());
    EXPECT_TRUE(c->closed());
    EXPECT_EQ(c->close_code(), 1001);
  }
  EXPECT_EQ(server.stop(SIGTERM, 5000), 0);
}

TEST(ServerLifecycle, SigintOnAnIdleServerExitsAtOnce) {
  ServerProcess server;
  const auto start = std::chrono::steady_clock::now();
  EXPECT_EQ(server.stop(SIGINT, 5000), 0);
  EXPECT_LT(std::chrono::steady_clock::now() - start, std::chrono::seconds(1));
}

TEST(ServerLifecycle, BadFlagsGetAClearMessage) {
  const std::string cmd = std::string(TREFF_SERVER_BINARY) + " --port notanumber 2>&1";
  FILE* p = popen(cmd.c_str(), "r");
  ASSERT_NE(p, nullptr);
  char buf[4096] = {};
  const std::size_t n = fread(buf, 1, sizeof buf - 1, p);
  const int status = pclose(p);
  EXPECT_NE(WEXITSTATUS(status), 0);
  EXPECT_NE(std::string(buf, n).find("--port"), std::string::npos) << buf;
}

}  // namespace
}  // namespace treff::test
