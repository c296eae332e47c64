// treff-server --janus on the real binary: a room that grows past the mesh is sent to Janus (its
// people told where, with a number and pin of the server's choosing), later people go straight
// there after the usual checks (a locked room's password included), and rooms spread over several
// Janus servers by name.
#include <gtest/gtest.h>

#include <set>

#include "http_client.h"
#include "server_process.h"
#include "ws_client.h"

namespace treff::test {
namespace {

namespace http = boost::beast::http;

constexpr const char* kJanusA = "ws://127.0.0.1:8188/janus";
constexpr const char* kJanusB = "ws://127.0.0.2:8188";

// Everything up to the "janus" message (skipping "ice"), which must come.
json until_janus(WsClient& c) {
  for (int i = 0; i < 5; ++i) {
    json m = c.next();
    if (m["type"] != "ice") return m;
  }
  return {};
}

json join_with_password(WsClient& c, const std::string& room, const std::string& name, const std::string& password) {
  c.send(json{{"v", 1}, {"type", "join"}, {"room", room}, {"name", name}, {"password", password},
              {"mic", true}, {"camera", true}});
  return until_janus(c);
}

TEST(JanusRooms, TheThirdPersonMovesTheRoomAndEveryoneMeetsInOneJanusRoom) {
  ServerProcess server{{"--janus", kJanusA, "--janus-from", "3"}};
  WsClient anna(server.port()), bob(server.port()), carla(server.port());
  ASSERT_EQ(anna.join("familie", "Anna")["type"], "joined") << "two people: a mesh";
  ASSERT_EQ(bob.join("familie", "Bob")["type"], "joined");
  ASSERT_EQ(anna.next()["type"], "peer-joined");

  carla.send(json{{"v", 1}, {"type", "join"}, {"room", "familie"}, {"name", "Carla"}, {"mic", true}, {"camera", true}});
  const json c = until_janus(carla);
  ASSERT_EQ(c["type"], "janus") << c;
  EXPECT_EQ(c["url"], kJanusA);
  EXPECT_GT(c["room"].get<std::uint64_t>(), 0u);
  EXPECT_LT(c["room"].get<std::uint64_t>(), std::uint64_t{1} << 53);
  EXPECT_EQ(c["pin"].get<std::string>().size(), 32u);
  EXPECT_EQ(anna.next(), c) << "the mesh's people go to the same Janus room";
  EXPECT_EQ(bob.next(), c);

  // Their seats here are over: nothing more is relayed between them.
  anna.send(json{{"v", 1}, {"type", "signal"}, {"to", "x"}, {"kind", "offer"}, {"sdp", "v=0"}});
  EXPECT_EQ(anna.next()["code"], "not-joined");
  // Whoever comes next goes straight there, also with fewer people than the threshold.
  WsClient dirk(server.port());
  dirk.send(json{{"v", 1}, {"type", "join"}, {"room", "familie"}, {"name", "Dirk"}, {"mic", false}, {"camera", false}});
  EXPECT_EQ(until_janus(dirk), c);
  // Another room stays a mesh until it grows.
  WsClient otto(server.port());
  EXPECT_EQ(otto.join("andere", "Otto")["type"], "joined");
}

TEST(JanusRooms, FromOneEveryRoomIsOnJanusEachWithItsOwnNumberAndPin) {
  ServerProcess server{{"--janus", kJanusA, "--janus-from", "1"}};
  WsClient anna(server.port()), bob(server.port()), otto(server.port());
  anna.send(json{{"v", 1}, {"type", "join"}, {"room", "familie"}, {"name", "Anna"}, {"mic", true}, {"camera", true}});
  const json a = until_janus(anna);
  ASSERT_EQ(a["type"], "janus") << a;
  bob.send(json{{"v", 1}, {"type", "join"}, {"room", "familie"}, {"name", "Bob"}, {"mic", true}, {"camera", true}});
  EXPECT_EQ(until_janus(bob), a);
  otto.send(json{{"v", 1}, {"type", "join"}, {"room", "andere"}, {"name", "Otto"}, {"mic", true}, {"camera", true}});
  const json o = until_janus(otto);
  EXPECT_NE(o["room"], a["room"]);
  EXPECT_NE(o["pin"], a["pin"]);
}

TEST(JanusRooms, ALockedRoomKeepsItsPasswordOnJanus) {
  ServerProcess server{{"--janus", kJanusA, "--janus-from", "2"}};
  WsClient anna(server.port());
  ASSERT_EQ(anna.join("familie", "Anna")["type"], "joined");
  anna.send(json{{"v", 1}, {"type", "lock"}, {"password", "Apfelkuchen 7"}});
  ASSERT_EQ(anna.next()["locked"], true);

  WsClient bob(server.port());
  bob.send(json{{"v", 1}, {"type", "join"}, {"room", "familie"}, {"name", "Bob"}, {"mic", true}, {"camera", true}});
  EXPECT_EQ(bob.next()["code"], "password-required");
  EXPECT_EQ(join_with_password(bob, "familie", "Bob", "falsch")["code"], "wrong-password");
  const json place = join_with_password(bob, "familie", "Bob", "Apfelkuchen 7");
  ASSERT_EQ(place["type"], "janus") << place;
  EXPECT_EQ(anna.next(), place) << "Anna's mesh room went along";

  // On Janus now, the room is still locked: the pin is only for whom the password lets in.
  WsClient mallory(server.port());
  mallory.send(json{{"v", 1}, {"type", "join"}, {"room", "familie"}, {"name", "M"}, {"mic", true}, {"camera", true}});
  EXPECT_EQ(mallory.next()["code"], "password-required");
  EXPECT_EQ(join_with_password(mallory, "familie", "M", "geraten")["code"], "wrong-password");
  WsClient carla(server.port());
  EXPECT_EQ(join_with_password(carla, "familie", "Carla", "Apfelkuchen 7"), place);
}

TEST(JanusRooms, SeveralJanusServersShareTheRoomsAndARoomStaysOnOne) {
  ServerProcess first{{"--janus", kJanusA, "--janus", kJanusB, "--janus-from", "1"}};
  ServerProcess second{{"--janus", kJanusA, "--janus", kJanusB, "--janus-from", "1"}};
  std::set<std::string> used;
  for (int i = 0; i < 12; ++i) {
    const std::string room = "raum-" + std::to_string(i);
    std::string url;
    for (ServerProcess* server : {&first, &second}) {
      WsClient c(server->port());
      c.send(json{{"v", 1}, {"type", "join"}, {"room", room}, {"name", "Anna"}, {"mic", true}, {"camera", true}});
      const json m = until_janus(c);
      ASSERT_EQ(m["type"], "janus") << m;
      if (url.empty()) url = m["url"];
      EXPECT_EQ(m["url"], url) << room << ": the same Janus from either treff-server";
    }
    used.insert(url);
  }
  EXPECT_EQ(used, (std::set<std::string>{kJanusA, kJanusB})) << "twelve rooms use both";
}

TEST(JanusRooms, ThePageMayConnectToTheJanusServers) {
  ServerProcess server{{"--janus", kJanusB}};
  const HttpResponse page = http_request(server.port(), http::verb::get, "/");
  const std::string csp(page["Content-Security-Policy"]);
  EXPECT_NE(csp.find(kJanusB), std::string::npos) << csp;
}

TEST(JanusRoomFlags, BadOnesStopTheServerWithTheProblemNamed) {
  for (const auto& [flags, expected] : std::vector<std::pair<std::string, std::string>>{
           {"--janus http://127.0.0.1:8188", "'http://127.0.0.1:8188' is not a ws:// or wss:// URL"},
           {"--janus 'ws://janus example'", "is not a ws:// or wss:// URL"},
           {"--janus ws://127.0.0.1:8188 --janus-from 0", "--janus-from"},
           {"--janus ws://127.0.0.1:8188 --janus-from 9 --room-limit 8", "above --room-limit"}}) {
    const auto [code, output] = run_server_command("--port 0 " + flags);
    EXPECT_NE(code, 0) << flags << ": " << output;
    EXPECT_NE(output.find(expected), std::string::npos) << flags << ": " << output;
  }
}

}  // namespace
}  // namespace treff::test
