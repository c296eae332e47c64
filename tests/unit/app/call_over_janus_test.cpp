// The call controller with the Janus backend and the SFU negotiator: the same call screen's
// intents and state, Janus's side played by the test in Janus's own messages.
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "app/call_controller.h"
#include "core/janus_backend.h"
#include "platform/fake/fake_local_media.h"
#include "platform/fake/fake_message_socket.h"
#include "platform/fake/fake_peer_connections.h"

namespace treff {
namespace {

using json = nlohmann::json;
using platform::PeerEvent;

constexpr std::uint64_t kPublisherHandle = 71;
constexpr std::uint64_t kSubscriberHandle = 72;

class CallOverJanusTest : public ::testing::Test {
 protected:
  CallController call{peers, media,
                      [this](const std::string&, const std::string& subprotocol) -> std::unique_ptr<platform::MessageSocket> {
                        subprotocols.push_back(subprotocol);
                        sockets.push_back(std::make_shared<platform::FakeMessageSocket>());
                        return std::make_unique<platform::FakeSocketHandle>(sockets.back());
                      },
                      CallShape::janus_sfu()};

  platform::FakeMessageSocket& socket() { return *sockets.back(); }
  void tick() { call.tick(now += 16); }
  // What the call sent since the last look, as JSON; keep-alives left out.
  std::vector<json> sent() {
    std::vector<json> out;
    for (; seen < socket().sent.size(); ++seen) {
      json m = json::parse(socket().sent[seen]);
      if (m["janus"] != "keepalive") out.push_back(std::move(m));
    }
    return out;
  }
  json last_sent() {
    auto all = sent();
    EXPECT_FALSE(all.empty());
    return all.empty() ? json() : all.back();
  }
  void janus_says(const json& m) {
    socket().server_says(m.dump());
    tick();
  }
  json success(const json& request, std::uint64_t id) {
    return {{"janus", "success"}, {"transaction", request["transaction"]}, {"data", {{"id", id}}}};
  }
  json event(const json& request, std::uint64_t sender, json data) {
    json m{{"janus", "event"}, {"sender", sender}, {"plugindata", {{"plugin", "janus.plugin.videoroom"}, {"data", data}}}};
    if (!request.is_null()) m["transaction"] = request["transaction"];
    return m;
  }
  PeerEvent peer_event(PeerEvent::Kind kind, platform::PeerHandle h) {
    PeerEvent e;
    e.kind = kind;
    e.peer = h;
    return e;
  }
  // The handle of the connection created n-th (1: the publisher).
  platform::PeerHandle connection(int n) { return static_cast<platform::PeerHandle>(n); }

  // Anna joins "familie" (camera and microphone) where Oma publishes.
  void join() {
    ASSERT_TRUE(call.join("familie", "Anna", true, true).ok());
    media.answer_opened();
    socket().server_opens();
    tick();
    json create = last_sent();
    ASSERT_EQ(create["janus"], "create");
    janus_says(success(create, 9001));
    janus_says(success(last_sent(), kPublisherHandle));
    json join = last_sent();
    ASSERT_EQ(join["body"]["request"], "join");
    ASSERT_EQ(call.phase(), CallPhase::Joining);
    janus_says(event(join, kPublisherHandle,
                     {{"videoroom", "joined"}, {"id", 5}, {"private_id", 55},
                      {"publishers", {{{"id", 3}, {"display", janus_display("Oma", {true, true})}}}}}));
  }

  platform::FakePeerConnections peers;
  platform::FakeLocalMedia media;
  std::vector<std::shared_ptr<platform::FakeMessageSocket>> sockets;
  std::vector<std::string> subprotocols;
  std::size_t seen = 0;
  std::int64_t now = 0;
};

TEST_F(CallOverJanusTest, JoinsPublishesAndSeesEveryoneThroughOneSubscription) {
  join();
  EXPECT_EQ(subprotocols, std::vector<std::string>{"janus-protocol"});
  EXPECT_EQ(call.phase(), CallPhase::InRoom);
  ASSERT_EQ(call.room().size(), 2u);
  EXPECT_EQ(call.room().find("3")->name, "Oma");
  ASSERT_EQ(peers.connections.size(), 1u) << "one connection up, however many are in the room";
  EXPECT_TRUE(peers.connections.at(connection(1)).media_attached);

  // Our media goes up: the browser's offer is published.
  peers.emit(peer_event(PeerEvent::Kind::NegotiationNeeded, connection(1)));
  tick();
  EXPECT_EQ(peers.connections.at(connection(1)).local_descriptions, 1);
  PeerEvent offer = peer_event(PeerEvent::Kind::LocalDescription, connection(1));
  offer.signal = {proto::SignalKind::Offer, "v=0 anna", "", {}, {}};
  PeerEvent have_offer = peer_event(PeerEvent::Kind::SignalingStateChanged, connection(1));
  have_offer.signaling = SignalingState::HaveLocalOffer;
  peers.emit(have_offer);
  peers.emit(offer);
  tick();
  json attach_subscriber, publish;
  for (auto& m : sent()) (m["janus"] == "attach" ? attach_subscriber : publish) = m;
  ASSERT_EQ(publish["body"]["request"], "publish");
  EXPECT_EQ(publish["jsep"]["sdp"], "v=0 anna");
  json configured = event(publish, kPublisherHandle, {{"videoroom", "event"}, {"configured", "ok"}});
  configured["jsep"] = {{"type", "answer"}, {"sdp", "v=0 janus answer"}};
  janus_says(configured);
  ASSERT_EQ(peers.connections.at(connection(1)).remote_descriptions.size(), 1u);
  EXPECT_EQ(peers.connections.at(connection(1)).remote_descriptions[0].sdp, "v=0 janus answer");

  // Everyone else comes down one subscription.
  ASSERT_EQ(attach_subscriber["janus"], "attach");
  janus_says(success(attach_subscriber, kSubscriberHandle));
  json subscribe = last_sent();
  ASSERT_EQ(subscribe["body"]["ptype"], "subscriber");
  json attached = event(subscribe, kSubscriberHandle,
                        {{"videoroom", "attached"},
                         {"streams", {{{"mid", "0"}, {"type", "audio"}, {"feed_id", 3}, {"active", true}},
                                      {{"mid", "1"}, {"type", "video"}, {"feed_id", 3}, {"active", true}}}}});
  attached["jsep"] = {{"type", "offer"}, {"sdp", "v=0 everyone"}};
  janus_says(attached);
  ASSERT_EQ(peers.connections.size(), 2u);
  EXPECT_FALSE(peers.connections.at(connection(2)).media_attached) << "nothing of ours goes down";
  EXPECT_EQ(peers.connections.at(connection(2)).remote_descriptions.at(0).sdp, "v=0 everyone");
  PeerEvent applied = peer_event(PeerEvent::Kind::RemoteDescriptionApplied, connection(2));
  applied.signal.kind = proto::SignalKind::Offer;
  peers.emit(applied);
  tick();
  PeerEvent answer = peer_event(PeerEvent::Kind::LocalDescription, connection(2));
  answer.signal = {proto::SignalKind::Answer, "v=0 anna receives", "", {}, {}};
  peers.emit(answer);
  tick();
  json start = last_sent();
  EXPECT_EQ(start["body"]["request"], "start");
  EXPECT_EQ(start["handle_id"], kSubscriberHandle);
  EXPECT_EQ(start["jsep"]["sdp"], "v=0 anna receives");

  // Oma's picture and sound are her mids of the subscription.
  const RemoteMediaState* oma = call.remote("3");
  ASSERT_NE(oma, nullptr);
  EXPECT_EQ(oma->connection, connection(2));
  EXPECT_EQ(oma->mids, (std::vector<std::string>{"0", "1"}));
  EXPECT_TRUE(oma->has_video && oma->has_audio);
  PeerEvent connected = peer_event(PeerEvent::Kind::ConnectionStateChanged, connection(2));
  connected.connection = platform::ConnectionState::Connected;
  peers.emit(connected);
  tick();
  EXPECT_EQ(call.remote("3")->state, platform::ConnectionState::Connected) << "the subscription's state is hers";

  // Oma leaves: her tile goes, our connections stay.
  janus_says(event(json(), kPublisherHandle, {{"videoroom", "event"}, {"leaving", 3}}));
  EXPECT_EQ(call.room().find("3"), nullptr);
  EXPECT_EQ(call.remote("3"), nullptr);
  EXPECT_EQ(peers.open_count(), 2u);
}

TEST_F(CallOverJanusTest, MicSwitchedOffIsToldThroughTheDisplayAndLeavingEndsTheSession) {
  join();
  sent();
  call.set_mic(false);
  json configure = last_sent();
  EXPECT_EQ(configure["body"]["request"], "configure");
  EXPECT_FALSE(janus_person(5, configure["body"]["display"]).media.mic);
  janus_says(event(json(), kPublisherHandle, {{"videoroom", "event"}, {"id", 3}, {"display", janus_display("Oma", {true, false})}}));
  EXPECT_FALSE(call.room().find("3")->media.camera) << "Oma switched her camera off";
  call.leave();
  auto out = sent();
  ASSERT_EQ(out.size(), 2u);
  EXPECT_EQ(out[0]["body"]["request"], "leave");
  EXPECT_EQ(out[1]["janus"], "destroy");
  EXPECT_EQ(peers.open_count(), 0u);
}

TEST_F(CallOverJanusTest, AWrongPinIsTheJoinPromptAgainWithPlainWords) {
  ASSERT_TRUE(call.join("familie", "Anna", false, false, std::string("fout12345")).ok());
  socket().server_opens();
  tick();
  janus_says(success(last_sent(), 9001));
  janus_says(success(last_sent(), kPublisherHandle));
  json join = last_sent();
  EXPECT_EQ(join["body"]["pin"], "fout12345");
  janus_says(event(join, kPublisherHandle, {{"videoroom", "event"}, {"error_code", 433}, {"error", "Unauthorized"}}));
  EXPECT_EQ(call.phase(), CallPhase::Failed);
  ASSERT_TRUE(call.problem());
  EXPECT_EQ(call.problem()->code, "wrong-password");
}

}  // namespace
}  // namespace treff
