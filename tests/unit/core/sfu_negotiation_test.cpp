#include "core/sfu_negotiation.h"

#include <gtest/gtest.h>

namespace treff {
namespace {

using namespace negotiation;

proto::Signal description(proto::SignalKind kind, std::string sdp) {
  proto::Signal s;
  s.kind = kind;
  s.sdp = std::move(sdp);
  return s;
}

TEST(SfuNegotiator, AfterTheJoinThePublisherIsCreatedWithOurMediaAndOffers) {
  SfuNegotiator n;
  auto out = n.on_joined("5", {{"3", "Oma", {}}, {"4", "Piet", {}}});
  ASSERT_EQ(out.size(), 2u) << "one connection up, whoever is in the room";
  const auto& create = std::get<CreateConnection>(out[0]);
  EXPECT_EQ(create.peer, "publisher");
  EXPECT_TRUE(create.offers_first);
  EXPECT_EQ(std::get<AttachLocalMedia>(out[1]).peer, "publisher");
  EXPECT_TRUE(std::get<AttachLocalMedia>(out[1]).to_sfu) << "sent only, in simulcast layers";
  out = n.on_negotiation_needed("publisher");
  ASSERT_EQ(out.size(), 1u);
  EXPECT_TRUE(std::holds_alternative<SetLocalDescription>(out[0]));
  out = n.on_local_description("publisher", description(proto::SignalKind::Offer, "offer"));
  ASSERT_EQ(out.size(), 1u);
  EXPECT_EQ(std::get<SendSignal>(out[0]).peer, "publisher");
  n.on_signaling_state("publisher", SignalingState::HaveLocalOffer);
  out = n.on_signal("publisher", description(proto::SignalKind::Answer, "answer"));
  ASSERT_EQ(out.size(), 1u);
  EXPECT_EQ(std::get<SetRemoteDescription>(out[0]).description.sdp, "answer");
  n.on_signaling_state("publisher", SignalingState::Stable);
  EXPECT_TRUE(n.on_signal("publisher", description(proto::SignalKind::Answer, "late")).empty())
      << "an answer to no offer is stale";
  EXPECT_TRUE(n.on_signal("publisher", description(proto::SignalKind::Offer, "odd")).empty())
      << "the server does not offer on the publisher";
}

TEST(SfuNegotiator, TheServersOfferOpensTheReceivingConnectionWhichAnswers) {
  SfuNegotiator n;
  n.on_joined("5", {});
  auto out = n.on_signal("subscriber", description(proto::SignalKind::Offer, "everyone"));
  ASSERT_EQ(out.size(), 2u);
  const auto& create = std::get<CreateConnection>(out[0]);
  EXPECT_EQ(create.peer, "subscriber");
  EXPECT_FALSE(create.offers_first);
  EXPECT_TRUE(std::holds_alternative<SetRemoteDescription>(out[1])) << "no media of ours on it";
  out = n.on_remote_description_applied("subscriber", proto::SignalKind::Offer);
  ASSERT_EQ(out.size(), 1u);
  EXPECT_TRUE(std::holds_alternative<SetLocalDescription>(out[0]));
  EXPECT_TRUE(n.on_negotiation_needed("subscriber").empty()) << "only the server offers here";
  // Someone new: the server offers again on the same connection.
  out = n.on_signal("subscriber", description(proto::SignalKind::Offer, "everyone and Bob"));
  ASSERT_EQ(out.size(), 1u);
  EXPECT_TRUE(std::holds_alternative<SetRemoteDescription>(out[0]));
}

TEST(SfuNegotiator, LeavingClosesBothAndIceRestartsAreOursOnThePublisherTheServersOnTheSubscription) {
  SfuNegotiator n;
  n.on_joined("5", {});
  n.on_signal("subscriber", description(proto::SignalKind::Offer, "everyone"));
  auto restart = n.on_connection_failed("publisher");
  ASSERT_EQ(restart.size(), 1u);
  EXPECT_TRUE(std::holds_alternative<RestartIce>(restart[0])) << "our offer";
  restart = n.on_connection_failed("subscriber");
  ASSERT_EQ(restart.size(), 1u);
  EXPECT_TRUE(std::holds_alternative<AskForIceRestart>(restart[0])) << "the server's offer, asked for";
  EXPECT_TRUE(n.on_peer_left("3").empty()) << "someone leaving changes the subscription, not our connections";
  RoomModel room;
  EXPECT_TRUE(n.takes_signal_from("subscriber", room));
  EXPECT_FALSE(n.takes_signal_from("3", room));
  auto out = n.on_left();
  EXPECT_EQ(out.size(), 2u);
  EXPECT_FALSE(n.has_connection("publisher"));
  EXPECT_FALSE(n.has_connection("subscriber"));
}

}  // namespace
}  // namespace treff
