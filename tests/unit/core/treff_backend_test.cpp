#include "core/treff_backend.h"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

namespace treff {
namespace {

using json = nlohmann::json;

TEST(TreffBackend, SaysHelloWhenTheConnectionOpensAndIsReadyForAJoinAtOnce) {
  TreffBackend b;
  b.opened(0);
  auto out = b.take_outgoing();
  ASSERT_EQ(out.size(), 1u);
  EXPECT_EQ(json::parse(out[0])["type"], "hello");
  auto events = b.take_events();
  ASSERT_EQ(events.size(), 1u);
  EXPECT_TRUE(std::holds_alternative<backend::Ready>(events[0]));
}

TEST(TreffBackend, TheServersRoomNewsBecomeTheCallsEvents) {
  TreffBackend b;
  b.received(R"({"v":1,"type":"joined","room":"familie","self":"5","locked":true,"host":"3","resume":"5.ab",)"
             R"("peers":[{"id":"3","name":"Oma","mic":true,"camera":false}]})", 0);
  b.received(R"({"v":1,"type":"peer-left","id":"3"})", 0);
  b.received(R"({"v":1,"type":"error","code":"room-full","message":"This room is full."})", 0);
  b.received(R"({"v":1,"type":"pong"})", 0);
  auto events = b.take_events();
  ASSERT_EQ(events.size(), 3u) << "a pong is no news";
  const auto& joined = std::get<backend::Joined>(events[0]).room;
  EXPECT_EQ(joined.self_id, "5");
  EXPECT_TRUE(joined.info.locked);
  ASSERT_EQ(joined.peers.size(), 1u);
  EXPECT_FALSE(joined.peers[0].media.camera);
  EXPECT_EQ(std::get<backend::PersonLeft>(events[1]).id, "3");
  EXPECT_EQ(std::get<backend::Refused>(events[2]).error.code, "room-full");
}

TEST(TreffBackend, AMessageOfAnotherProtocolIsReportedNotActedOn) {
  TreffBackend b;
  b.received(R"({"janus":"success","transaction":"x"})", 0);
  auto events = b.take_events();
  ASSERT_EQ(events.size(), 1u);
  EXPECT_EQ(std::get<backend::Unreadable>(events[0]).error.code, "bad-message");
  EXPECT_TRUE(b.take_outgoing().empty());
}

TEST(TreffBackend, SignalsGoToTheNamedPerson) {
  TreffBackend b;
  proto::Signal offer;
  offer.kind = proto::SignalKind::Offer;
  offer.sdp = "v=0";
  b.signal("7", offer);
  auto out = b.take_outgoing();
  ASSERT_EQ(out.size(), 1u);
  const json m = json::parse(out[0]);
  EXPECT_EQ(m["type"], "signal");
  EXPECT_EQ(m["to"], "7");
}

}  // namespace
}  // namespace treff
