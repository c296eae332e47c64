// The logged-in person's line with a fake socket: presence, both sides of a ring, and what a lost
// connection or a refusing server leaves on screen.
#include "app/calling_line.h"

#include <gtest/gtest.h>

#include "core/protocol.h"
#include "platform/fake/fake_message_socket.h"

namespace treff {
namespace {

using platform::FakeMessageSocket;

class CallingLineTest : public ::testing::Test {
 protected:
  CallingLineTest()
      : line([this] {
          sockets.push_back(std::make_shared<FakeMessageSocket>());
          return std::make_unique<platform::FakeSocketHandle>(sockets.back());
        }) {}

  FakeMessageSocket& socket() { return *sockets.back(); }
  void say(const proto::ServerMessage& m) { socket().server_says(proto::serialize(m)); }
  // The types of what was sent since the last call.
  std::vector<std::string> sent() {
    std::vector<std::string> types;
    for (const auto& text : socket().sent) {
      auto m = proto::parse_client_message(text);
      types.push_back(m ? std::string(proto::type_name(m.value())) : "?");
    }
    socket().sent.clear();
    return types;
  }
  void log_in() {
    line.open(now);
    socket().server_opens();
    line.update(now);
    ASSERT_EQ(sent(), (std::vector<std::string>{"hello", "watch"}));
    say(proto::PresenceUpdate{{{2, proto::Presence::Online}, {3, proto::Presence::Offline}}, true});
    line.update(now);
  }

  std::vector<std::shared_ptr<FakeMessageSocket>> sockets;
  CallingLine line;
  std::int64_t now = 1000;
};

TEST_F(CallingLineTest, PresenceIsTheServersListThenItsChanges) {
  EXPECT_FALSE(line.presence_known());
  log_in();
  EXPECT_TRUE(line.presence_known());
  EXPECT_EQ(line.presence(2), proto::Presence::Online);
  EXPECT_EQ(line.presence(3), proto::Presence::Offline);
  say(proto::PresenceUpdate{{{3, proto::Presence::InCall}}, false});
  EXPECT_TRUE(line.update(now));
  EXPECT_EQ(line.presence(3), proto::Presence::InCall);
  EXPECT_EQ(line.presence(2), proto::Presence::Online);
  line.contacts_changed();
  EXPECT_EQ(sent(), (std::vector<std::string>{"watch"}));
  line.close();
  EXPECT_TRUE(socket().closed_by_client);
  EXPECT_EQ(line.presence(2), proto::Presence::Offline);
}

TEST_F(CallingLineTest, TheCallerJoinsTheRingsRoomAtOnceAndSeesEachAnswer) {
  log_in();
  ASSERT_TRUE(line.ring({2, 3}, false, now).ok());
  EXPECT_EQ(sent(), (std::vector<std::string>{"ring"}));
  EXPECT_FALSE(line.ring({2}, false, now).ok()) << "one ring at a time";
  say(proto::RingProgress{"r1", "k7m2-p9qx-3hzt-w8ab", false, {{2, CalleeState::Ringing, 30000}, {3, CalleeState::Offline, 0}}, false});
  line.update(now);
  auto join = line.take_call_to_join();
  ASSERT_TRUE(join);
  EXPECT_EQ(join->room, "k7m2-p9qx-3hzt-w8ab");
  EXPECT_FALSE(line.take_call_to_join()) << "once";
  ASSERT_TRUE(line.outgoing());
  EXPECT_EQ(line.outgoing()->callees.at(0).deadline_ms, now + 30000);
  EXPECT_EQ(line.outgoing()->callees.at(1).state, CalleeState::Offline);
  say(proto::RingProgress{"r1", "k7m2-p9qx-3hzt-w8ab", false, {{2, CalleeState::Answered, 0}, {3, CalleeState::Offline, 0}}, true});
  line.update(now + 5000);
  EXPECT_TRUE(line.outgoing()->over);
  EXPECT_EQ(line.outcome(), RingOutcome::None) << "answered: the call is on, nothing to regret";
}

TEST_F(CallingLineTest, ARingFromARoomNamesItAndTheCallerStaysWhereTheyAre) {
  log_in();
  ASSERT_TRUE(line.ring({4}, false, now, "koffie").ok());
  ASSERT_EQ(socket().sent.size(), 1u);
  auto ring = proto::parse_client_message(socket().sent[0]);
  ASSERT_TRUE(ring.ok());
  EXPECT_EQ(std::get<proto::RingStart>(ring.value()).room, "koffie");
  say(proto::RingProgress{"r1", "koffie", false, {{4, CalleeState::Ringing, 30000}}, false});
  line.update(now);
  EXPECT_FALSE(line.take_call_to_join()) << "the caller is in the room already";
  ASSERT_TRUE(line.outgoing());
  EXPECT_TRUE(line.outgoing()->into_room);
  EXPECT_EQ(line.outgoing()->room, "koffie");
}

TEST_F(CallingLineTest, TheCallerHearsWhyNobodyCame) {
  log_in();
  const std::pair<CalleeState, RingOutcome> cases[] = {{CalleeState::Declined, RingOutcome::Declined},
                                                       {CalleeState::TimedOut, RingOutcome::NotAnswered},
                                                       {CalleeState::Busy, RingOutcome::Busy},
                                                       {CalleeState::Offline, RingOutcome::Offline}};
  int n = 0;
  for (const auto& [state, outcome] : cases) {
    const std::string id = "r" + std::to_string(++n);
    ASSERT_TRUE(line.ring({2}, true, now).ok());
    say(proto::RingProgress{id, "room", true, {{2, state, 0}}, true});
    line.update(now);
    EXPECT_EQ(line.outcome(), outcome) << callee_state_name(state);
  }
}

TEST_F(CallingLineTest, StoppingSendsTheStopAndForgetsTheRing) {
  log_in();
  line.ring({2}, false, now);
  say(proto::RingProgress{"r1", "room", false, {{2, CalleeState::Ringing, 30000}}, false});
  line.update(now);
  sent();
  line.stop();
  EXPECT_EQ(sent(), (std::vector<std::string>{"ring-stop"}));
  EXPECT_FALSE(line.outgoing());
  say(proto::RingProgress{"r1", "room", false, {{2, CalleeState::Cancelled, 0}}, true});
  line.update(now);
  EXPECT_FALSE(line.outgoing());
  EXPECT_EQ(line.outcome(), RingOutcome::None);
}

TEST_F(CallingLineTest, ACalleeAnswersOnceAndIsSentToTheRoom) {
  log_in();
  say(proto::IncomingRing{"r1", 2, "Anna", true, 30000});
  line.update(now);
  ASSERT_TRUE(line.incoming());
  EXPECT_EQ(line.incoming()->caller_name, "Anna");
  EXPECT_EQ(line.incoming()->deadline_ms, now + 30000);
  line.answer();
  line.answer();  // a second click
  EXPECT_EQ(sent(), (std::vector<std::string>{"ring-answer", "ring-answer"}));
  say(proto::RingOver{"r1", "answered", "k7m2-p9qx-3hzt-w8ab"});
  say(proto::ErrorReply{"ring-over", "This call has already ended."});  // the second click's answer
  line.update(now);
  auto join = line.take_call_to_join();
  ASSERT_TRUE(join);
  EXPECT_EQ(join->room, "k7m2-p9qx-3hzt-w8ab");
  EXPECT_TRUE(join->audio_only);
  EXPECT_FALSE(line.incoming());
  EXPECT_EQ(line.outcome(), RingOutcome::None);
}

TEST_F(CallingLineTest, ACalleeHearsWhyTheRingStopped) {
  log_in();
  const std::pair<const char*, RingOutcome> cases[] = {{"cancelled", RingOutcome::CallerStopped},
                                                       {"caller-gone", RingOutcome::CallerStopped},
                                                       {"answered-elsewhere", RingOutcome::AnsweredElsewhere},
                                                       {"timed-out", RingOutcome::Missed},
                                                       {"server-stopping", RingOutcome::ConnectionLost}};
  for (const auto& [reason, outcome] : cases) {
    say(proto::IncomingRing{"r1", 2, "Anna", false, 30000});
    say(proto::RingOver{"r1", reason, ""});
    line.update(now);
    EXPECT_FALSE(line.incoming()) << reason;
    EXPECT_EQ(line.outcome(), outcome) << reason;
    EXPECT_FALSE(line.take_call_to_join());
  }
  say(proto::IncomingRing{"r2", 2, "Anna", false, 30000});
  line.update(now);
  line.decline();
  EXPECT_EQ(sent(), (std::vector<std::string>{"ring-decline"}));
  EXPECT_FALSE(line.incoming());
}

TEST_F(CallingLineTest, AnAnswerAfterTheCallerStoppedSaysSo) {
  log_in();
  say(proto::IncomingRing{"r1", 2, "Anna", false, 30000});
  line.update(now);
  line.answer();
  say(proto::ErrorReply{"ring-over", "This call has already ended."});
  line.update(now);
  EXPECT_FALSE(line.incoming());
  EXPECT_EQ(line.outcome(), RingOutcome::CallerStopped);
  EXPECT_EQ(line.outcome_caller(), "Anna");
  EXPECT_FALSE(line.take_call_to_join());
}

TEST_F(CallingLineTest, ARefusedRingIsSaidAndEnds) {
  log_in();
  line.ring({9}, false, now);
  say(proto::ErrorReply{"not-a-contact", "You can only call people in your contact list."});
  line.update(now);
  EXPECT_FALSE(line.outgoing());
  EXPECT_EQ(line.outcome(), RingOutcome::Refused);
  EXPECT_EQ(line.problem(), "not-a-contact");
  EXPECT_FALSE(line.take_call_to_join());
}

TEST_F(CallingLineTest, ALostLineEndsTheRingsPlainlyAndComesBack) {
  log_in();
  line.ring({2}, false, now);
  say(proto::RingProgress{"r1", "room", false, {{2, CalleeState::Ringing, 30000}}, false});
  say(proto::IncomingRing{"r9", 3, "Cor", false, 30000});
  line.update(now);
  line.take_call_to_join();
  socket().server_closes(1001);  // a server restart
  EXPECT_TRUE(line.update(now));
  EXPECT_FALSE(line.outgoing());
  EXPECT_FALSE(line.incoming());
  EXPECT_EQ(line.outcome(), RingOutcome::ConnectionLost);
  EXPECT_FALSE(line.connected());
  EXPECT_FALSE(line.presence_known()) << "no stale 'online' while the line is down";
  const std::size_t before = sockets.size();
  line.update(now + 600);
  ASSERT_EQ(sockets.size(), before + 1) << "opened again";
  socket().server_opens();
  line.update(now + 700);
  EXPECT_EQ(sent(), (std::vector<std::string>{"hello", "watch"}));
  say(proto::PresenceUpdate{{{2, proto::Presence::Online}}, true});
  line.update(now + 800);
  EXPECT_TRUE(line.presence_known());
}

TEST_F(CallingLineTest, ASilentLineIsNoticedByItsHeartbeat) {
  log_in();
  line.update(now + 4100);
  EXPECT_EQ(sent(), (std::vector<std::string>{"ping"}));
  const std::size_t before = sockets.size();
  line.update(now + 8300);  // no pong
  EXPECT_FALSE(line.connected());
  line.update(now + 9000);
  EXPECT_EQ(sockets.size(), before + 1);
}

TEST_F(CallingLineTest, NothingIsRungWithoutAConnectionOrAPerson) {
  EXPECT_EQ(line.ring({2}, false, now).error().code, "not-connected");
  log_in();
  EXPECT_EQ(line.ring({}, false, now).error().code, "nobody");
}

}  // namespace
}  // namespace treff
