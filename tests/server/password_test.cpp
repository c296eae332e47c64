// Room passwords on the real treff-server: the host locks, others are asked, wrong guesses are
// refused and limited, and nothing of a room is kept once it is empty.
#include <gtest/gtest.h>

#include <optional>

#include "server_process.h"
#include "ws_client.h"

namespace treff::test {
namespace {

json join_with_password(WsClient& c, const std::string& room, const std::string& name, const std::string& password) {
  c.send(json{{"v", 1}, {"type", "join"}, {"room", room}, {"name", name}, {"password", password},
              {"mic", true}, {"camera", true}});
  return c.next();
}

json lock(WsClient& c, const std::string& password) {
  c.send(json{{"v", 1}, {"type", "lock"}, {"password", password}});
  return c.next();
}

class RoomPassword : public ::testing::Test {
 protected:
  ServerProcess server;
};

TEST_F(RoomPassword, TheHostLocksAndEveryoneInTheRoomSeesIt) {
  WsClient anna(server.port()), bob(server.port());
  json a = anna.join("familie", "Anna");
  EXPECT_EQ(a["locked"], false);
  EXPECT_EQ(a["host"], a["self"]) << "the first one in is the host";
  json b = bob.join("familie", "Bob");
  EXPECT_EQ(b["host"], a["self"]);
  anna.next();  // peer-joined

  json seen_by_anna = lock(anna, "Apfelkuchen 7");
  EXPECT_EQ(seen_by_anna["type"], "room");
  EXPECT_EQ(seen_by_anna["locked"], true);
  json seen_by_bob = bob.next();
  EXPECT_EQ(seen_by_bob["type"], "room");
  EXPECT_EQ(seen_by_bob["locked"], true);
  EXPECT_EQ(seen_by_bob["host"], a["self"]);
}

TEST_F(RoomPassword, OnlyTheHostMayLockOrUnlock) {
  WsClient anna(server.port()), bob(server.port());
  anna.join("r", "Anna");
  bob.join("r", "Bob");
  json e = lock(bob, "mine");
  EXPECT_EQ(e["type"], "error");
  EXPECT_EQ(e["code"], "not-host");
  EXPECT_NE(e["message"].get<std::string>().find("Anna"), std::string::npos) << e["message"];
  bob.send(json{{"v", 1}, {"type", "unlock"}});
  EXPECT_EQ(bob.next()["code"], "not-host");
  WsClient outsider(server.port());
  EXPECT_EQ(lock(outsider, "x")["code"], "not-joined");
}

// The lock is hashed on a worker while the unlock is read at once, so which of the two reaches the
// room first depends on the machine. Either way the unlock was asked last and must win: the last
// word Anna hears says "open", and Carla gets in without a password.
TEST_F(RoomPassword, AnUnlockSentRightAfterALockLeavesTheRoomOpen) {
  WsClient anna(server.port());
  anna.join("r", "Anna");
  anna.send(json{{"v", 1}, {"type", "lock"}, {"password", "zu spät"}});
  anna.send(json{{"v", 1}, {"type", "unlock"}});
  // A second room's lock is hashed after the first on the vault's one worker, so once it is
  // answered the first hash has come back too: nothing about Anna's room is still under way.
  WsClient otto(server.port());
  otto.join("other", "Otto");
  EXPECT_EQ(lock(otto, "danach")["locked"], true);
  WsClient carla(server.port());
  json c = carla.join("r", "Carla");
  ASSERT_EQ(c["type"], "joined") << "the room stayed open: " << c;
  EXPECT_EQ(c["locked"], false);
  // What Anna heard before Carla came: one or two room messages (a lock answered before the
  // unlock is read shows for a moment), the last of them "open".
  std::optional<json> last_room;
  for (json m = anna.next(); m["type"] != "peer-joined"; m = anna.next()) {
    ASSERT_EQ(m["type"], "room") << m;
    last_room = m;
  }
  ASSERT_TRUE(last_room) << "Anna was told the outcome";
  EXPECT_EQ((*last_room)["locked"], false);
}

TEST_F(RoomPassword, ALockedRoomAsksForThePasswordAndAdmitsOnlyTheRightOne) {
  WsClient anna(server.port());
  anna.join("r", "Anna");
  lock(anna, "Apfelkuchen 7");

  WsClient carla(server.port());
  json none = carla.join("r", "Carla");
  EXPECT_EQ(none["code"], "password-required");
  json wrong = join_with_password(carla, "r", "Carla", "apfelkuchen 7");
  EXPECT_EQ(wrong["code"], "wrong-password");
  EXPECT_NE(wrong["message"].get<std::string>().find("not the password"), std::string::npos);
  json right = join_with_password(carla, "r", "Carla", "Apfelkuchen 7");
  ASSERT_EQ(right["type"], "joined") << right;
  EXPECT_EQ(right["locked"], true);
  EXPECT_EQ(anna.next()["type"], "peer-joined");
}

TEST_F(RoomPassword, FiftyWrongPasswordsInARowAreAnsweredAndThenLimited) {
  WsClient anna(server.port());
  anna.join("r", "Anna");
  lock(anna, "right one");
  WsClient guesser(server.port());
  int wrong = 0, limited = 0;
  for (int i = 0; i < 50; ++i) {
    json reply = join_with_password(guesser, "r", "Mallory", "guess " + std::to_string(i));
    ASSERT_EQ(reply["type"], "error") << reply;  // every guess gets an answer: nothing hangs
    if (reply["code"] == "wrong-password") ++wrong;
    if (reply["code"] == "too-many-attempts") ++limited;
  }
  EXPECT_EQ(wrong, 5) << "a few guesses are checked";
  EXPECT_EQ(limited, 45) << "then the connection has to wait";
  EXPECT_EQ(join_with_password(guesser, "r", "Mallory", "right one")["code"], "too-many-attempts")
      << "while limited, not even the right password is tried";
  // A new connection from the same address gets a few more, then the address is limited too.
  int more = 0;
  for (int round = 0; round < 5 && more < 30; ++round) {
    WsClient again(server.port());
    for (int i = 0; i < 6; ++i)
      if (join_with_password(again, "r", "Mallory", "x")["code"] == "wrong-password") ++more;
  }
  EXPECT_EQ(more, 15) << "20 guesses per address, 5 of them used above";
}

TEST_F(RoomPassword, TheHostRoleAndTheLockPassOnAndAnEmptyRoomForgetsItsPassword) {
  WsClient anna(server.port()), bob(server.port());
  json a = anna.join("r", "Anna");
  json b = bob.join("r", "Bob");
  anna.next();
  lock(anna, "secret");
  bob.next();  // room locked
  anna.close_abruptly();
  EXPECT_EQ(bob.next(6000)["type"], "peer-left");  // after her seat was held for a rejoin
  json changed = bob.next();
  EXPECT_EQ(changed["type"], "room");
  EXPECT_EQ(changed["host"], b["self"]) << "the one in the room longest is host now";
  EXPECT_EQ(changed["locked"], true);
  bob.send(json{{"v", 1}, {"type", "unlock"}});
  EXPECT_EQ(bob.next()["locked"], false);
  lock(bob, "another");
  bob.send(json{{"v", 1}, {"type", "leave"}});
  // Dora's join comes over another connection, which the server may read first: wait until Bob's
  // leave has been read (the hello after it is answered).
  bob.send(json{{"v", 1}, {"type", "hello"}, {"agent", "t"}});
  EXPECT_EQ(bob.next()["type"], "hello");

  WsClient dora(server.port());
  json d = dora.join("r", "Dora");
  ASSERT_EQ(d["type"], "joined") << "the room was empty, so its password is gone: " << d;
  EXPECT_EQ(d["locked"], false);
}

// Behind a reverse proxy every caller comes from the proxy's address: with --trusted-proxy the
// guesses are counted per caller (X-Forwarded-For), and a caller cannot escape by writing the header.
TEST(RoomPasswordBehindAProxy, GuessesAreCountedPerCallerNotPerProxy) {
  ServerProcess server({"--trusted-proxy", "127.0.0.1"});
  WsClient anna(server.port());
  anna.join("r", "Anna");
  lock(anna, "right one");
  const auto guesses_checked = [&](const std::string& forwarded_for, int connections) {
    int checked = 0;
    for (int c = 0; c < connections; ++c) {
      WsClient guesser(server.port(), "/ws", "", forwarded_for);
      for (int i = 0; i < 5; ++i)
        if (join_with_password(guesser, "r", "Mallory", "x")["code"] == "wrong-password") ++checked;
    }
    return checked;
  };
  EXPECT_EQ(guesses_checked("10.0.0.9, 198.51.100.7", 5), 20) << "20 per caller, whatever it claims before the proxy's entry";
  EXPECT_EQ(guesses_checked("198.51.100.7", 1), 0) << "that caller is limited now";
  EXPECT_EQ(guesses_checked("198.51.100.8", 1), 5) << "another caller behind the same proxy is not";
}

TEST_F(RoomPassword, OverlongPasswordsGetAClearMessage) {
  WsClient anna(server.port());
  anna.join("r", "Anna");
  json e = lock(anna, std::string(10000, 'x'));
  EXPECT_EQ(e["code"], "bad-password");
  EXPECT_NE(e["message"].get<std::string>().find("256"), std::string::npos) << e["message"];
  WsClient bob(server.port());
  EXPECT_EQ(join_with_password(bob, "r", "Bob", std::string(10000, 'x'))["code"], "bad-password");
}

}  // namespace
}  // namespace treff::test
