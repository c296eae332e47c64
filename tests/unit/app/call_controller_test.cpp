#include "app/call_controller.h"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "platform/fake/fake_local_media.h"
#include "platform/fake/fake_message_socket.h"
#include "platform/fake/fake_peer_connections.h"

namespace treff {
namespace {

using json = nlohmann::json;
using platform::FakeMessageSocket;
using platform::MediaEvent;
using platform::PeerEvent;

// What treff-server says first on every connection, written by the protocol code the server uses.
const std::string kServerHello = proto::serialize(proto::ServerMessage{proto::Welcome{"treff-server/0.1", 8, proto::kMaxMessageBytes, std::nullopt}});

// The browser's answer to opening camera and microphone.
MediaEvent answer(MediaEvent::Kind kind, bool audio, bool video, std::string error) {
  MediaEvent e;
  e.kind = kind;
  e.has_audio = audio;
  e.has_video = video;
  e.error = std::move(error);
  return e;
}

class CallControllerTest : public ::testing::Test {
 protected:
  CallController call{peers, media,
                      [this](const std::string&, const std::string&) -> std::unique_ptr<platform::MessageSocket> {
                        sockets.push_back(std::make_shared<FakeMessageSocket>());
                        ++sockets_opened;
                        return std::make_unique<platform::FakeSocketHandle>(sockets.back());
                      }};

  FakeMessageSocket& socket() { return *sockets.back(); }
  json sent(std::size_t back = 0) { return json::parse(socket().sent.at(socket().sent.size() - 1 - back)); }
  bool tick() { return call.tick(now += 16); }

  // Joins "familie" as Anna with the given media outcome; the server answers with `peers_json`.
  void join_with(MediaEvent media_result, const std::string& peers_json = "[]") {
    ASSERT_TRUE(call.join("familie", "Anna", true, true).ok());
    media.emit(media_result);
    tick();
    ASSERT_EQ(call.phase(), CallPhase::Connecting);
    socket().server_opens();
    tick();
    ASSERT_EQ(call.phase(), CallPhase::Joining);
    socket().server_says(R"({"v":1,"type":"joined","room":"familie","self":"5","locked":false,"host":"5","resume":"5.ab","peers":)" +
                         peers_json + "}");
    tick();
  }
  // Lets `ms` pass in steps of a second, the server answering every heartbeat as it does.
  void pass_time(std::int64_t ms) {
    for (std::int64_t left = ms; left > 0; left -= 1000) {
      now += std::min<std::int64_t>(left, 1000) - 16;
      tick();
      if (!socket().sent.empty() && sent()["type"] == "ping") socket().server_says(R"({"v":1,"type":"pong"})");
    }
    tick();
  }
  void join_two_peers() {
    join_with(answer(MediaEvent::Kind::Opened, true, true, ""),
              R"([{"id":"3","name":"Oma","mic":true,"camera":true},{"id":"4","name":"Piet","mic":false,"camera":true}])");
  }
  PeerEvent event(PeerEvent::Kind kind, const std::string& participant) {
    PeerEvent e;
    e.kind = kind;
    e.peer = call.remote(participant)->connection;
    return e;
  }

  platform::FakePeerConnections peers;
  platform::FakeLocalMedia media;
  std::vector<std::shared_ptr<FakeMessageSocket>> sockets;  // the last one is current
  int sockets_opened = 0;
  std::int64_t now = 0;
};

TEST_F(CallControllerTest, BadNameOrRoomIsRefusedBeforeAnythingStarts) {
  EXPECT_EQ(call.join("familie", "   ", true, true).error().code, "bad-name");
  EXPECT_EQ(call.join("a/b", "Anna", true, true).error().code, "bad-room");
  EXPECT_EQ(media.open_calls, 0);
  EXPECT_EQ(sockets_opened, 0);
  EXPECT_EQ(call.phase(), CallPhase::Idle);
}

TEST_F(CallControllerTest, JoiningOpensMediaThenSaysHelloAndJoin) {
  join_two_peers();
  EXPECT_TRUE(media.asked_audio && media.asked_video);
  json join = json::parse(socket().sent.at(1));
  EXPECT_EQ(join["type"], "join");
  EXPECT_EQ(join["room"], "familie");
  EXPECT_EQ(join["mic"], true);
  EXPECT_EQ(join["camera"], true);
  EXPECT_EQ(call.phase(), CallPhase::InRoom);
  ASSERT_EQ(call.room().size(), 3u);
  EXPECT_EQ(call.room().thumbnails()[0].name, "Anna");
  EXPECT_FALSE(call.room().find("4")->media.mic);
}

TEST_F(CallControllerTest, ConnectsWhileTheCameraOpensAndJoinsWithWhatItGot) {
  ASSERT_TRUE(call.join("familie", "Anna", true, true).ok());
  EXPECT_EQ(sockets_opened, 1) << "the connection does not wait for the camera prompt";
  socket().server_opens();
  tick();
  EXPECT_EQ(call.phase(), CallPhase::OpeningMedia);
  ASSERT_EQ(socket().sent.size(), 1u);
  EXPECT_EQ(sent()["type"], "hello");
  media.emit(answer(MediaEvent::Kind::Opened, true, false, "NotAllowedError"));
  tick();
  EXPECT_EQ(call.phase(), CallPhase::Joining);
  EXPECT_EQ(sent()["type"], "join");
  EXPECT_EQ(sent()["mic"], true);
  EXPECT_EQ(sent()["camera"], false) << "the others learn the camera is off from the join itself";
}

TEST_F(CallControllerTest, ConnectionLostDuringTheCameraPromptIsTriedAgain) {
  ASSERT_TRUE(call.join("familie", "Anna", true, true).ok());
  socket().server_closes(1006);
  tick();
  EXPECT_EQ(call.phase(), CallPhase::OpeningMedia) << "nothing to tell while the prompt is open";
  media.emit(answer(MediaEvent::Kind::Opened, true, true, ""));
  tick();
  EXPECT_EQ(sockets_opened, 2);
  EXPECT_EQ(call.phase(), CallPhase::Connecting);
  socket().server_closes(1006);  // still down: now the person hears about it
  tick();
  EXPECT_EQ(call.phase(), CallPhase::Failed);
  EXPECT_EQ(call.problem()->code, "server-unreachable");
  EXPECT_FALSE(media.closed) << "the join prompt comes back with the camera open for its preview";
}

TEST_F(CallControllerTest, NewcomerConnectsToEveryoneAndSendsOffers) {
  join_two_peers();
  EXPECT_EQ(peers.open_count(), 2u);
  for (const auto& [h, c] : peers.connections) EXPECT_TRUE(c.media_attached);

  peers.emit(event(PeerEvent::Kind::NegotiationNeeded, "3"));
  tick();
  EXPECT_EQ(peers.connections.at(call.remote("3")->connection).local_descriptions, 1);

  PeerEvent offer = event(PeerEvent::Kind::LocalDescription, "3");
  offer.signal = {proto::SignalKind::Offer, "v=0 anna", "", {}, {}};
  peers.emit(offer);
  PeerEvent cand = event(PeerEvent::Kind::LocalCandidate, "3");
  cand.signal = {proto::SignalKind::Candidate, "", "candidate:1 1 udp 1 127.0.0.1 9 typ host", "0", 0};
  peers.emit(cand);
  tick();
  json o = sent(1), c = sent(0);
  EXPECT_EQ(o["type"], "signal");
  EXPECT_EQ(o["to"], "3");
  EXPECT_EQ(o["kind"], "offer");
  EXPECT_EQ(o["sdp"], "v=0 anna");
  EXPECT_EQ(c["kind"], "candidate");
}

TEST_F(CallControllerTest, LaterJoinerIsAnsweredWhenItsOfferArrives) {
  join_two_peers();
  socket().server_says(R"({"v":1,"type":"peer-joined","peer":{"id":"9","name":"Carla","mic":true,"camera":true}})");
  tick();
  EXPECT_EQ(call.room().size(), 4u);
  EXPECT_EQ(call.remote("9"), nullptr);  // waits for Carla's offer

  socket().server_says(R"({"v":1,"type":"signal","from":"9","kind":"offer","sdp":"v=0 carla"})");
  tick();
  ASSERT_NE(call.remote("9"), nullptr);
  const auto& pc = peers.connections.at(call.remote("9")->connection);
  ASSERT_EQ(pc.remote_descriptions.size(), 1u);
  EXPECT_EQ(pc.remote_descriptions[0].sdp, "v=0 carla");
  EXPECT_TRUE(pc.media_attached);

  PeerEvent applied = event(PeerEvent::Kind::RemoteDescriptionApplied, "9");
  applied.signal.kind = proto::SignalKind::Offer;
  peers.emit(applied);
  tick();
  EXPECT_EQ(peers.connections.at(call.remote("9")->connection).local_descriptions, 1);
  PeerEvent answer = event(PeerEvent::Kind::LocalDescription, "9");
  answer.signal = {proto::SignalKind::Answer, "v=0 answer", "", {}, {}};
  peers.emit(answer);
  tick();
  EXPECT_EQ(sent()["kind"], "answer");
  EXPECT_EQ(sent()["to"], "9");
}

TEST_F(CallControllerTest, SomeoneLeavingClosesTheirConnectionAndLateEventsAreIgnored) {
  join_two_peers();
  const auto handle = call.remote("3")->connection;
  socket().server_says(R"({"v":1,"type":"peer-left","id":"3"})");
  tick();
  EXPECT_EQ(call.room().find("3"), nullptr);
  EXPECT_TRUE(peers.connections.at(handle).closed);
  const auto sent_before = socket().sent.size();
  PeerEvent late;
  late.kind = PeerEvent::Kind::LocalCandidate;
  late.peer = handle;
  late.signal = {proto::SignalKind::Candidate, "", "c", {}, {}};
  peers.emit(late);
  tick();
  EXPECT_EQ(socket().sent.size(), sent_before);
}

TEST_F(CallControllerTest, CameraDeniedJoinsAudioOnlyAndSaysWhy) {
  join_with(answer(MediaEvent::Kind::Opened, true, false, "NotAllowedError"));
  EXPECT_EQ(call.phase(), CallPhase::InRoom);
  EXPECT_EQ(json::parse(socket().sent.at(1))["camera"], false);
  EXPECT_EQ(call.local_media().problem, "NotAllowedError");
  EXPECT_TRUE(call.local_media().mic_on);
  call.set_camera(true);  // there is no camera to switch on
  EXPECT_FALSE(call.local_media().camera_on);
}

TEST_F(CallControllerTest, NoDevicesAtAllStillJoinsToWatchAndListen) {
  join_with(answer(MediaEvent::Kind::Failed, false, false, "NotFoundError"));
  EXPECT_EQ(call.phase(), CallPhase::InRoom);
  json join = json::parse(socket().sent.at(1));
  EXPECT_EQ(join["mic"], false);
  EXPECT_EQ(join["camera"], false);
}

TEST_F(CallControllerTest, MutingReachesTheTracksTheServerAndYourTile) {
  join_two_peers();
  call.set_mic(false);
  EXPECT_FALSE(media.audio_enabled);
  EXPECT_TRUE(media.video_enabled);
  EXPECT_EQ(sent()["type"], "media");
  EXPECT_EQ(sent()["mic"], false);
  EXPECT_FALSE(call.room().self()->media.mic);
  call.set_camera(false);
  EXPECT_EQ(sent()["camera"], false);
  EXPECT_FALSE(call.room().self()->media.camera);
}

TEST_F(CallControllerTest, OthersMediaStateIsShown) {
  join_two_peers();
  socket().server_says(R"({"v":1,"type":"media","from":"3","mic":false,"camera":false})");
  EXPECT_TRUE(tick());
  EXPECT_FALSE(call.room().find("3")->media.camera);
}

TEST_F(CallControllerTest, FullRoomFailsWithTheServersReason) {
  ASSERT_TRUE(call.join("familie", "Anna", true, true).ok());
  media.emit(answer(MediaEvent::Kind::Opened, true, true, ""));
  tick();
  socket().server_opens();
  tick();
  socket().server_says(R"({"v":1,"type":"error","code":"room-full","message":"This room is full: at most 8 people."})");
  tick();
  EXPECT_EQ(call.phase(), CallPhase::Failed);
  ASSERT_TRUE(call.problem());
  EXPECT_EQ(call.problem()->code, "room-full");
  // Back on the join prompt the preview goes on with the camera that is open: not closed, not
  // opened again.
  EXPECT_FALSE(media.closed);
  call.preview(true, true);
  EXPECT_EQ(media.open_calls, 1);
  EXPECT_TRUE(call.local_media().camera_on);
}

TEST_F(CallControllerTest, TheJoinPromptsWarmConnectionCarriesTheJoinAtOnce) {
  call.preview(true, true);
  media.emit(answer(MediaEvent::Kind::Opened, true, true, ""));
  tick();
  call.warm_up(now);
  ASSERT_EQ(sockets_opened, 1);
  socket().server_opens();
  socket().server_says(kServerHello);
  tick();
  ASSERT_EQ(socket().sent.size(), 1u) << "only the hello before anyone joins";
  EXPECT_EQ(sent()["type"], "hello");
  EXPECT_EQ(call.phase(), CallPhase::Idle);
  ASSERT_TRUE(call.server()) << "the server's hello was read";
  EXPECT_EQ(call.server()->agent, "treff-server/0.1");
  EXPECT_EQ(call.server()->room_limit, 8);
  EXPECT_FALSE(call.problem());
  call.warm_up(now);
  EXPECT_EQ(sockets_opened, 1) << "one warm connection";

  ASSERT_TRUE(call.join("familie", "Anna", true, true).ok());
  EXPECT_EQ(sockets_opened, 1);
  EXPECT_EQ(call.phase(), CallPhase::Joining);
  EXPECT_EQ(sent()["type"], "join");
}

TEST_F(CallControllerTest, WhatTheServerSaysOnTheWarmConnectionIsReadAndChecked) {
  call.warm_up(now);
  socket().server_opens();
  socket().server_says(R"({"v":1,"type":"hello","server":"treff-server/0.1"})");  // not our protocol's hello
  tick();
  ASSERT_TRUE(call.problem());
  EXPECT_EQ(call.problem()->code, "bad-message");
  EXPECT_FALSE(call.server());
  EXPECT_EQ(call.phase(), CallPhase::Idle) << "nobody asked for anything yet";
  // Room news cannot be meant for someone who has not joined: it changes nothing.
  socket().server_says(R"({"v":1,"type":"joined","room":"familie","self":"5","locked":false,"host":"5","peers":[]})");
  tick();
  EXPECT_EQ(call.phase(), CallPhase::Idle);
  EXPECT_TRUE(call.room().thumbnails().empty());
  // The join clears the problem and goes out over the same connection.
  ASSERT_TRUE(call.join("familie", "Anna", false, false).ok());
  EXPECT_FALSE(call.problem());
  EXPECT_EQ(sent()["type"], "join");
}

TEST_F(CallControllerTest, AWarmConnectionStillOpeningIsTakenByTheJoin) {
  call.warm_up(now);
  ASSERT_TRUE(call.join("familie", "Anna", false, false).ok());
  EXPECT_EQ(call.phase(), CallPhase::Connecting);
  socket().server_opens();
  tick();
  EXPECT_EQ(sockets_opened, 1);
  EXPECT_EQ(call.phase(), CallPhase::Joining);
  EXPECT_EQ(sent()["type"], "join");
}

TEST_F(CallControllerTest, AWarmConnectionThatFailsIsNotShownAndTriedAgainLater) {
  call.warm_up(now);
  socket().server_closes(1006);
  tick();
  EXPECT_EQ(call.phase(), CallPhase::Idle);
  EXPECT_FALSE(call.problem());
  call.warm_up(now);
  EXPECT_EQ(sockets_opened, 1) << "not at once: the server may be down";
  now += 1000;
  call.warm_up(now);
  EXPECT_EQ(sockets_opened, 2);
  // Joining while the server is down is told as before.
  ASSERT_TRUE(call.join("familie", "Anna", false, false).ok());
  socket().server_closes(1006);
  tick();
  EXPECT_EQ(call.phase(), CallPhase::Failed);
  EXPECT_EQ(call.problem()->code, "server-unreachable");
}

TEST_F(CallControllerTest, AWrongPasswordIsTypedAgainWithoutOpeningTheCameraAgain) {
  ASSERT_TRUE(call.join("familie", "Anna", true, true, "Apfelkuchen").ok());
  media.emit(answer(MediaEvent::Kind::Opened, true, true, ""));
  tick();
  socket().server_opens();
  tick();
  call.set_mic(false);  // muted while waiting: the preview shows the microphone on again
  socket().server_says(R"({"v":1,"type":"error","code":"wrong-password","message":"No."})");
  tick();
  ASSERT_EQ(call.phase(), CallPhase::Failed);
  EXPECT_FALSE(media.closed);
  EXPECT_TRUE(call.local_media().mic_on);
  EXPECT_TRUE(media.audio_enabled);
  call.preview(true, true);  // the join prompt, drawn again

  ASSERT_TRUE(call.join("familie", "Anna", true, true, "Kirschkuchen").ok());
  EXPECT_EQ(media.open_calls, 1) << "one camera prompt for both attempts";
  EXPECT_EQ(call.phase(), CallPhase::Connecting);
  socket().server_opens();
  tick();
  EXPECT_EQ(sent()["password"], "Kirschkuchen");
  EXPECT_EQ(sent()["mic"], true);
}

TEST_F(CallControllerTest, UnreachableServerFailsClearly) {
  ASSERT_TRUE(call.join("familie", "Anna", false, false).ok());
  socket().server_closes(1006);
  tick();
  EXPECT_EQ(call.phase(), CallPhase::Failed);
  EXPECT_EQ(call.problem()->code, "server-unreachable");
}

TEST_F(CallControllerTest, ALostConnectionKeepsThePeerConnectionsAndRejoinsUnderTheSameId) {
  join_two_peers();
  socket().server_closes(1006);
  tick();
  EXPECT_EQ(call.phase(), CallPhase::Reconnecting);
  EXPECT_EQ(call.problem()->code, "connection-lost");
  EXPECT_EQ(peers.open_count(), 2u) << "the media does not go through the server: it goes on";
  EXPECT_EQ(call.room().size(), 3u);  // the room stays on screen meanwhile
  EXPECT_EQ(sockets_opened, 1);

  now += 500;
  tick();
  ASSERT_EQ(sockets_opened, 2);
  socket().server_closes(1006);  // still down
  tick();
  now += 900;
  tick();
  EXPECT_EQ(sockets_opened, 2) << "backs off: the second retry waits 1 s";
  now += 200;
  tick();
  ASSERT_EQ(sockets_opened, 3);
  socket().server_opens();
  tick();
  EXPECT_EQ(call.phase(), CallPhase::Reconnecting) << "the room stays on screen until rejoined";
  json join = json::parse(socket().sent.at(1));
  EXPECT_EQ(join["room"], "familie");
  EXPECT_EQ(join["name"], "Anna");
  EXPECT_EQ(join["resume"], "5.ab") << "the token of the last joined";
  socket().server_says(R"({"v":1,"type":"joined","room":"familie","self":"5","locked":false,"host":"3","resume":"5.cd","peers":[{"id":"3","name":"Oma","mic":false,"camera":true},{"id":"4","name":"Piet","mic":false,"camera":true}]})");
  tick();
  EXPECT_EQ(call.phase(), CallPhase::InRoom);
  EXPECT_FALSE(call.problem());
  EXPECT_EQ(call.room().size(), 3u);
  EXPECT_EQ(peers.open_count(), 2u);
  EXPECT_EQ(peers.connections.size(), 2u) << "no connection was made anew";
  EXPECT_FALSE(call.room().find("3")->media.mic) << "what changed meanwhile is taken";
}

TEST_F(CallControllerTest, ARejoinUnderANewIdStartsTheConnectionsAfresh) {
  join_two_peers();
  socket().server_closes(1001);
  tick();
  now += 500;
  tick();
  socket().server_opens();
  tick();
  socket().server_says(R"({"v":1,"type":"joined","room":"familie","self":"11","locked":false,"host":"12","resume":"11.ef","peers":[{"id":"12","name":"Oma","mic":true,"camera":true}]})");
  tick();
  EXPECT_EQ(call.phase(), CallPhase::InRoom);
  EXPECT_EQ(call.room().size(), 2u);
  EXPECT_EQ(peers.open_count(), 1u);
  EXPECT_EQ(peers.connections.size(), 3u);
}

TEST_F(CallControllerTest, AfterARestartPeersComeBackOneByOneAndWhoDoesNotIsGivenUp) {
  join_two_peers();
  socket().server_closes(1001);  // the server restarts
  tick();
  now += 500;
  tick();
  socket().server_opens();
  tick();
  // The restarted server knows only those who came back before us: nobody yet.
  socket().server_says(R"({"v":1,"type":"joined","room":"familie","self":"5","locked":false,"host":"5","resume":"5.ab","peers":[]})");
  tick();
  EXPECT_EQ(call.room().size(), 3u) << "Oma and Piet are awaited";
  EXPECT_EQ(peers.open_count(), 2u);
  pass_time(4000);
  socket().server_says(R"({"v":1,"type":"peer-joined","peer":{"id":"3","name":"Oma","mic":true,"camera":true}})");
  tick();
  EXPECT_EQ(peers.open_count(), 2u) << "Oma's connection is hers still";
  pass_time(6000);
  EXPECT_EQ(call.room().size(), 2u) << "Piet did not come back within 10 s";
  EXPECT_FALSE(call.room().find("4"));
  EXPECT_TRUE(call.room().find("3"));
  EXPECT_EQ(peers.open_count(), 1u);
  EXPECT_EQ(peers.connections.size(), 2u);
}

TEST_F(CallControllerTest, AHeartbeatGoesOutWhenQuietAndSilenceMeansTheConnectionIsGone) {
  join_two_peers();
  socket().sent.clear();
  now += 1900;
  tick();
  EXPECT_TRUE(socket().sent.empty()) << "not before 2 s of quiet";
  now += 200;
  tick();
  ASSERT_EQ(socket().sent.size(), 1u);
  EXPECT_EQ(sent()["type"], "ping");
  pass_time(20000);  // answered: the connection holds
  EXPECT_EQ(call.phase(), CallPhase::InRoom);
  EXPECT_EQ(sockets_opened, 1);

  // No answer any more (a pulled cable): dead once a ping went unanswered for 3 s, though nothing
  // closed the connection.
  std::int64_t waited = 0;
  while (call.phase() == CallPhase::InRoom && waited < 10000) {
    now += 100;
    waited += 100;
    tick();
  }
  EXPECT_EQ(call.phase(), CallPhase::Reconnecting);
  EXPECT_GE(waited, 3000);
  EXPECT_LE(waited, 5300);
  EXPECT_TRUE(sockets.front()->closed_by_client);
  EXPECT_EQ(peers.open_count(), 2u);
  now += 500;
  tick();
  EXPECT_EQ(sockets_opened, 2);
  // An attempt into a network that is still gone neither opens nor fails: it is given up after 4 s.
  now += 4100;
  tick();
  EXPECT_TRUE(socket().closed_by_client);
  now += 1000;
  tick();
  EXPECT_EQ(sockets_opened, 3);
}

TEST_F(CallControllerTest, APageThatDidNotRunForAWhileIsNotFooledIntoThinkingTheServerIsGone) {
  join_two_peers();
  now += 8000;  // the page stalled (a busy machine): it sent no ping, so it expects no answer
  tick();
  EXPECT_EQ(call.phase(), CallPhase::InRoom);
  EXPECT_EQ(sent()["type"], "ping");
  socket().server_says(R"({"v":1,"type":"pong"})");
  now += 3000;
  tick();
  EXPECT_EQ(call.phase(), CallPhase::InRoom);
  EXPECT_EQ(sockets_opened, 1);
}

TEST_F(CallControllerTest, LeavingEndsEverythingAndIgnoresLateAnswers) {
  join_two_peers();
  auto s = sockets.back();
  call.leave();
  EXPECT_EQ(json::parse(s->sent.back())["type"], "leave");
  EXPECT_TRUE(s->closed_by_client);
  EXPECT_EQ(call.phase(), CallPhase::Left);
  EXPECT_EQ(peers.open_count(), 0u);
  EXPECT_TRUE(media.closed);
  EXPECT_EQ(call.room().size(), 0u);
  // Rejoining after leaving works; leaving while the camera prompt is still open, too.
  ASSERT_TRUE(call.join("familie", "Anna", true, true).ok());
  media.closed = false;
  call.leave();
  EXPECT_TRUE(media.closed);
  media.closed = false;
  media.emit(answer(MediaEvent::Kind::Opened, true, true, ""));  // the person answered the prompt late
  tick();
  EXPECT_TRUE(media.closed) << "late camera must be released";
  EXPECT_EQ(call.phase(), CallPhase::Left);
}

TEST_F(CallControllerTest, ALockedRoomIsJoinedWithItsPasswordAndRejoinedWithItToo) {
  EXPECT_EQ(call.join("familie", "Anna", true, true, std::string(300, 'x')).error().code, "bad-password");
  ASSERT_TRUE(call.join("familie", "Anna", false, false, "Apfelkuchen").ok());
  socket().server_opens();
  tick();
  EXPECT_EQ(sent()["password"], "Apfelkuchen");
  socket().server_says(R"({"v":1,"type":"error","code":"wrong-password","message":"No."})");
  tick();
  EXPECT_EQ(call.phase(), CallPhase::Failed);
  EXPECT_EQ(call.problem()->code, "wrong-password");

  join_two_peers();  // no password this time: none is sent
  EXPECT_FALSE(json::parse(socket().sent.at(1)).contains("password"));
}

TEST_F(CallControllerTest, OnlyTheHostLocksAndUnlocks) {
  join_two_peers();  // the server named Anna (5) host
  ASSERT_TRUE(call.is_host());
  EXPECT_EQ(call.lock_room("").error().code, "bad-password");
  ASSERT_TRUE(call.lock_room("Apfelkuchen").ok());
  EXPECT_EQ(sent()["type"], "lock");
  EXPECT_EQ(sent()["password"], "Apfelkuchen");
  ASSERT_TRUE(call.unlock_room().ok());
  EXPECT_EQ(sent()["type"], "unlock");
  socket().server_says(R"({"v":1,"type":"room","locked":false,"host":"3"})");  // Oma is host now
  tick();
  EXPECT_FALSE(call.is_host());
  EXPECT_EQ(call.lock_room("x").error().code, "not-host");
}

TEST_F(CallControllerTest, EveryoneSeesWhenTheRoomIsLocked) {
  join_two_peers();
  EXPECT_FALSE(call.room_info().locked);
  socket().server_says(R"({"v":1,"type":"room","locked":true,"host":"3"})");
  EXPECT_TRUE(tick());
  EXPECT_TRUE(call.room_info().locked);
  EXPECT_EQ(call.room_info().host, "3");
}

TEST_F(CallControllerTest, MalformedServerMessageIsReportedWithoutLeaving) {
  join_two_peers();
  socket().server_says("{oops");
  tick();
  EXPECT_EQ(call.phase(), CallPhase::InRoom);
  EXPECT_EQ(call.problem()->code, "bad-json");
}

TEST_F(CallControllerTest, PickingChangesTheLargeView) {
  join_two_peers();
  EXPECT_EQ(call.room().shown_large()->id, "3");
  EXPECT_TRUE(call.pick("4"));
  EXPECT_EQ(call.room().shown_large()->id, "4");
  EXPECT_FALSE(call.pick("77"));
}

TEST_F(CallControllerTest, LargeViewFollowsWhoeverSpeaks) {
  join_two_peers();
  EXPECT_EQ(call.room().shown_large()->id, "3");  // nobody spoke yet: the first one
  for (int i = 0; i < 20; ++i) {  // Piet talks for a second
    call.add_audio_level("4", 0.3);
    call.add_audio_level("3", 0.0);
    call.add_audio_level("5", 0.9);  // yourself: never made the speaker
    tick();
    now += 50;
  }
  EXPECT_EQ(call.room().active_speaker(), "4");
  EXPECT_EQ(call.room().shown_large()->id, "4");
  socket().server_says(R"({"v":1,"type":"peer-left","id":"4"})");
  tick();
  EXPECT_FALSE(call.room().active_speaker().has_value());
  EXPECT_EQ(call.room().shown_large()->id, "3");
}

TEST_F(CallControllerTest, FailedConnectionRestartsIce) {
  join_two_peers();
  PeerEvent failed = event(PeerEvent::Kind::ConnectionStateChanged, "4");
  failed.connection = platform::ConnectionState::Failed;
  peers.emit(failed);
  tick();
  EXPECT_EQ(peers.connections.at(call.remote("4")->connection).ice_restarts, 1);
}

TEST_F(CallControllerTest, AConnectionThatCannotBeMadeIsToldAndTriedAgain) {
  join_two_peers();
  PeerEvent failed = event(PeerEvent::Kind::ConnectionStateChanged, "3");
  failed.connection = platform::ConnectionState::Failed;
  peers.emit(failed);
  tick();
  EXPECT_EQ(call.remote("3")->trouble, LinkTrouble::Retrying);
  EXPECT_EQ(call.remote("4")->trouble, LinkTrouble::None);
  EXPECT_EQ(peers.connections.at(call.remote("3")->connection).ice_restarts, 1) << "at once: we offered first";
  for (int i = 0; i < 2; ++i) {
    now += 10000;
    tick();
  }
  EXPECT_EQ(peers.connections.at(call.remote("3")->connection).ice_restarts, 3);
  EXPECT_EQ(call.remote("3")->trouble, LinkTrouble::GaveUp);
  PeerEvent connected = event(PeerEvent::Kind::ConnectionStateChanged, "3");
  connected.connection = platform::ConnectionState::Connected;
  peers.emit(connected);
  tick();
  EXPECT_EQ(call.remote("3")->trouble, LinkTrouble::None);
}

TEST_F(CallControllerTest, ACallThroughTheRelayOnEitherEndIsSaidToGoThroughIt) {
  join_two_peers();
  for (const auto& [types, expected] : std::vector<std::pair<std::string, std::string>>{
           {"prflx relay", "relay"}, {"relay srflx", "relay"}, {"srflx prflx", "srflx"}, {"host host", "host"}, {"", ""}}) {
    PeerEvent path = event(PeerEvent::Kind::Path, "3");
    path.path = types;
    peers.emit(path);
    tick();
    EXPECT_EQ(call.remote("3")->path, expected) << types;
  }
}

TEST_F(CallControllerTest, ThePreviewShowsWhatThePersonWillSendAndTheJoinKeepsIt) {
  call.preview(true, true);
  call.preview(true, true);  // asked every frame on the join prompt: opened once
  EXPECT_EQ(media.open_calls, 1);
  media.emit(answer(MediaEvent::Kind::Opened, true, true, ""));
  EXPECT_TRUE(tick());
  EXPECT_EQ(call.phase(), CallPhase::Idle);
  EXPECT_TRUE(call.local_media().has_video);
  EXPECT_TRUE(call.local_media().mic_on);

  ASSERT_TRUE(call.join("familie", "Anna", true, true).ok());
  EXPECT_EQ(media.open_calls, 1) << "the camera is not asked for again";
  EXPECT_EQ(call.phase(), CallPhase::Connecting);
  socket().server_opens();
  tick();
  EXPECT_EQ(sent()["type"], "join");
  EXPECT_EQ(sent()["camera"], true);
}

TEST_F(CallControllerTest, JoiningBeforeThePreviewAnsweredWaitsForIt) {
  call.preview(true, true);
  ASSERT_TRUE(call.join("familie", "Anna", true, true).ok());
  EXPECT_EQ(call.phase(), CallPhase::OpeningMedia);
  socket().server_opens();
  tick();
  EXPECT_EQ(socket().sent.size(), 1u) << "hello only: the join waits for the camera's answer";
  media.emit(answer(MediaEvent::Kind::Opened, true, false, "NotAllowedError"));
  tick();
  EXPECT_EQ(sent()["type"], "join");
  EXPECT_EQ(sent()["camera"], false);
  EXPECT_EQ(media.open_calls, 1);
}

TEST_F(CallControllerTest, TickingAudioOnlyAfterThePreviewOpensTheMicrophoneAlone) {
  call.preview(true, true);
  media.emit(answer(MediaEvent::Kind::Opened, true, true, ""));
  tick();
  call.preview(true, false);
  EXPECT_EQ(media.open_calls, 2);
  EXPECT_FALSE(media.asked_video);
  EXPECT_FALSE(call.local_media().has_video) << "nothing shown until the new answer";
  ASSERT_TRUE(call.join("familie", "Anna", true, true).ok());  // and changed back on joining
  EXPECT_EQ(media.open_calls, 3);
  EXPECT_TRUE(media.asked_video);
}

TEST_F(CallControllerTest, NoPreviewDuringACall) {
  join_two_peers();
  const int opened = media.open_calls;
  call.preview(true, false);
  EXPECT_EQ(media.open_calls, opened);
  EXPECT_EQ(call.phase(), CallPhase::InRoom);
}

TEST_F(CallControllerTest, ChoosingAnotherMicrophoneReopensThePreviewWithItAndTheJoinKeepsIt) {
  call.preview(true, true);
  MediaEvent opened = answer(MediaEvent::Kind::Opened, true, true, "");
  opened.microphone_id = "mic-a";
  opened.camera_id = "cam-a";
  media.emit(opened);
  MediaEvent list;
  list.kind = MediaEvent::Kind::Devices;
  list.devices = {{platform::MediaDevice::Kind::Microphone, "mic-a", "Built-in"},
                  {platform::MediaDevice::Kind::Microphone, "mic-b", "Headset"}};
  media.emit(list);
  tick();
  EXPECT_EQ(call.local_media().microphone_id, "mic-a");
  ASSERT_EQ(call.devices().size(), 2u);
  EXPECT_EQ(call.devices()[1].label, "Headset");

  call.choose_devices({"mic-b", "cam-a"});
  call.preview(true, true);
  EXPECT_EQ(media.open_calls, 2);
  EXPECT_EQ(media.asked_devices.microphone, "mic-b");
  opened.microphone_id = "mic-b";
  media.emit(opened);
  tick();
  EXPECT_EQ(call.local_media().microphone_id, "mic-b");
  ASSERT_TRUE(call.join("familie", "Anna", true, true).ok());
  EXPECT_EQ(media.open_calls, 2) << "the preview's devices are the chosen ones: kept";
}

TEST_F(CallControllerTest, ConnectionsUseTheServersIceServersAndALongCallGetsFreshCredentials) {
  ASSERT_TRUE(call.join("familie", "Anna", false, false).ok());
  socket().server_opens();
  tick();
  const proto::IceServer stun{{"stun:turn.example.org:3478"}, "", ""};
  const proto::IceServer first{{"turn:turn.example.org:3478?transport=udp"}, "1733503600:aa", "c3Q="};
  socket().server_says(proto::serialize(proto::ServerMessage{proto::IceConfig{{stun, first}, 60}}));
  socket().server_says(R"({"v":1,"type":"joined","room":"familie","self":"5","locked":false,"host":"3","peers":[{"id":"3","name":"Oma","mic":true,"camera":true}]})");
  tick();
  ASSERT_TRUE(call.remote("3"));
  EXPECT_EQ(peers.connections.at(call.remote("3")->connection).ice_servers, (std::vector<proto::IceServer>{stun, first}));

  // Before the credentials run out, the client asks for new ones, and its connection takes them.
  pass_time(59000);
  EXPECT_NE(sent()["type"], "ice") << "not yet";
  now += 1000;
  tick();
  EXPECT_EQ(sent()["type"], "ice");
  const proto::IceServer second{{"turn:turn.example.org:3478?transport=udp"}, "1733507200:bb", "bmV3"};
  socket().server_says(proto::serialize(proto::ServerMessage{proto::IceConfig{{stun, second}, 60}}));
  tick();
  EXPECT_EQ(peers.connections.at(call.remote("3")->connection).ice_servers, (std::vector<proto::IceServer>{stun, second}));
  EXPECT_EQ(call.ice_servers().back().username, "1733507200:bb");
}

TEST_F(CallControllerTest, WithoutIceServersFromTheServerConnectionsUseNone) {
  join_two_peers();
  EXPECT_TRUE(peers.connections.at(call.remote("3")->connection).ice_servers.empty());
  pass_time(3600 * 1000LL);
  EXPECT_NE(sent()["type"], "ice") << "nothing to renew";
}

}  // namespace
}  // namespace treff
