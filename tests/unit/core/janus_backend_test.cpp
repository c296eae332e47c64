#include "core/janus_backend.h"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

namespace treff {
namespace {

using json = nlohmann::json;

constexpr std::uint64_t kSession = 9001;
constexpr std::uint64_t kPublisherHandle = 71;
constexpr std::uint64_t kSubscriberHandle = 72;

// Plays Janus's side: reads what the backend sent and answers the way Janus 1.1 does.
class JanusBackendTest : public ::testing::Test {
 protected:
  std::vector<json> sent() {
    std::vector<json> out;
    for (const auto& text : backend.take_outgoing()) out.push_back(json::parse(text));
    return out;
  }
  json only_sent() {
    auto all = sent();
    EXPECT_EQ(all.size(), 1u);
    return all.empty() ? json() : all.back();
  }
  void say(const json& m) { backend.received(m.dump(), now); }
  json success(const json& request, std::uint64_t id) {
    return {{"janus", "success"}, {"transaction", request["transaction"]}, {"data", {{"id", id}}}};
  }
  json plugin_event(const json& request, std::uint64_t sender, json data) {
    json m{{"janus", "event"}, {"session_id", kSession}, {"sender", sender},
           {"plugindata", {{"plugin", "janus.plugin.videoroom"}, {"data", std::move(data)}}}};
    if (!request.is_null()) m["transaction"] = request["transaction"];
    return m;
  }
  json room_event(json data) { return plugin_event(json(), kPublisherHandle, std::move(data)); }
  std::vector<BackendEvent> events() { return backend.take_events(); }

  // Session and publisher handle: the backend says it is ready for a join.
  void open() {
    backend.opened(now);
    json create = only_sent();
    ASSERT_EQ(create["janus"], "create");
    say(success(create, kSession));
    json attach = only_sent();
    ASSERT_EQ(attach["janus"], "attach");
    ASSERT_EQ(attach["plugin"], "janus.plugin.videoroom");
    ASSERT_EQ(attach["session_id"], kSession);
    say(success(attach, kPublisherHandle));
    auto e = events();
    ASSERT_EQ(e.size(), 2u);
    ASSERT_TRUE(std::holds_alternative<backend::Greeted>(e[0]));
    ASSERT_TRUE(std::holds_alternative<backend::Ready>(e[1]));
  }
  // Joins "familie" as Anna, where Oma publishes and Piet only watches.
  void join_room(std::optional<std::string> password = std::nullopt) {
    open();
    backend.join(JoinRequest{"familie", "Anna", password, {true, false}, std::nullopt});
    json join = only_sent();
    say({{"janus", "ack"}, {"transaction", join["transaction"]}});
    say(plugin_event(join, kPublisherHandle,
                     {{"videoroom", "joined"},
                      {"room", join["body"]["room"]},
                      {"id", 5},
                      {"private_id", 55},
                      {"publishers", {{{"id", 3}, {"display", janus_display("Oma", {true, true})},
                                       {"streams", json::array()}}}},
                      {"attendees", {{{"id", 4}, {"display", janus_display("Piet", {false, false})}}}}}));
  }

  JanusBackend backend;
  std::int64_t now = 1000;
};

TEST(JanusRoomNumber, IsStableDifferentPerNameAndExactInJavaScript) {
  EXPECT_EQ(janus_room_number("familie"), janus_room_number("familie"));
  EXPECT_NE(janus_room_number("familie"), janus_room_number("Familie"));
  for (const char* name : {"familie", "e2e-koffie", "a", ""}) {
    EXPECT_GT(janus_room_number(name), 0u);
    EXPECT_LT(janus_room_number(name), 1ULL << 53);
  }
}

TEST(JanusPerson, ReadsTreffsDisplayAndTakesOtherClientsDisplayAsTheName) {
  const proto::PeerInfo anna = janus_person(5, janus_display("Anna de Vries", {false, true}));
  EXPECT_EQ(anna.id, "5");
  EXPECT_EQ(anna.name, "Anna de Vries");
  EXPECT_FALSE(anna.media.mic);
  EXPECT_TRUE(anna.media.camera);
  const proto::PeerInfo demo = janus_person(8, "Lorenzo");  // the Janus demo page's display
  EXPECT_EQ(demo.name, "Lorenzo");
  EXPECT_TRUE(demo.media.mic && demo.media.camera);
  EXPECT_EQ(janus_person(9, "").name, "#9") << "a nameless participant still has a label";
  EXPECT_EQ(janus_person(9, R"({"name":"\u0007"})").name, "#9");
}

TEST_F(JanusBackendTest, OpensASessionAndAVideoRoomHandleBeforeSayingItIsReady) {
  open();
  EXPECT_EQ(backend.subprotocol(), "janus-protocol");
}

TEST_F(JanusBackendTest, JoinsCreatingTheRoomWhenJanusDoesNotHaveIt) {
  open();
  backend.join(JoinRequest{"familie", "Anna", std::string("geheim1"), {true, true}, std::nullopt});
  json join = only_sent();
  EXPECT_EQ(join["janus"], "message");
  EXPECT_EQ(join["handle_id"], kPublisherHandle);
  EXPECT_EQ(join["body"]["request"], "join");
  EXPECT_EQ(join["body"]["ptype"], "publisher");
  EXPECT_EQ(join["body"]["room"], janus_room_number("familie"));
  EXPECT_EQ(join["body"]["pin"], "geheim1");
  EXPECT_EQ(janus_person(1, join["body"]["display"]).name, "Anna");
  say(plugin_event(join, kPublisherHandle, {{"videoroom", "event"}, {"error_code", 426}, {"error", "No such room"}}));
  json create = only_sent();
  EXPECT_EQ(create["body"]["request"], "create");
  EXPECT_EQ(create["body"]["description"], "familie");
  EXPECT_EQ(create["body"]["notify_joining"], true) << "people without camera or microphone are seen too";
  EXPECT_EQ(create["body"]["pin"], "geheim1");
  EXPECT_EQ(create["body"]["publishers"], 50);
  say({{"janus", "success"}, {"transaction", create["transaction"]}, {"sender", kPublisherHandle},
       {"plugindata", {{"plugin", "janus.plugin.videoroom"}, {"data", {{"videoroom", "created"}, {"room", 1}}}}}});
  EXPECT_EQ(only_sent()["body"]["request"], "join") << "and then joins it";
  EXPECT_TRUE(events().empty()) << "nothing to tell the call yet";
}

TEST_F(JanusBackendTest, ARoomWithAPinIsSubscribedToWithThePin) {
  join_room("geheim1");
  events();
  say(success(only_sent(), kSubscriberHandle));
  json subscribe = only_sent();
  EXPECT_EQ(subscribe["body"]["ptype"], "subscriber");
  EXPECT_EQ(subscribe["body"]["pin"], "geheim1") << "Janus refuses a subscriber without it";
}

TEST_F(JanusBackendTest, TwoCreatingTheSameRoomAtOnceBothEndUpInIt) {
  open();
  backend.join(JoinRequest{"familie", "Anna", std::nullopt, {true, true}, std::nullopt});
  json join = only_sent();
  say(plugin_event(join, kPublisherHandle, {{"videoroom", "event"}, {"error_code", 426}, {"error", "No such room"}}));
  json create = only_sent();
  say({{"janus", "error"}, {"transaction", create["transaction"]}, {"error", {{"code", 427}, {"reason", "Room exists"}}}});
  EXPECT_EQ(only_sent()["body"]["request"], "join");
  EXPECT_TRUE(events().empty());
}

TEST_F(JanusBackendTest, TheJoinedRoomListsPublishersAndWatchersAndSubscribesToThePublishers) {
  join_room();
  auto e = events();
  ASSERT_EQ(e.size(), 1u);
  const proto::Joined& joined = std::get<backend::Joined>(e[0]).room;
  EXPECT_EQ(joined.self_id, "5");
  ASSERT_EQ(joined.peers.size(), 2u);
  EXPECT_EQ(joined.peers[0].name, "Piet");
  EXPECT_FALSE(joined.peers[0].media.mic);
  EXPECT_EQ(joined.peers[1].name, "Oma");
  EXPECT_FALSE(joined.info.locked);
  // Oma publishes: a second handle subscribes to her.
  json attach = only_sent();
  EXPECT_EQ(attach["janus"], "attach");
  say(success(attach, kSubscriberHandle));
  json subscribe = only_sent();
  EXPECT_EQ(subscribe["handle_id"], kSubscriberHandle);
  EXPECT_EQ(subscribe["body"]["request"], "join");
  EXPECT_EQ(subscribe["body"]["ptype"], "subscriber");
  EXPECT_EQ(subscribe["body"]["streams"], json::parse(R"([{"feed":3}])"));
  say(json{{"janus", "event"},
           {"transaction", subscribe["transaction"]},
           {"sender", kSubscriberHandle},
           {"plugindata",
            {{"plugin", "janus.plugin.videoroom"},
             {"data", {{"videoroom", "attached"},
                       {"streams", {{{"mid", "0"}, {"type", "audio"}, {"feed_id", 3}},
                                    {{"mid", "1"}, {"type", "video"}, {"feed_id", 3}}}}}}}},
           {"jsep", {{"type", "offer"}, {"sdp", "v=0 subscriber"}}}});
  e = events();
  ASSERT_EQ(e.size(), 2u);
  const auto& streams = std::get<backend::Streams>(e[0]);
  EXPECT_EQ(streams.connection, "subscriber");
  ASSERT_EQ(streams.streams.size(), 2u);
  EXPECT_EQ(streams.streams[1], (backend::RemoteStream{"1", "3", true, true})) << "the video stream is Oma's";
  EXPECT_FALSE(streams.streams[0].video);
  const auto& offer = std::get<backend::Signal>(e[1]);
  EXPECT_EQ(offer.from, "subscriber");
  EXPECT_EQ(offer.signal.kind, proto::SignalKind::Offer);
  EXPECT_EQ(offer.signal.sdp, "v=0 subscriber");
  // Our answer starts the subscription.
  proto::Signal answer;
  answer.kind = proto::SignalKind::Answer;
  answer.sdp = "v=0 answer";
  backend.signal("subscriber", answer);
  json start = only_sent();
  EXPECT_EQ(start["handle_id"], kSubscriberHandle);
  EXPECT_EQ(start["body"]["request"], "start");
  EXPECT_EQ(start["jsep"]["type"], "answer");
  EXPECT_EQ(start["jsep"]["sdp"], "v=0 answer");
}

TEST_F(JanusBackendTest, OurOfferPublishesThenRenegotiatesWithConfigureAndCandidatesTrickle) {
  join_room();
  events();
  sent();
  proto::Signal offer;
  offer.kind = proto::SignalKind::Offer;
  offer.sdp = "v=0 publisher";
  backend.signal("publisher", offer);
  json publish = only_sent();
  EXPECT_EQ(publish["handle_id"], kPublisherHandle);
  EXPECT_EQ(publish["body"]["request"], "publish");
  EXPECT_EQ(publish["jsep"]["type"], "offer");
  json answer_event = plugin_event(publish, kPublisherHandle, {{"videoroom", "event"}, {"configured", "ok"}});
  answer_event["jsep"] = {{"type", "answer"}, {"sdp", "v=0 janus"}};
  say(answer_event);
  auto e = events();
  ASSERT_EQ(e.size(), 1u);
  EXPECT_EQ(std::get<backend::Signal>(e[0]).from, "publisher");
  EXPECT_EQ(std::get<backend::Signal>(e[0]).signal.kind, proto::SignalKind::Answer);
  backend.signal("publisher", offer);  // an ICE restart
  EXPECT_EQ(only_sent()["body"]["request"], "configure");
  proto::Signal candidate;
  candidate.kind = proto::SignalKind::Candidate;
  candidate.candidate = "candidate:1 1 udp 2122260223 192.168.1.2 5000 typ host";
  candidate.sdp_mid = "0";
  candidate.sdp_mline_index = 0;
  backend.signal("publisher", candidate);
  json trickle = only_sent();
  EXPECT_EQ(trickle["janus"], "trickle");
  EXPECT_EQ(trickle["handle_id"], kPublisherHandle);
  EXPECT_EQ(trickle["candidate"]["sdpMid"], "0");
  backend.signal("publisher", proto::Signal{proto::SignalKind::Candidate, "", "", std::nullopt, std::nullopt});
  EXPECT_EQ(only_sent()["candidate"], json::parse(R"({"completed":true})"));
}

TEST_F(JanusBackendTest, PeopleComingGoingAndSwitchingTheirCameraReachTheCall) {
  join_room();
  events();
  json attach = only_sent();
  say(success(attach, kSubscriberHandle));
  json subscribe = only_sent();
  say(plugin_event(subscribe, kSubscriberHandle, {{"videoroom", "attached"}, {"streams", json::array()}}));
  events();
  say(room_event({{"videoroom", "event"}, {"joining", {{"id", 6}, {"display", janus_display("Bob", {true, true})}}}}));
  say(room_event({{"videoroom", "event"},
                  {"publishers", {{{"id", 6}, {"display", janus_display("Bob", {true, true})}}}}}));
  say(room_event({{"videoroom", "event"}, {"id", 3}, {"display", janus_display("Oma", {false, true})}}));
  say(room_event({{"videoroom", "event"}, {"leaving", 4}, {"display", janus_display("Piet", {false, false})}}));
  auto e = events();
  ASSERT_EQ(e.size(), 4u);
  EXPECT_EQ(std::get<backend::PersonJoined>(e[0]).person.name, "Bob");
  EXPECT_EQ(std::get<backend::PersonJoined>(e[1]).person.id, "6") << "the call adds someone once";
  EXPECT_EQ(std::get<backend::PersonMedia>(e[2]).id, "3");
  EXPECT_FALSE(std::get<backend::PersonMedia>(e[2]).media.mic);
  EXPECT_EQ(std::get<backend::PersonLeft>(e[3]).id, "4");
  // Bob publishes: the subscription takes him in.
  json more = only_sent();
  EXPECT_EQ(more["body"]["request"], "subscribe");
  EXPECT_EQ(more["body"]["streams"], json::parse(R"([{"feed":6}])"));
}

TEST(VideoSize, ATileGetsTheSmallestLayerAboutAsTallAsItself) {
  EXPECT_EQ(video_size_for_height(0), VideoSize::Off);
  EXPECT_EQ(video_size_for_height(120), VideoSize::Small);   // a thumbnail
  EXPECT_EQ(video_size_for_height(225), VideoSize::Small);
  EXPECT_EQ(video_size_for_height(300), VideoSize::Medium);  // a large view on a phone
  EXPECT_EQ(video_size_for_height(800), VideoSize::Large);   // a large view on a laptop
}

TEST_F(JanusBackendTest, OnlyShownVideosAreSentEachAtTheLayerItsTileNeeds) {
  join_room();
  json attach = sent().back();
  say(success(attach, kSubscriberHandle));
  json subscribe = only_sent();
  say(plugin_event(subscribe, kSubscriberHandle,
                   {{"videoroom", "attached"},
                    {"streams", {{{"mid", "0"}, {"type", "audio"}, {"feed_id", 3}},
                                 {{"mid", "1"}, {"type", "video"}, {"feed_id", 3}},
                                 {{"mid", "2"}, {"type", "audio"}, {"feed_id", 6}},
                                 {{"mid", "3"}, {"type", "video"}, {"feed_id", 6}}}}}));
  EXPECT_TRUE(sent().empty()) << "nothing asked before the screen says what it shows";
  backend.choose_videos({{"3", VideoSize::Large}, {"6", VideoSize::Off}});
  json configure = only_sent();
  EXPECT_EQ(configure["handle_id"], kSubscriberHandle);
  EXPECT_EQ(configure["body"]["request"], "configure");
  EXPECT_EQ(configure["body"]["streams"],
            json::parse(R"([{"mid":"1","send":true,"substream":2},{"mid":"3","send":false}])"));
  backend.choose_videos({{"3", VideoSize::Large}, {"6", VideoSize::Off}});
  EXPECT_TRUE(sent().empty()) << "the same again asks nothing";
  backend.choose_videos({{"3", VideoSize::Small}});  // 6 not shown, as before
  EXPECT_EQ(only_sent()["body"]["streams"], json::parse(R"([{"mid":"1","send":true,"substream":0}])"));
}

TEST_F(JanusBackendTest, AFailedSubscriptionIsRestartedByAskingJanusForANewOffer) {
  join_room();
  say(success(sent().back(), kSubscriberHandle));
  say(plugin_event(only_sent(), kSubscriberHandle, {{"videoroom", "attached"}, {"streams", json::array()}}));
  backend.ask_for_ice_restart("publisher");
  EXPECT_TRUE(sent().empty()) << "the publisher restarts with an offer of ours";
  backend.ask_for_ice_restart("subscriber");
  json restart = only_sent();
  EXPECT_EQ(restart["handle_id"], kSubscriberHandle);
  EXPECT_EQ(restart["body"], json::parse(R"({"request":"configure","restart":true})"));
}

TEST_F(JanusBackendTest, MicAndCameraGoOutInTheDisplayName) {
  join_room();
  sent();
  backend.set_media({false, true});
  json configure = only_sent();
  EXPECT_EQ(configure["body"]["request"], "configure");
  const proto::PeerInfo seen = janus_person(5, configure["body"]["display"]);
  EXPECT_EQ(seen.name, "Anna");
  EXPECT_FALSE(seen.media.mic);
  EXPECT_TRUE(seen.media.camera);
}

TEST_F(JanusBackendTest, RefusalsArePlainWords) {
  open();
  backend.join(JoinRequest{"familie", "Anna", std::string("fout1234"), {true, true}, std::nullopt});
  say(plugin_event(only_sent(), kPublisherHandle,
                   {{"videoroom", "event"}, {"error_code", 433}, {"error", "Unauthorized (wrong pin)"}}));
  backend.join(JoinRequest{"vol", "Anna", std::nullopt, {true, true}, std::nullopt});
  say(plugin_event(only_sent(), kPublisherHandle,
                   {{"videoroom", "event"}, {"error_code", 432}, {"error", "Maximum number of publishers (50) reached"}}));
  backend.lock("geheim12");
  auto e = events();
  ASSERT_EQ(e.size(), 3u);
  EXPECT_EQ(std::get<backend::Refused>(e[0]).error.code, "wrong-password");
  EXPECT_EQ(std::get<backend::Refused>(e[1]).error.code, "room-full");
  EXPECT_EQ(std::get<backend::Refused>(e[2]).error.code, "not-offered");
}

TEST_F(JanusBackendTest, GarbageAndUnknownMessagesAreReportedOrIgnoredNeverACrash) {
  join_room();
  events();
  sent();
  backend.received("not json", now);
  backend.received(R"({"v":1,"type":"pong"})", now);
  backend.received(R"({"janus":"webrtcup","session_id":9001,"sender":71})", now);
  backend.received(R"({"janus":"something-new","x":[1,2]})", now);
  backend.received(R"({"janus":"event","sender":"71","plugindata":{"data":{"videoroom":"event","publishers":[{"id":"x"},{"display":7},17]}}})", now);
  backend.received(R"({"janus":"event","sender":71,"plugindata":{"data":{"videoroom":"event","leaving":-3,"joining":[]}}})", now);
  backend.received(R"({"janus":"event","sender":71,"plugindata":{"data":"joined"},"jsep":{"type":"offer","sdp":7}})", now);
  backend.received(R"({"janus":"trickle","sender":71,"candidate":{"candidate":5}})", now);
  backend.received(R"({"janus":"error","transaction":"nobody's","error":"busy"})", now);
  auto e = events();
  ASSERT_EQ(e.size(), 2u) << "an error that answers nothing we asked is nothing to show";
  EXPECT_EQ(std::get<backend::Unreadable>(e[0]).error.code, "bad-message");
  EXPECT_EQ(std::get<backend::Unreadable>(e[1]).error.code, "bad-message");
  EXPECT_TRUE(sent().empty());
}

TEST_F(JanusBackendTest, ASessionJanusEndedOrARequestItNeverAnswersIsTheConnectionLost) {
  join_room();
  events();
  say(success(sent().back(), kSubscriberHandle));  // the subscription: answered
  say(plugin_event(only_sent(), kSubscriberHandle, {{"videoroom", "attached"}, {"streams", json::array()}}));
  events();
  backend.ping();
  json keepalive = only_sent();
  EXPECT_EQ(keepalive["janus"], "keepalive");
  EXPECT_EQ(keepalive["session_id"], kSession);
  say({{"janus", "ack"}, {"transaction", keepalive["transaction"]}});
  backend.tick(now += 11000);
  EXPECT_TRUE(events().empty()) << "a keep-alive's \"ack\" is all the answer it gets";
  backend.set_media({false, true});
  say({{"janus", "ack"}, {"transaction", only_sent()["transaction"]}});
  backend.tick(now += 9000);
  EXPECT_TRUE(events().empty()) << "a plugin message acknowledged, its event not late yet";
  backend.tick(now += 2000);
  auto e = events();
  ASSERT_EQ(e.size(), 1u);
  EXPECT_EQ(std::get<backend::Refused>(e[0]).error.code, "server-silent");
  say({{"janus", "timeout"}, {"session_id", kSession}});
  e = events();
  ASSERT_EQ(e.size(), 1u);
  EXPECT_EQ(std::get<backend::Refused>(e[0]).error.code, "connection-lost");
}

TEST_F(JanusBackendTest, LeavingLeavesTheRoomAndEndsTheSession) {
  join_room();
  sent();
  backend.leave();
  auto out = sent();
  ASSERT_EQ(out.size(), 2u);
  EXPECT_EQ(out[0]["body"]["request"], "leave");
  EXPECT_EQ(out[1]["janus"], "destroy");
}

}  // namespace
}  // namespace treff
