// Vanished peers and rejoining (server/signaling_hub.h): a broken connection's seat is held for a
// moment and taken again with the resume token of "joined", also after a restart; a connection
// that goes silent or closes without "leave" is announced as left within seconds.
#include <gtest/gtest.h>

#include <signal.h>

#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <thread>

#include "server_process.h"
#include "ws_client.h"

namespace treff::test {
namespace {

using Clock = std::chrono::steady_clock;

json join_message(const std::string& room, const std::string& name, const std::string& token, bool camera) {
  json j{{"v", 1}, {"type", "join"}, {"room", room}, {"name", name}, {"mic", true}, {"camera", camera}};
  if (!token.empty()) j["resume"] = token;
  return j;
}

json rejoin(WsClient& c, const std::string& room, const std::string& name, const std::string& token,
            bool camera = true) {
  c.send(join_message(room, name, token, camera));
  return c.next();
}

double seconds_since(Clock::time_point start) {
  return std::chrono::duration<double>(Clock::now() - start).count();
}

TEST(Rejoin, APingIsAnswered) {
  ServerProcess server;
  WsClient c(server.port());
  c.send(json{{"v", 1}, {"type", "ping"}});
  EXPECT_EQ(c.next()["type"], "pong");
}

TEST(Rejoin, ABrokenConnectionsSeatIsTakenAgainUnderTheSameIdAndTheOthersHearNothing) {
  ServerProcess server{{"--seat-hold-seconds", "5"}};
  WsClient anna(server.port());
  auto bob = std::make_unique<WsClient>(server.port());
  const json a = anna.join("r", "Anna");
  const json b = bob->join("r", "Bob");
  ASSERT_EQ(anna.next()["type"], "peer-joined");
  ASSERT_TRUE(b.contains("resume")) << b.dump();

  bob->close_abruptly();  // the network blinked
  EXPECT_FALSE(anna.receive(1500).has_value()) << "the seat is held: nobody is told Bob left";

  WsClient bob_again(server.port());
  const json back = rejoin(bob_again, "r", "Bob", b["resume"], /*camera=*/false);
  EXPECT_EQ(back["type"], "joined") << back.dump();
  EXPECT_EQ(back["self"], b["self"]);
  ASSERT_EQ(back["peers"].size(), 1u);
  EXPECT_EQ(back["peers"][0]["id"], a["self"]);
  EXPECT_NE(back["resume"], nullptr);
  // Bob's camera was off when he joined again: that is all Anna hears of it.
  const json media = anna.next();
  EXPECT_EQ(media["type"], "media") << media.dump();
  EXPECT_EQ(media["from"], b["self"]);
  EXPECT_EQ(media["camera"], false);

  // Signals reach him on the new connection, stamped with the ids both knew.
  anna.send(json{{"v", 1}, {"type", "signal"}, {"to", b["self"]}, {"kind", "offer"}, {"sdp", "v=0 restart"}});
  const json offer = bob_again.next();
  EXPECT_EQ(offer["from"], a["self"]);
  EXPECT_EQ(offer["sdp"], "v=0 restart");
}

TEST(Rejoin, WhatCameForAHeldSeatIsDeliveredWhenItIsTakenAgain) {
  ServerProcess server{{"--seat-hold-seconds", "5"}};
  WsClient anna(server.port());
  auto bob = std::make_unique<WsClient>(server.port());
  const json a = anna.join("r", "Anna");
  const json b = bob->join("r", "Bob");
  anna.next();
  bob->close_abruptly();
  anna.send(json{{"v", 1}, {"type", "signal"}, {"to", b["self"]}, {"kind", "offer"}, {"sdp", "v=0 missed"}});
  WsClient carla(server.port());
  const json c = carla.join("r", "Carla");
  ASSERT_EQ(c["peers"].size(), 2u) << "Bob's held seat is in the room";

  WsClient bob_again(server.port());
  const json back = rejoin(bob_again, "r", "Bob", b["resume"]);
  EXPECT_EQ(back["self"], b["self"]);
  EXPECT_EQ(back["peers"].size(), 2u);
  const json offer = bob_again.next();
  EXPECT_EQ(offer["type"], "signal");
  EXPECT_EQ(offer["from"], a["self"]);
  EXPECT_EQ(offer["sdp"], "v=0 missed");
  const json joined = bob_again.next();
  EXPECT_EQ(joined["type"], "peer-joined");
  EXPECT_EQ(joined["peer"]["id"], c["self"]);
}

TEST(Rejoin, ANewConnectionWithTheTokenTakesTheSeatFromTheOldOne) {
  ServerProcess server;
  WsClient anna(server.port()), bob(server.port());
  anna.join("r", "Anna");
  const json b = bob.join("r", "Bob");
  anna.next();
  WsClient bob_again(server.port());  // the old connection is not known to be broken yet
  const json back = rejoin(bob_again, "r", "Bob", b["resume"]);
  EXPECT_EQ(back["self"], b["self"]);
  EXPECT_FALSE(bob.receive(2000).has_value());
  EXPECT_TRUE(bob.closed()) << "the old connection is closed";
  EXPECT_FALSE(anna.receive(1000).has_value()) << "Anna hears nothing of it";
}

TEST(Rejoin, AClosedTabIsAnnouncedWhenItsSeatIsNotTakenAndItsTokenThenGetsANewId) {
  ServerProcess server{{"--seat-hold-seconds", "1"}};
  WsClient anna(server.port());
  auto carla = std::make_unique<WsClient>(server.port());
  anna.join("r", "Anna");
  const json c = carla->join("r", "Carla");
  anna.next();
  const auto closed_at = Clock::now();
  carla->close_abruptly();
  const json left = anna.next(5000);
  EXPECT_EQ(left["type"], "peer-left");
  EXPECT_EQ(left["id"], c["self"]);
  EXPECT_LT(seconds_since(closed_at), 2.5) << "held 1 s, given up at the next check";

  // Anna closed her connection to that id: it does not come back, a new one does.
  WsClient carla_again(server.port());
  const json back = rejoin(carla_again, "r", "Carla", c["resume"]);
  EXPECT_EQ(back["type"], "joined");
  EXPECT_NE(back["self"], c["self"]);
  const json seen = anna.next();
  EXPECT_EQ(seen["type"], "peer-joined");
  EXPECT_EQ(seen["peer"]["id"], back["self"]);
}

TEST(Rejoin, AClosedTabSaysGoodbyeAndLeavesAtOnce) {
  ServerProcess server{{"--seat-hold-seconds", "30"}};
  WsClient anna(server.port()), dirk(server.port());
  anna.join("r", "Anna");
  const json d = dirk.join("r", "Dirk");
  anna.next();
  dirk.say_goodbye();  // the browser's close frame (1001) when a tab is closed
  const json left = anna.next(1000);
  EXPECT_EQ(left["type"], "peer-left");
  EXPECT_EQ(left["id"], d["self"]);
}

TEST(Rejoin, AClientThatClosesToConnectAgainKeepsItsSeat) {
  ServerProcess server{{"--seat-hold-seconds", "5"}};
  WsClient anna(server.port());
  auto bob = std::make_unique<WsClient>(server.port());
  anna.join("r", "Anna");
  const json b = bob->join("r", "Bob");
  anna.next();
  bob->say_goodbye(4000);  // it thought this connection dead
  EXPECT_FALSE(anna.receive(1000).has_value()) << "not a goodbye: the seat is held";
  WsClient bob_again(server.port());
  EXPECT_EQ(rejoin(bob_again, "r", "Bob", b["resume"])["self"], b["self"]);
}

TEST(Rejoin, AConnectionThatFallsSilentIsDroppedAndAnnouncedWithinItsTimeoutAndTheHold) {
  ServerProcess server{{"--peer-timeout-seconds", "2", "--seat-hold-seconds", "1"}};
  WsClient anna(server.port()), bob(server.port());
  anna.join("r", "Anna");
  const json b = bob.join("r", "Bob");
  anna.next();
  // Bob stops reading, so he answers no ping either (a pulled cable); Anna keeps talking.
  const auto silent_from = Clock::now();
  std::optional<json> left;
  while (!left && seconds_since(silent_from) < 8) {
    anna.send(json{{"v", 1}, {"type", "ping"}});
    for (auto text = anna.receive(500); text; text = anna.receive(100)) {
      const json m = json::parse(*text);
      if (m["type"] == "peer-left") left = m;
    }
  }
  ASSERT_TRUE(left.has_value()) << "Bob was never announced as gone";
  EXPECT_EQ((*left)["id"], b["self"]);
  const double after = seconds_since(silent_from);
  EXPECT_GT(after, 1.5) << "not before the timeout";
  EXPECT_LT(after, 4.5) << "2 s without a word, 1 s held, one check";
}

TEST(Rejoin, AfterARestartTheCallsPeopleGetTheirSeatsBackAndStrangersDoNot) {
  char folder[] = "/tmp/treff-rejoin-XXXXXX";
  ASSERT_TRUE(mkdtemp(folder));
  std::string anna_token, bob_token, anna_id, bob_id;
  {
    ServerProcess first{{"--state-dir", folder}};
    WsClient anna(first.port()), bob(first.port());
    const json a = anna.join("r", "Anna");
    const json b = bob.join("r", "Bob");
    anna_token = a["resume"], bob_token = b["resume"], anna_id = a["self"], bob_id = b["self"];
    EXPECT_EQ(first.stop(SIGTERM), 0);
  }
  ServerProcess second{{"--state-dir", folder}};
  WsClient anna(second.port()), bob(second.port()), eve(second.port());
  const json a = rejoin(anna, "r", "Anna", anna_token);
  EXPECT_EQ(a["self"], anna_id);
  EXPECT_EQ(a["host"], anna_id);
  const json b = rejoin(bob, "r", "Bob", bob_token);
  EXPECT_EQ(b["self"], bob_id);
  ASSERT_EQ(b["peers"].size(), 1u);
  EXPECT_EQ(b["peers"][0]["id"], anna_id);
  const json seen = anna.next();
  EXPECT_EQ(seen["type"], "peer-joined");
  EXPECT_EQ(seen["peer"]["id"], bob_id);

  // A token changed by one character, or taken to another room, is an ordinary join.
  std::string forged = anna_token;
  forged.back() = forged.back() == '0' ? '1' : '0';
  const json e = rejoin(eve, "r", "Eve", forged);
  EXPECT_EQ(e["type"], "joined");
  EXPECT_NE(e["self"], anna_id);
  WsClient mallory(second.port());
  const json m = rejoin(mallory, "elsewhere", "Mallory", bob_token);
  EXPECT_NE(m["self"], bob_id);
  std::filesystem::remove_all(folder);
}

TEST(Rejoin, TokensOfTheLastRunRecreateNoSeatOnceTheRestartWindowIsOver) {
  char folder[] = "/tmp/treff-rejoin-XXXXXX";
  ASSERT_TRUE(mkdtemp(folder));
  std::string token, id;
  {
    ServerProcess first{{"--state-dir", folder}};
    WsClient anna(first.port());
    const json a = anna.join("r", "Anna");
    token = a["resume"], id = a["self"];
  }
  ServerProcess second{{"--state-dir", folder, "--restart-resume-seconds", "0"}};
  WsClient anna(second.port());
  const json a = rejoin(anna, "r", "Anna", token);
  EXPECT_EQ(a["type"], "joined");
  EXPECT_NE(a["self"], id) << "the others' clients have given up on that id by now";
  std::filesystem::remove_all(folder);
}

}  // namespace
}  // namespace treff::test
