// A Treff server that sends a room's media through a Janus (treff-server --janus): the call
// controller leaves the mesh and goes on in the Janus room the server named, with its pin and the
// Treff server's ICE servers. Both servers are played by the test in their own messages.
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "app/call_controller.h"
#include "platform/fake/fake_local_media.h"
#include "platform/fake/fake_message_socket.h"
#include "platform/fake/fake_peer_connections.h"

namespace treff {
namespace {

using json = nlohmann::json;
using platform::FakeMessageSocket;

constexpr const char* kJanusUrl = "ws://127.0.0.1:8188/janus";
constexpr const char* kPin = "00112233445566778899aabbccddeeff";
constexpr std::uint64_t kJanusRoom = 4503599627370495;  // 2^52 - 1: past 32 bits, exact in JavaScript

class CallMovedToJanusTest : public ::testing::Test {
 protected:
  CallController call{peers, media,
                      [this](const std::string& url, const std::string& subprotocol) -> std::unique_ptr<platform::MessageSocket> {
                        urls.push_back(url);
                        subprotocols.push_back(subprotocol);
                        sockets.push_back(std::make_shared<FakeMessageSocket>());
                        return std::make_unique<platform::FakeSocketHandle>(sockets.back());
                      }};

  FakeMessageSocket& socket() { return *sockets.back(); }
  void tick() { call.tick(now += 16); }
  json last_sent() { return json::parse(socket().sent.back()); }
  void says(const std::string& text) {
    socket().server_says(text);
    tick();
  }
  std::string moved_text() const {
    return proto::serialize(proto::ServerMessage{proto::OnJanus{kJanusUrl, kJanusRoom, kPin}});
  }

  // Anna joins "familie" on the Treff server with camera and microphone; it sends its ICE servers.
  void join_treff() {
    ASSERT_TRUE(call.join("familie", "Anna", true, true).ok());
    media.answer_opened();
    socket().server_opens();
    tick();
    ASSERT_EQ(last_sent()["type"], "join");
    says(proto::serialize(proto::ServerMessage{proto::IceConfig{{turn}, 3600}}));
  }

  // The Janus connection opens: a session, the publisher's handle, then the join it asks for.
  json janus_join() {
    socket().server_opens();
    tick();
    json create = last_sent();
    EXPECT_EQ(create["janus"], "create");
    says(json{{"janus", "success"}, {"transaction", create["transaction"]}, {"data", {{"id", 9001}}}}.dump());
    json attach = last_sent();
    EXPECT_EQ(attach["janus"], "attach");
    says(json{{"janus", "success"}, {"transaction", attach["transaction"]}, {"data", {{"id", 71}}}}.dump());
    return last_sent();
  }

  const proto::IceServer turn{{"turn:turn.example.org:3478?transport=udp"}, "1733503600:aa", "c3Q="};
  platform::FakePeerConnections peers;
  platform::FakeLocalMedia media;
  std::vector<std::shared_ptr<FakeMessageSocket>> sockets;
  std::vector<std::string> urls, subprotocols;
  std::int64_t now = 0;
};

TEST_F(CallMovedToJanusTest, AMeshRoomThatGrowsGoesOnInTheJanusRoomTheServerNamed) {
  join_treff();
  says(R"({"v":1,"type":"joined","room":"familie","self":"5","locked":false,"host":"3","peers":[{"id":"3","name":"Oma","mic":true,"camera":true}]})");
  ASSERT_EQ(call.phase(), CallPhase::InRoom);
  ASSERT_TRUE(call.remote("3"));
  const platform::PeerHandle mesh = call.remote("3")->connection;

  says(moved_text());
  EXPECT_TRUE(sockets.front()->closed_by_client) << "the Treff server gave up our seat";
  EXPECT_TRUE(peers.connections.at(mesh).closed) << "the mesh's connection to Oma ends";
  EXPECT_EQ(call.phase(), CallPhase::Reconnecting) << "the room stays on screen meanwhile";
  ASSERT_EQ(sockets.size(), 2u);
  EXPECT_EQ(urls.back(), kJanusUrl);
  EXPECT_EQ(subprotocols.back(), "janus-protocol");

  const json join = janus_join();
  EXPECT_EQ(join["body"]["request"], "join");
  EXPECT_EQ(join["body"]["room"], kJanusRoom) << "the server's number, not one made from the name";
  EXPECT_EQ(join["body"]["pin"], kPin);
  says(json{{"janus", "event"},
            {"sender", 71},
            {"transaction", join["transaction"]},
            {"plugindata",
             {{"plugin", "janus.plugin.videoroom"},
              {"data", {{"videoroom", "joined"}, {"id", 6}, {"private_id", 66},
                        {"publishers", {{{"id", 8}, {"display", R"({"name":"Oma","mic":true,"camera":false})"}}}}}}}}}
           .dump());
  EXPECT_EQ(call.phase(), CallPhase::InRoom);
  ASSERT_EQ(call.room().size(), 2u);
  EXPECT_EQ(call.room().find("8")->name, "Oma");
  EXPECT_FALSE(call.room().find("3")) << "the mesh's Oma is gone, Janus's is there";
  ASSERT_EQ(call.ice_servers().size(), 1u) << "Janus hands out none: the Treff server's TURN stays";
  EXPECT_EQ(call.ice_servers().front().username, "1733503600:aa");
  ASSERT_EQ(peers.connections.size(), 2u);
  EXPECT_EQ(peers.connections.rbegin()->second.ice_servers, std::vector<proto::IceServer>{turn});

  // A second "janus" (a late duplicate) changes nothing.
  const std::size_t opened = sockets.size();
  sockets.front()->server_says(moved_text());
  tick();
  EXPECT_EQ(sockets.size(), opened);
}

TEST_F(CallMovedToJanusTest, SomeoneComingIntoARoomOnJanusIsSentThereInPlaceOfJoined) {
  join_treff();
  says(moved_text());
  EXPECT_EQ(call.phase(), CallPhase::Connecting);
  EXPECT_EQ(urls.back(), kJanusUrl);
  EXPECT_EQ(janus_join()["body"]["pin"], kPin);
  EXPECT_EQ(call.phase(), CallPhase::Joining);
}

TEST_F(CallMovedToJanusTest, AJanusThatCannotBeReachedEndsTheJoinWithAPlainMessage) {
  join_treff();
  says(moved_text());
  socket().server_closes(1006);
  tick();
  EXPECT_EQ(call.phase(), CallPhase::Failed);
  ASSERT_TRUE(call.problem());
  EXPECT_EQ(call.problem()->code, "server-unreachable");
}

TEST_F(CallMovedToJanusTest, TheNextCallStartsAtTheTreffServerAgain) {
  join_treff();
  says(moved_text());
  janus_join();
  call.leave();
  ASSERT_TRUE(call.join("familie", "Anna", true, true).ok());
  tick();
  EXPECT_EQ(urls.back(), "") << "the server the person chose, which decides again";
  EXPECT_EQ(subprotocols.back(), "");
}

TEST_F(CallMovedToJanusTest, AJanusMessageWithABadUrlOrPinIsNotFollowed) {
  join_treff();
  says(R"({"v":1,"type":"janus","url":"https://evil.example/","room":5,"pin":"00112233445566778899aabbccddeeff"})");
  says(R"({"v":1,"type":"janus","url":"ws://127.0.0.1:8188","room":5,"pin":"short"})");
  says(R"({"v":1,"type":"janus","url":"ws://127.0.0.1:8188","room":9007199254740992,"pin":"00112233445566778899aabbccddeeff"})");
  EXPECT_EQ(sockets.size(), 1u) << "nothing followed";
  EXPECT_EQ(call.phase(), CallPhase::Joining);
}

}  // namespace
}  // namespace treff
