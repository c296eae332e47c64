#include "core/mesh_negotiation.h"

#include <gtest/gtest.h>

#include <deque>
#include <functional>
#include <memory>

namespace treff {
namespace {

using namespace negotiation;
using proto::Signal;
using proto::SignalKind;

TEST(PoliteRole, ExactlyOneSideIsPolite) {
  EXPECT_TRUE(is_polite("1", "2"));
  EXPECT_FALSE(is_polite("2", "1"));
  EXPECT_TRUE(is_polite("9", "10"));  // numeric ids: shorter sorts first
  EXPECT_FALSE(is_polite("10", "9"));
  EXPECT_NE(is_polite("abc", "abd"), is_polite("abd", "abc"));
}

// A browser RTCPeerConnection reduced to what negotiation depends on: the signaling state machine,
// implicit rollback when an offer arrives in have-local-offer, negotiationneeded firing only when
// stable, and candidates that need a remote description.
struct SimConnection {
  SignalingState state = SignalingState::Stable;
  bool has_remote = false;
  bool has_local_media = false;
  bool media_in_description = false;  // the last local description carried our media
  bool restart_requested = false;
  int pending_operations = 0;         // setLocal/RemoteDescription calls not yet finished
  int offers_made = 0;
  int candidates_added = 0;
  int candidate_errors = 0;
};

// Several participants with their negotiators, wired through an in-order message queue that
// stands for the server, plus a queue of browser events. The test decides when each is run.
class Mesh {
 public:
  explicit Mesh(int n) : clients_(n) {
    for (int i = 0; i < n; ++i) clients_[i].id = std::to_string(i + 1);
  }

  // Participant i joins; everyone before it is in the room.
  void join(int i) {
    std::vector<proto::PeerInfo> peers;
    for (int k = 0; k < i; ++k) peers.push_back({clients_[k].id, "p", {}});
    run(i, clients_[i].negotiator.on_joined(clients_[i].id, peers));
  }

  void leave(int i) {
    run(i, clients_[i].negotiator.on_left());
    for (std::size_t k = 0; k < clients_.size(); ++k)
      if (static_cast<int>(k) != i) run(k, clients_[k].negotiator.on_peer_left(clients_[i].id));
  }

  // Delivers queued messages and browser events until nothing is left (bounded).
  void settle() {
    for (int steps = 0; steps < 10000 && !events_.empty(); ++steps) {
      auto e = std::move(events_.front());
      events_.pop_front();
      e();
    }
    ASSERT_TRUE(events_.empty()) << "negotiation did not settle";
  }

  // Both sides of a pair ask for negotiation before either hears from the other: glare.
  void renegotiate_both(int a, int b) {
    run(a, clients_[a].negotiator.on_negotiation_needed(clients_[b].id));
    run(b, clients_[b].negotiator.on_negotiation_needed(clients_[a].id));
  }

  SimConnection* connection(int i, int to) {
    auto& c = clients_[i].connections;
    auto it = c.find(clients_[to].id);
    return it == c.end() ? nullptr : it->second.get();
  }

  // Connected means: both ends stable, both have the other's description and candidates.
  bool connected(int a, int b) {
    SimConnection* x = connection(a, b);
    SimConnection* y = connection(b, a);
    return x && y && x->state == SignalingState::Stable && y->state == SignalingState::Stable &&
           x->has_remote && y->has_remote && x->candidates_added > 0 && y->candidates_added > 0;
  }

 private:
  struct Client {
    std::string id;
    MeshNegotiator negotiator;
    std::map<std::string, std::unique_ptr<SimConnection>> connections;
  };

  int index_of(const std::string& id) const { return std::stoi(id) - 1; }

  void later(std::function<void()> f) { events_.push_back(std::move(f)); }

  void set_state(std::size_t i, const std::string& peer, SimConnection& pc, SignalingState s) {
    pc.state = s;
    run(i, clients_[i].negotiator.on_signaling_state(peer, s));
  }

  // Like a browser: negotiation is needed only once stable with no operation pending, and only if
  // something changed that the last description did not carry.
  void check_negotiation_needed(std::size_t i, const std::string& peer, SimConnection& pc) {
    if (pc.state != SignalingState::Stable || pc.pending_operations > 0) return;
    if (!pc.restart_requested && (!pc.has_local_media || pc.media_in_description)) return;
    pc.restart_requested = false;
    later([this, i, peer] {
      if (clients_[i].connections.count(peer))
        run(i, clients_[i].negotiator.on_negotiation_needed(peer));
    });
  }

  void run(std::size_t i, const NegotiationActions& actions) {
    for (const auto& a : actions) std::visit([&](const auto& act) { apply(i, act); }, a);
  }

  void apply(std::size_t i, const CreateConnection& a) {
    clients_[i].connections[a.peer] = std::make_unique<SimConnection>();
  }
  void apply(std::size_t i, const AttachLocalMedia& a) {
    SimConnection& pc = *clients_[i].connections.at(a.peer);
    pc.has_local_media = true;
    check_negotiation_needed(i, a.peer, pc);
  }
  void apply(std::size_t i, const SetLocalDescription& a) {
    std::string peer = a.peer;
    ++clients_[i].connections.at(peer)->pending_operations;
    later([this, i, peer] {
      auto it = clients_[i].connections.find(peer);
      if (it == clients_[i].connections.end()) return;
      SimConnection& pc = *it->second;
      --pc.pending_operations;
      pc.media_in_description = pc.has_local_media;
      Signal d;
      if (pc.state == SignalingState::Stable) {
        d.kind = SignalKind::Offer;
        d.sdp = "offer from " + clients_[i].id;
        ++pc.offers_made;
        set_state(i, peer, pc, SignalingState::HaveLocalOffer);
      } else if (pc.state == SignalingState::HaveRemoteOffer) {
        d.kind = SignalKind::Answer;
        d.sdp = "answer from " + clients_[i].id;
        set_state(i, peer, pc, SignalingState::Stable);
      } else {
        run(i, clients_[i].negotiator.on_local_description_failed(peer));
        return;
      }
      run(i, clients_[i].negotiator.on_local_description(peer, d));
      Signal c{SignalKind::Candidate, "", "candidate:1 1 udp 1 127.0.0.1 9 typ host", "0", 0};
      run(i, clients_[i].negotiator.on_local_candidate(peer, c));
      check_negotiation_needed(i, peer, pc);
    });
  }
  void apply(std::size_t i, const SetRemoteDescription& a) {
    std::string peer = a.peer;
    SignalKind kind = a.description.kind;
    ++clients_[i].connections.at(peer)->pending_operations;
    later([this, i, peer, kind] {
      auto it = clients_[i].connections.find(peer);
      if (it == clients_[i].connections.end()) return;
      SimConnection& pc = *it->second;
      --pc.pending_operations;
      if (kind == SignalKind::Offer) {
        if (pc.state == SignalingState::HaveLocalOffer) set_state(i, peer, pc, SignalingState::Stable);  // rollback
        pc.has_remote = true;
        set_state(i, peer, pc, SignalingState::HaveRemoteOffer);
      } else {
        ASSERT_EQ(pc.state, SignalingState::HaveLocalOffer) << "answer applied in wrong state";
        pc.has_remote = true;
        set_state(i, peer, pc, SignalingState::Stable);
      }
      run(i, clients_[i].negotiator.on_remote_description_applied(peer, kind));
      check_negotiation_needed(i, peer, pc);
    });
  }
  void apply(std::size_t i, const AddRemoteCandidate& a) {
    // addIceCandidate() waits behind earlier operations, as in the browser.
    std::string peer = a.peer;
    later([this, i, peer] {
      auto it = clients_[i].connections.find(peer);
      if (it == clients_[i].connections.end()) return;
      SimConnection& pc = *it->second;
      if (pc.has_remote) {
        ++pc.candidates_added;
      } else if (!clients_[i].negotiator.candidate_error_expected(peer)) {
        ++pc.candidate_errors;
      }
    });
  }
  // A mesh never asks the other side for a restart (both sides can offer).
  void apply(std::size_t, const AskForIceRestart&) { ADD_FAILURE() << "a mesh restarts ICE itself"; }
  void apply(std::size_t i, const RestartIce& a) {
    SimConnection& pc = *clients_[i].connections.at(a.peer);
    pc.restart_requested = true;
    check_negotiation_needed(i, a.peer, pc);
  }
  void apply(std::size_t i, const SendSignal& a) {
    // The server stamps the sender; delivery is in order.
    std::string from = clients_[i].id;
    int to = index_of(a.peer);
    Signal s = a.signal;
    later([this, to, from, s] { run(to, clients_[to].negotiator.on_signal(from, s)); });
  }
  void apply(std::size_t i, const CloseConnection& a) { clients_[i].connections.erase(a.peer); }

  std::vector<Client> clients_;
  std::deque<std::function<void()>> events_;
};

TEST(MeshNegotiation, TwoPeopleConnect) {
  Mesh mesh(2);
  mesh.join(0);
  mesh.join(1);
  mesh.settle();
  EXPECT_TRUE(mesh.connected(0, 1));
  // The newcomer offered; the one already there answered without an offer of its own.
  EXPECT_EQ(mesh.connection(1, 0)->offers_made, 1);
  EXPECT_EQ(mesh.connection(0, 1)->offers_made, 0);
}

TEST(MeshNegotiation, SixPeopleFormAFullMesh) {
  Mesh mesh(6);
  for (int i = 0; i < 6; ++i) mesh.join(i);  // joins overlap: nothing settles in between
  mesh.settle();
  for (int a = 0; a < 6; ++a)
    for (int b = a + 1; b < 6; ++b) EXPECT_TRUE(mesh.connected(a, b)) << a << "-" << b;
}

TEST(MeshNegotiation, GlareResolvesForBothRoleAssignments) {
  for (auto [a, b] : {std::pair{0, 1}, std::pair{1, 0}}) {
    Mesh mesh(2);
    mesh.join(0);
    mesh.join(1);
    mesh.settle();
    mesh.renegotiate_both(a, b);
    mesh.settle();
    EXPECT_TRUE(mesh.connected(0, 1));
    EXPECT_EQ(mesh.connection(0, 1)->candidate_errors, 0);
    EXPECT_EQ(mesh.connection(1, 0)->candidate_errors, 0);
  }
}

TEST(MeshNegotiation, PeerLeavingClosesOnlyItsConnections) {
  Mesh mesh(3);
  for (int i = 0; i < 3; ++i) mesh.join(i);
  mesh.settle();
  mesh.leave(1);
  mesh.settle();
  EXPECT_EQ(mesh.connection(0, 1), nullptr);
  EXPECT_EQ(mesh.connection(2, 1), nullptr);
  EXPECT_EQ(mesh.connection(1, 0), nullptr);
  EXPECT_TRUE(mesh.connected(0, 2));
}

TEST(MeshNegotiation, ImpoliteSideIgnoresCollidingOffer) {
  MeshNegotiator impolite;  // id "2" is impolite towards "1"
  impolite.on_joined("2", {{"1", "a", {}}});
  impolite.on_negotiation_needed("1");  // making an offer
  auto actions = impolite.on_signal("1", Signal{SignalKind::Offer, "x", "", {}, {}});
  EXPECT_TRUE(actions.empty());
  EXPECT_TRUE(impolite.candidate_error_expected("1"));

  MeshNegotiator polite;  // id "1" is polite towards "2"
  polite.on_joined("1", {{"2", "b", {}}});
  polite.on_negotiation_needed("2");
  auto taken = polite.on_signal("2", Signal{SignalKind::Offer, "x", "", {}, {}});
  ASSERT_EQ(taken.size(), 1u);
  EXPECT_TRUE(std::holds_alternative<SetRemoteDescription>(taken[0]));
}

TEST(MeshNegotiation, SignalsFromStrangersAndStaleAnswersAreDropped) {
  MeshNegotiator n;
  n.on_joined("5", {});
  EXPECT_TRUE(n.on_signal("9", Signal{SignalKind::Answer, "x", "", {}, {}}).empty());
  EXPECT_TRUE(n.on_signal("9", Signal{SignalKind::Candidate, "", "c", {}, {}}).empty());
  EXPECT_FALSE(n.has_connection("9"));
  // An offer from someone new opens a connection: create, apply the offer, then attach media.
  auto opened = n.on_signal("9", Signal{SignalKind::Offer, "x", "", {}, {}});
  ASSERT_EQ(opened.size(), 3u);
  EXPECT_TRUE(std::holds_alternative<CreateConnection>(opened[0]));
  EXPECT_TRUE(std::holds_alternative<SetRemoteDescription>(opened[1]));
  EXPECT_TRUE(std::holds_alternative<AttachLocalMedia>(opened[2]));
  EXPECT_TRUE(n.on_signal("9", Signal{SignalKind::Answer, "x", "", {}, {}}).empty());  // nothing offered
}

TEST(MeshNegotiation, FailedConnectionRestartsIce) {
  MeshNegotiator n;
  n.on_joined("1", {{"2", "b", {}}});
  auto r = n.on_connection_failed("2");
  ASSERT_EQ(r.size(), 1u);
  EXPECT_TRUE(std::holds_alternative<RestartIce>(r[0]));
  EXPECT_TRUE(n.on_connection_failed("3").empty());
}

}  // namespace
}  // namespace treff
