#include "core/ring.h"

#include <gtest/gtest.h>

namespace treff {
namespace {

constexpr std::int64_t kRing = 30000;
constexpr int kAnna = 1, kBob = 2, kCor = 3;

TEST(Ring, TheFirstAnswerStartsTheCallAndTheOthersMayStillJoinInTheirTime) {
  Ring ring(kAnna, {kBob, kCor}, 1000, kRing);
  EXPECT_FALSE(ring.connected());
  ASSERT_TRUE(ring.answer(kBob, 5000));
  EXPECT_TRUE(ring.connected());
  EXPECT_FALSE(ring.over()) << "Cor still rings";
  EXPECT_TRUE(ring.answer(kCor, 1000 + kRing - 1));
  EXPECT_TRUE(ring.over());
}

TEST(Ring, OneDeclinesAndTheOtherAnswers) {
  Ring ring(kAnna, {kBob, kCor}, 0, kRing);
  ASSERT_TRUE(ring.decline(kBob, 100));
  EXPECT_FALSE(ring.connected());
  ASSERT_TRUE(ring.answer(kCor, 200));
  EXPECT_EQ(ring.find(kBob)->state, CalleeState::Declined);
  EXPECT_EQ(ring.find(kCor)->state, CalleeState::Answered);
}

TEST(Ring, TimeRunsOutPerCalleeAndALateAnswerIsNotTaken) {
  Ring ring(kAnna, {kBob}, 0, kRing);
  EXPECT_EQ(ring.next_deadline_ms(), kRing);
  EXPECT_TRUE(ring.expire(kRing - 1).empty());
  EXPECT_EQ(ring.answer(kBob, kRing).error().code, "not-ringing") << "at the deadline, before the timer ran";
  const auto ended = ring.expire(kRing);
  ASSERT_EQ(ended.size(), 1u) << "the late answer leaves the ending to the timer, which reports it";
  EXPECT_EQ(ended[0], kBob);
  EXPECT_EQ(ring.find(kBob)->state, CalleeState::TimedOut);
  EXPECT_TRUE(ring.over());
  EXPECT_EQ(ring.next_deadline_ms(), 0);
}

TEST(Ring, ExpireNamesTheCalleesWhoseTimeEnded) {
  Ring ring(kAnna, {kBob, kCor}, 0, kRing);
  ring.answer(kBob, 10);
  const auto ended = ring.expire(kRing);
  ASSERT_EQ(ended.size(), 1u);
  EXPECT_EQ(ended[0], kCor);
  EXPECT_TRUE(ring.connected()) << "the call with Bob goes on";
}

TEST(Ring, TwoAnswersAndAnAnswerAfterTheCallerStoppedAreRefusedPlainly) {
  Ring ring(kAnna, {kBob, kCor}, 0, kRing);
  ASSERT_TRUE(ring.answer(kBob, 10));
  EXPECT_EQ(ring.answer(kBob, 20).error().code, "not-ringing") << "a second click (or the second device)";
  ring.cancel();
  EXPECT_EQ(ring.find(kCor)->state, CalleeState::Cancelled);
  EXPECT_EQ(ring.answer(kCor, 30).error().code, "not-ringing");
  EXPECT_EQ(ring.find(kBob)->state, CalleeState::Answered) << "stopping does not undo an answer";
}

TEST(Ring, BusyAndOfflineEndOnlyThatRing) {
  Ring ring(kAnna, {kBob, kCor}, 0, kRing);
  ring.ended_for(kBob, CalleeState::Busy);
  ring.ended_for(kCor, CalleeState::Offline);
  EXPECT_TRUE(ring.over());
  EXPECT_STREQ(callee_state_name(ring.find(kBob)->state), "busy");
  EXPECT_STREQ(callee_state_name(ring.find(kCor)->state), "offline");
  EXPECT_EQ(ring.decline(4, 0).error().code, "not-ringing") << "not a callee";
}

}  // namespace
}  // namespace treff
