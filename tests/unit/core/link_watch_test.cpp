#include "core/link_watch.h"

#include <gtest/gtest.h>

namespace treff {
namespace {

TEST(LinkWatch, AConnectionThatConnectsInTimeIsNoTrouble) {
  LinkWatch link(true, 0);
  EXPECT_EQ(link.trouble(14000), LinkTrouble::None) << "connecting takes a while";
  EXPECT_FALSE(link.restart_due(14000));
  link.on_state(LinkState::Connected, 14000);
  EXPECT_EQ(link.trouble(60000), LinkTrouble::None);
  EXPECT_FALSE(link.restart_due(60000));
}

TEST(LinkWatch, AFailedPathIsRestartedAtOnceByTheSideThatOfferedFirstAndAgainUntilItWorks) {
  LinkWatch link(true, 0);
  link.on_state(LinkState::Connected, 1000);
  link.on_state(LinkState::Failed, 5000);
  EXPECT_EQ(link.trouble(5000), LinkTrouble::Retrying);
  EXPECT_TRUE(link.restart_due(5000));
  EXPECT_FALSE(link.restart_due(5001)) << "one attempt at a time";
  link.on_state(LinkState::Connecting, 5100);
  EXPECT_EQ(link.trouble(6000), LinkTrouble::Retrying) << "still no picture: still said";
  link.on_state(LinkState::Failed, 9000);
  EXPECT_FALSE(link.restart_due(9000));
  EXPECT_TRUE(link.restart_due(15000));
  EXPECT_TRUE(link.restart_due(25000));
  EXPECT_EQ(link.trouble(25000), LinkTrouble::GaveUp) << "three attempts: time to say what to try";
  EXPECT_TRUE(link.restart_due(35000)) << "and it keeps trying";
  link.on_state(LinkState::Connected, 36000);
  EXPECT_EQ(link.trouble(36000), LinkTrouble::None);
}

TEST(LinkWatch, TheAnsweringSideWaitsForTheOffererBeforeRestartingItself) {
  LinkWatch link(false, 0);
  link.on_state(LinkState::Failed, 1000);
  EXPECT_FALSE(link.restart_due(1000));
  EXPECT_FALSE(link.restart_due(5999));
  EXPECT_EQ(link.trouble(3000), LinkTrouble::Retrying) << "told at once all the same";
  EXPECT_TRUE(link.restart_due(6000));
}

TEST(LinkWatch, AShortBlipIsNotTroubleALongDisconnectIs) {
  LinkWatch link(true, 0);
  link.on_state(LinkState::Connected, 1000);
  link.on_state(LinkState::Disconnected, 2000);
  EXPECT_EQ(link.trouble(6999), LinkTrouble::None);
  EXPECT_FALSE(link.restart_due(6999));
  link.on_state(LinkState::Connected, 4000);
  EXPECT_EQ(link.trouble(20000), LinkTrouble::None);
  link.on_state(LinkState::Disconnected, 30000);
  EXPECT_TRUE(link.restart_due(35000));
  EXPECT_EQ(link.trouble(35000), LinkTrouble::Retrying);
}

TEST(LinkWatch, AConnectionThatNeverConnectsIsTrouble) {
  LinkWatch link(true, 0);
  EXPECT_TRUE(link.restart_due(15000));
  EXPECT_EQ(link.trouble(15000), LinkTrouble::Retrying);
}

}  // namespace
}  // namespace treff
