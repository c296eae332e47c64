#include "core/room_names.h"

#include <gtest/gtest.h>

#include <set>

#include "core/text_rules.h"

namespace treff {
namespace {

TEST(RandomRoomName, IsSixteenReadableCharactersInGroupsOfFour) {
  const std::string name = random_room_name({0x12, 0x34, 0x56, 0x78, 0x9a, 0xbc, 0xde, 0xf0, 0x0f, 0xa5});
  ASSERT_EQ(name.size(), 19u);
  EXPECT_EQ(name[4], '-');
  EXPECT_EQ(name[9], '-');
  EXPECT_EQ(name[14], '-');
  EXPECT_EQ(name.find_first_of("ilou"), std::string::npos);
  EXPECT_TRUE(check_room_name(name));
}

TEST(RandomRoomName, SpellsTheBitsInOrder) {
  EXPECT_EQ(random_room_name({}), "0000-0000-0000-0000");
  EXPECT_EQ(random_room_name({0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff}), "zzzz-zzzz-zzzz-zzzz");
  // 0x08 0x42 = 00001 00001 00001 0 ...: the first three characters are 1, the fourth 0.
  EXPECT_EQ(random_room_name({0x08, 0x42}).substr(0, 4), "1110");
}

TEST(RandomRoomName, EveryBitCounts) {
  // Flipping any one of the 80 bits gives another name: no bit is dropped.
  std::set<std::string> names{random_room_name({})};
  for (int bit = 0; bit < 80; ++bit) {
    std::array<std::uint8_t, kRandomRoomBytes> bytes{};
    bytes[static_cast<std::size_t>(bit / 8)] = static_cast<std::uint8_t>(1u << (bit % 8));
    names.insert(random_room_name(bytes));
  }
  EXPECT_EQ(names.size(), 81u);
}

}  // namespace
}  // namespace treff
