#include "core/room_model.h"

#include <gtest/gtest.h>

namespace treff {
namespace {

proto::PeerInfo peer(const std::string& id, const std::string& name) { return {id, name, {true, true}}; }

class RoomModelTest : public ::testing::Test {
 protected:
  void SetUp() override { room.reset(peer("3", "Me"), {peer("1", "Anna"), peer("2", "Bob")}); }
  std::string large() const { return room.shown_large() ? room.shown_large()->id : ""; }
  RoomModel room;
};

TEST_F(RoomModelTest, ThumbnailsStartWithYourselfThenJoinOrder) {
  room.add(peer("7", "Carla"));
  std::vector<std::string> ids;
  for (const auto& p : room.thumbnails()) ids.push_back(p.id);
  EXPECT_EQ(ids, (std::vector<std::string>{"3", "1", "2", "7"}));
  EXPECT_TRUE(room.thumbnails()[0].is_self);
}

TEST_F(RoomModelTest, DuplicatesAndUnknownIdsChangeNothing) {
  EXPECT_FALSE(room.add(peer("1", "Anna again")));
  EXPECT_FALSE(room.remove("99"));
  EXPECT_FALSE(room.remove("3"));  // you cannot be removed from your own view
  EXPECT_FALSE(room.pick("99"));
  EXPECT_EQ(room.size(), 3u);
}

TEST_F(RoomModelTest, LargeViewWithoutSpeakerShowsFirstRemote) { EXPECT_EQ(large(), "1"); }

TEST_F(RoomModelTest, LargeViewFollowsActiveSpeaker) {
  room.set_active_speaker(std::string("2"));
  EXPECT_EQ(large(), "2");
  room.set_active_speaker(std::nullopt);  // silence keeps the last speaker large
  EXPECT_EQ(large(), "2");
}

TEST_F(RoomModelTest, YouNeverBecomeActiveSpeaker) {
  room.set_active_speaker(std::string("3"));
  EXPECT_EQ(large(), "1");
  EXPECT_FALSE(room.active_speaker().has_value());
}

TEST_F(RoomModelTest, PickWinsOverSpeakerAndMayBeYourself) {
  room.set_active_speaker(std::string("2"));
  ASSERT_TRUE(room.pick("3"));
  EXPECT_EQ(large(), "3");
  room.clear_pick();
  EXPECT_EQ(large(), "2");
}

TEST_F(RoomModelTest, PickedPersonLeavingFallsBackToSpeaker) {
  room.set_active_speaker(std::string("2"));
  room.pick("1");
  EXPECT_TRUE(room.remove("1"));
  EXPECT_FALSE(room.picked().has_value());
  EXPECT_EQ(large(), "2");
}

TEST_F(RoomModelTest, AloneYouSeeYourself) {
  room.remove("1");
  room.remove("2");
  EXPECT_EQ(large(), "3");
}

TEST_F(RoomModelTest, MediaChangesAreReportedOnce) {
  EXPECT_TRUE(room.set_media("2", {false, true}));
  EXPECT_FALSE(room.set_media("2", {false, true}));
  EXPECT_FALSE(room.find("2")->media.mic);
  EXPECT_FALSE(room.set_media("99", {false, false}));
}

}  // namespace
}  // namespace treff
