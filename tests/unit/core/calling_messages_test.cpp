// The calling messages (presence and rings) as they go over the wire: round trips, and the bad
// input a client or a broken server could send.
#include <gtest/gtest.h>

#include "core/protocol.h"
#include "round_trip.h"

namespace treff::proto {
namespace {

TEST(CallingMessages, EveryClientMessageRoundTrips) {
  expect_client_round_trips({Watch{}, RingStart{{7, 12, 3}, true}, RingStart{{5}, false}, RingStart{{5}, false, "koffie-1"},
                             RingAnswer{"a1b2c3d4e5f60718"}, RingDecline{"a1"}, RingStop{"a1"}});
  auto ring = parse_client_message(serialize(ClientMessage{RingStart{{7, 12}, true}}));
  ASSERT_TRUE(ring.ok());
  EXPECT_EQ(std::get<RingStart>(ring.value()).callees, (std::vector<int>{7, 12}));
  EXPECT_TRUE(std::get<RingStart>(ring.value()).audio_only);
  EXPECT_EQ(std::get<RingStart>(ring.value()).room, "");  // a call of its own
  auto into_room = parse_client_message(serialize(ClientMessage{RingStart{{7}, false, "koffie-1"}}));
  ASSERT_TRUE(into_room.ok());
  EXPECT_EQ(std::get<RingStart>(into_room.value()).room, "koffie-1");
}

TEST(CallingMessages, EveryServerMessageRoundTrips) {
  expect_server_round_trips({
      PresenceUpdate{{{3, Presence::Online}, {4, Presence::InCall}, {9, Presence::Offline}}, true},
      PresenceUpdate{{{3, Presence::Offline}}, false},
      RingProgress{"r1", "k7m2-p9qx-3hzt-w8ab", false,
                   {{3, CalleeState::Ringing, 29500}, {4, CalleeState::Declined, 0}, {5, CalleeState::Busy, 0}}, false},
      RingProgress{"r1", "k7m2-p9qx-3hzt-w8ab", true, {{3, CalleeState::TimedOut, 0}}, true},
      IncomingRing{"r1", 8, "Oma Gerda 🌻", true, 30000},
      RingOver{"r1", "answered", "k7m2-p9qx-3hzt-w8ab"},
      RingOver{"r1", "cancelled", ""},
  });
}

TEST(CallingMessages, ARingNamesOneToSixteenDifferentAccounts) {
  const char* bad[] = {
      R"({"v":1,"type":"ring","callees":[],"audioOnly":false})",
      R"({"v":1,"type":"ring","callees":[3,3],"audioOnly":false})",
      R"({"v":1,"type":"ring","callees":[0],"audioOnly":false})",
      R"({"v":1,"type":"ring","callees":[-4],"audioOnly":false})",
      R"({"v":1,"type":"ring","callees":["3"],"audioOnly":false})",
      R"({"v":1,"type":"ring","callees":[3.5],"audioOnly":false})",
      R"({"v":1,"type":"ring","callees":[99999999999],"audioOnly":false})",
      R"({"v":1,"type":"ring","callees":[1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17],"audioOnly":false})",
      R"({"v":1,"type":"ring","callees":[3]})",
      R"({"v":1,"type":"ring","callees":[3],"audioOnly":false,"private":true})",
      R"({"v":1,"type":"ring","callees":[3],"audioOnly":false,"room":7})",
      R"({"v":1,"type":"ring-answer"})",
      R"({"v":1,"type":"ring-answer","ring":""})",
      R"({"v":1,"type":"ring-stop","ring":"0123456789abcdef0123456789abcdef0"})",
      R"({"v":1,"type":"watch","all":true})",
  };
  const std::string long_room = R"({"v":1,"type":"ring","callees":[3],"audioOnly":false,"room":")" + std::string(1000, 'k') + "\"}";
  EXPECT_FALSE(parse_client_message(long_room).ok());
  for (const char* text : bad) {
    auto r = parse_client_message(text);
    EXPECT_FALSE(r.ok()) << text;
    if (!r.ok()) {
      EXPECT_EQ(r.error().code, "bad-message") << text << ": " << r.error().message;
    }
  }
}

TEST(CallingMessages, ABrokenServerMessageIsRefusedWithItsReason) {
  const char* bad[] = {
      R"({"v":1,"type":"presence","entries":[{"account":3,"state":"away"}],"complete":true})",
      R"({"v":1,"type":"presence","entries":[3],"complete":true})",
      R"({"v":1,"type":"presence","entries":[{"account":3,"state":"online","x":1}],"complete":true})",
      R"({"v":1,"type":"ring-state","ring":"r","room":"k","audioOnly":false,"over":false,"callees":[{"account":3,"state":"ringing","msLeft":-1}]})",
      R"({"v":1,"type":"ring-state","ring":"r","room":"k","audioOnly":false,"over":false,"callees":[{"account":3,"state":"sleeping","msLeft":0}]})",
      R"({"v":1,"type":"ringing","ring":"r","caller":0,"callerName":"A","audioOnly":false,"msLeft":100})",
      R"({"v":1,"type":"ring-over","ring":"r"})",
  };
  for (const char* text : bad) {
    auto r = parse_server_message(text);
    EXPECT_FALSE(r.ok()) << text;
  }
}

TEST(CallingMessages, TypeNamesMatchTheWire) {
  EXPECT_EQ(type_name(ClientMessage{RingStart{}}), "ring");
  EXPECT_EQ(type_name(ClientMessage{RingStop{}}), "ring-stop");
  EXPECT_EQ(type_name(ServerMessage{RingProgress{}}), "ring-state");
  EXPECT_EQ(type_name(ServerMessage{RingOver{}}), "ring-over");
  EXPECT_EQ(type_name(ServerMessage{PresenceUpdate{}}), "presence");
}

}  // namespace
}  // namespace treff::proto
