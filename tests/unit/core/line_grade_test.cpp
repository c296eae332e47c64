// How the connection test judges a line: each threshold on its own, and the worst one wins.
#include "core/line_grade.h"

#include <gtest/gtest.h>

namespace treff {
namespace {

LineMeasurement good() { return {40, 20000, 5000, UdpPath::Udp}; }

TEST(LineGrade, AFastNearLineWithUdpIsGreenWithHowManyPeopleFitOnVideo) {
  const LineVerdict v = judge_line(good());
  EXPECT_EQ(v.grade, LineGrade::Green);
  EXPECT_EQ(v.advice, LineAdvice::GoodForVideo);
  EXPECT_EQ(v.video_people, 5);  // 5000 kbit/s up carries four streams of 1050
  LineMeasurement two = good();
  two.up_kbps = kVideoCallKbps;
  EXPECT_EQ(judge_line(two).video_people, 2);
  LineMeasurement loopback = good();
  loopback.down_kbps = loopback.up_kbps = 1e6;
  EXPECT_EQ(judge_line(loopback).video_people, kMostVideoPeople);
}

TEST(LineGrade, WithoutStunOrTurnOnTheServerThePathIsNotHeldAgainstTheLine) {
  LineMeasurement m = good();
  m.path = UdpPath::NotChecked;
  EXPECT_EQ(judge_line(m).grade, LineGrade::Green);
}

TEST(LineGrade, EnoughForSoundButNotVideoIsAmber) {
  LineMeasurement m = good();
  m.up_kbps = kVideoCallKbps - 1;
  EXPECT_EQ(judge_line(m).grade, LineGrade::Amber);
  EXPECT_EQ(judge_line(m).advice, LineAdvice::SlowForVideo);
  m = good();
  m.down_kbps = kSoundCallKbps;
  EXPECT_EQ(judge_line(m).advice, LineAdvice::SlowForVideo);
}

TEST(LineGrade, OnlyARelayOverTcpIsAmber) {
  LineMeasurement m = good();
  m.path = UdpPath::TcpRelayOnly;
  EXPECT_EQ(judge_line(m).grade, LineGrade::Amber);
  EXPECT_EQ(judge_line(m).advice, LineAdvice::TcpOnly);
}

TEST(LineGrade, ALongRoundTripIsAmberThenRed) {
  LineMeasurement m = good();
  m.round_trip_ms = kGoodRoundTripMs + 1;
  EXPECT_EQ(judge_line(m).advice, LineAdvice::LongDelay);
  m.round_trip_ms = kUsableRoundTripMs + 1;
  EXPECT_EQ(judge_line(m).grade, LineGrade::Red);
  EXPECT_EQ(judge_line(m).advice, LineAdvice::DelayTooLong);
}

TEST(LineGrade, TooSlowForSoundOrNoPathIsRed) {
  LineMeasurement m = good();
  m.down_kbps = kSoundCallKbps - 1;
  EXPECT_EQ(judge_line(m).grade, LineGrade::Red);
  EXPECT_EQ(judge_line(m).advice, LineAdvice::TooSlow);
  m = good();
  m.path = UdpPath::None;
  EXPECT_EQ(judge_line(m).advice, LineAdvice::NoPath);
  // No path is said first: a faster line would not help it.
  m.down_kbps = 1;
  EXPECT_EQ(judge_line(m).advice, LineAdvice::NoPath);
}

TEST(LineGrade, TheThresholdsAreInOrder) {
  static_assert(kSoundCallKbps < kVideoCallKbps);
  static_assert(kGoodRoundTripMs < kUsableRoundTripMs);
  EXPECT_DOUBLE_EQ(kVideoCallKbps, 1050);
  EXPECT_DOUBLE_EQ(kSoundCallKbps, 225);
}

}  // namespace
}  // namespace treff
