// The switchboard on its own: presence and rings between accounts, with fake connections and a
// contact directory in memory (the server tests drive the real one over WebSockets).
#include "server/switchboard.h"

#include <gtest/gtest.h>

#include <deque>

#include "server/signaling_hub.h"

namespace treff::server {
namespace {

class Connection final : public HubClient {
 public:
  void deliver(SharedText text) override {
    auto m = proto::parse_server_message(*text);
    ASSERT_TRUE(m.ok()) << *text;
    got.push_back(std::move(m).value());
  }
  void close(CloseReason) override { closed = true; }

  // The messages of type T received since the last call, oldest first.
  template <class T>
  std::vector<T> take() {
    std::vector<T> out;
    std::deque<proto::ServerMessage> rest;
    for (auto& m : got) {
      if (auto* t = std::get_if<T>(&m)) out.push_back(*t);
      else rest.push_back(std::move(m));
    }
    got = std::move(rest);
    return out;
  }
  std::string error() {
    auto errors = take<proto::ErrorReply>();
    return errors.empty() ? "" : errors.back().code;
  }

  std::deque<proto::ServerMessage> got;
  bool closed = false;
};

// Contacts and colleagues in memory; answers at once, or (`later`) when the test says.
class Directory final : public ContactDirectory {
 public:
  bool reachable_from(int account, std::function<void(std::optional<Reachable>)> done) override {
    if (refuse) return false;
    auto answer = [this, account, done] {
      if (broken) return done(std::nullopt);
      done(Reachable{contacts[account], colleagues[account]});
    };
    if (later) waiting.push_back(answer);
    else answer();
    return true;
  }
  void befriend(int a, int b) {
    contacts[a].push_back(b);
    contacts[b].push_back(a);
  }
  void answer_all() {
    auto all = std::move(waiting);
    for (auto& a : all) a();
  }
  std::map<int, std::vector<int>> contacts, colleagues;
  std::vector<std::function<void()>> waiting;
  bool later = false, refuse = false, broken = false;
};

constexpr int kAnna = 1, kBert = 2, kCor = 3, kDirk = 4;

class SwitchboardTest : public ::testing::Test {
 protected:
  SwitchboardTest()
      : board(CallingLimits{}, 8, [this](const std::string& room) { return rooms_in_use.count(room) > 0; },
              [this](int account, const std::string& room) { return seated_in.count({account, room}) > 0; }) {
    board.use_directory(&directory);
    directory.befriend(kAnna, kBert);
    directory.befriend(kAnna, kCor);
  }
  // A line of `account` on connection `serial`, with its presence list taken.
  void open_line(Connection& c, std::uint64_t serial, int account) {
    board.on_watch(c, serial, account);
    ASSERT_EQ(c.take<proto::PresenceUpdate>().size(), 1u);
  }
  std::string ring(Connection& c, std::uint64_t serial, int account, std::vector<int> callees, bool audio_only = false) {
    board.on_ring(c, serial, account, "Anna", proto::RingStart{std::move(callees), audio_only});
    auto progress = c.take<proto::RingProgress>();
    return progress.empty() ? "" : progress.back().ring;
  }

  Directory directory;
  std::set<std::string> rooms_in_use;
  std::set<std::pair<int, std::string>> seated_in;  // who sits in which room
  Switchboard board;
  Connection anna, bert, bert2, cor, dirk;
};

TEST_F(SwitchboardTest, AWatchListsEveryContactWithItsPresence) {
  open_line(bert, 20, kBert);
  board.seated(kCor);  // Cor is in a call (by a room link), with no line
  board.on_watch(anna, 10, kAnna);
  auto lists = anna.take<proto::PresenceUpdate>();
  ASSERT_EQ(lists.size(), 1u);
  EXPECT_TRUE(lists[0].complete);
  EXPECT_EQ(lists[0].entries, (std::vector<proto::PresenceEntry>{{kBert, proto::Presence::Online}, {kCor, proto::Presence::InCall}}));
}

TEST_F(SwitchboardTest, PresenceChangesReachOnlyThoseWhoWatch) {
  open_line(anna, 10, kAnna);
  open_line(dirk, 40, kDirk);  // not Bert's contact
  open_line(bert, 20, kBert);
  EXPECT_EQ(anna.take<proto::PresenceUpdate>().at(0).entries, (std::vector<proto::PresenceEntry>{{kBert, proto::Presence::Online}}));
  EXPECT_TRUE(dirk.take<proto::PresenceUpdate>().empty());
  // A second tab is the same presence: nothing to tell.
  open_line(bert2, 21, kBert);
  EXPECT_TRUE(anna.take<proto::PresenceUpdate>().empty());
  board.seated(kBert);
  EXPECT_EQ(anna.take<proto::PresenceUpdate>().at(0).entries.at(0).state, proto::Presence::InCall);
  board.unseated(kBert);
  EXPECT_EQ(anna.take<proto::PresenceUpdate>().at(0).entries.at(0).state, proto::Presence::Online);
  board.connection_closed(20, kBert);
  EXPECT_TRUE(anna.take<proto::PresenceUpdate>().empty());  // still online in the other tab
  board.connection_closed(21, kBert);
  EXPECT_EQ(anna.take<proto::PresenceUpdate>().at(0).entries.at(0).state, proto::Presence::Offline);
}

TEST_F(SwitchboardTest, GuestsAndServersWithoutAccountsCannotWatchOrRing) {
  board.on_watch(dirk, 40, 0);
  EXPECT_EQ(dirk.error(), "not-logged-in");
  board.on_ring(dirk, 40, 0, "", proto::RingStart{{kAnna}, false});
  EXPECT_EQ(dirk.error(), "not-logged-in");
  Switchboard bare(CallingLimits{}, 8, [](const std::string&) { return false; }, [](int, const std::string&) { return false; });
  bare.on_watch(anna, 10, kAnna);
  EXPECT_EQ(anna.error(), "not-logged-in");
}

TEST_F(SwitchboardTest, ARingReachesEveryLineOfTheCalleeAndAnsweringOneStopsTheOther) {
  open_line(anna, 10, kAnna);
  open_line(bert, 20, kBert);
  open_line(bert2, 21, kBert);
  anna.take<proto::PresenceUpdate>();
  const std::string id = ring(anna, 10, kAnna, {kBert}, true);
  ASSERT_FALSE(id.empty());
  for (Connection* c : {&bert, &bert2}) {
    auto rings = c->take<proto::IncomingRing>();
    ASSERT_EQ(rings.size(), 1u);
    EXPECT_EQ(rings[0].ring, id);
    EXPECT_EQ(rings[0].caller, kAnna);
    EXPECT_EQ(rings[0].caller_name, "Anna");
    EXPECT_TRUE(rings[0].audio_only);
    EXPECT_EQ(rings[0].ms_left, 30000);
  }
  board.on_answer(bert2, 21, kBert, proto::RingAnswer{id});
  auto answered = bert2.take<proto::RingOver>();
  ASSERT_EQ(answered.size(), 1u);
  EXPECT_EQ(answered[0].reason, "answered");
  EXPECT_FALSE(answered[0].room.empty());
  EXPECT_EQ(bert.take<proto::RingOver>().at(0).reason, "answered-elsewhere");
  auto progress = anna.take<proto::RingProgress>();
  ASSERT_EQ(progress.size(), 1u);
  EXPECT_TRUE(progress[0].over);
  EXPECT_EQ(progress[0].room, answered[0].room);
  EXPECT_EQ(progress[0].callees.at(0).state, CalleeState::Answered);
  // Two clicks on "Opnemen": the second is told the ring is over, nothing else happens.
  board.on_answer(bert, 20, kBert, proto::RingAnswer{id});
  EXPECT_EQ(bert.error(), "ring-over");
  EXPECT_TRUE(anna.got.empty());
  EXPECT_EQ(board.ring_count(), 0u);
}

TEST_F(SwitchboardTest, OnlyTheCallerAndTheCalleesMayEnterTheRingsRoomUntilItIsOverAndEmpty) {
  open_line(anna, 10, kAnna);
  open_line(bert, 20, kBert);
  board.on_ring(anna, 10, kAnna, "Anna", proto::RingStart{{kBert}, false});
  const std::string room = anna.take<proto::RingProgress>().at(0).room;
  EXPECT_EQ(room.size(), 19u);  // 80 random bits, as "Call now" rooms (core/room_names.h)
  EXPECT_TRUE(board.may_enter(room, kAnna));
  EXPECT_TRUE(board.may_enter(room, kBert));
  EXPECT_FALSE(board.may_enter(room, kCor));
  EXPECT_FALSE(board.may_enter(room, 0));
  EXPECT_TRUE(board.may_enter("some-other-room", 0));
  board.on_answer(bert, 20, kBert, proto::RingAnswer{bert.take<proto::IncomingRing>().at(0).ring});
  rooms_in_use.insert(room);
  const auto later = Switchboard::Clock::now() + std::chrono::minutes(5);
  board.expire(later);
  EXPECT_FALSE(board.may_enter(room, kCor)) << "still private while the two talk";
  rooms_in_use.erase(room);
  board.expire(later);
  EXPECT_TRUE(board.may_enter(room, kCor)) << "forgotten once over and empty";
}

TEST_F(SwitchboardTest, TwoCalleesOneDeclinesTheOtherAnswers) {
  open_line(anna, 10, kAnna);
  open_line(bert, 20, kBert);
  open_line(cor, 30, kCor);
  anna.take<proto::PresenceUpdate>();
  const std::string id = ring(anna, 10, kAnna, {kBert, kCor});
  board.on_decline(bert, 20, kBert, proto::RingDecline{id});
  EXPECT_EQ(bert.take<proto::RingOver>().at(0).reason, "declined");
  auto progress = anna.take<proto::RingProgress>().at(0);
  EXPECT_FALSE(progress.over);
  EXPECT_EQ(progress.callees.at(0).state, CalleeState::Declined);
  EXPECT_EQ(progress.callees.at(1).state, CalleeState::Ringing);
  EXPECT_GT(progress.callees.at(1).ms_left, 25000);
  board.on_answer(cor, 30, kCor, proto::RingAnswer{cor.take<proto::IncomingRing>().at(0).ring});
  EXPECT_EQ(cor.take<proto::RingOver>().at(0).reason, "answered");
  progress = anna.take<proto::RingProgress>().at(0);
  EXPECT_TRUE(progress.over);
  EXPECT_EQ(progress.callees.at(1).state, CalleeState::Answered);
}

TEST_F(SwitchboardTest, TheFirstAnswerStartsTheCallAndTheOthersRingOnUntilTheirTimeIsUp) {
  open_line(anna, 10, kAnna);
  open_line(bert, 20, kBert);
  open_line(cor, 30, kCor);
  const std::string id = ring(anna, 10, kAnna, {kBert, kCor});
  board.on_answer(bert, 20, kBert, proto::RingAnswer{id});
  auto progress = anna.take<proto::RingProgress>().at(0);
  EXPECT_FALSE(progress.over);
  EXPECT_EQ(progress.callees.at(0).state, CalleeState::Answered);
  board.expire(Switchboard::Clock::now() + std::chrono::seconds(31));
  EXPECT_EQ(cor.take<proto::RingOver>().at(0).reason, "timed-out");
  progress = anna.take<proto::RingProgress>().at(0);
  EXPECT_TRUE(progress.over);
  EXPECT_EQ(progress.callees.at(1).state, CalleeState::TimedOut);
  EXPECT_EQ(progress.callees.at(1).ms_left, 0);
  board.on_answer(cor, 30, kCor, proto::RingAnswer{id});
  EXPECT_EQ(cor.error(), "ring-over") << "too late";
}

TEST_F(SwitchboardTest, TheCallerStopsOrGoesAndTheCalleesHearWhy) {
  open_line(anna, 10, kAnna);
  open_line(bert, 20, kBert);
  std::string id = ring(anna, 10, kAnna, {kBert});
  board.on_stop(bert, 20, kBert, proto::RingStop{id});
  EXPECT_EQ(bert.error(), "ring-over") << "only the caller stops a ring";
  board.on_stop(anna, 10, kAnna, proto::RingStop{id});
  EXPECT_EQ(bert.take<proto::RingOver>().at(0).reason, "cancelled");
  EXPECT_EQ(anna.take<proto::RingProgress>().at(0).callees.at(0).state, CalleeState::Cancelled);
  board.on_answer(bert, 20, kBert, proto::RingAnswer{id});
  EXPECT_EQ(bert.error(), "ring-over") << "accept after the caller stopped";

  id = ring(anna, 10, kAnna, {kBert});
  ASSERT_FALSE(id.empty());
  board.connection_closed(10, kAnna);
  EXPECT_EQ(bert.take<proto::RingOver>().at(0).reason, "caller-gone");
  EXPECT_EQ(board.ring_count(), 0u);

  // A server that stops says so, before the caller's connection closes: not "hung up".
  anna.got.clear();
  open_line(anna, 11, kAnna);
  id = ring(anna, 11, kAnna, {kBert});
  ASSERT_FALSE(id.empty());
  board.server_stopping();
  EXPECT_EQ(bert.take<proto::RingOver>().at(0).reason, "server-stopping");
  board.connection_closed(11, kAnna);
  EXPECT_TRUE(bert.take<proto::RingOver>().empty());
  EXPECT_EQ(board.ring_count(), 0u);
}

TEST_F(SwitchboardTest, OfflineAndBusyCalleesAreNotRungAndACalleeWhoGoesStopsRinging) {
  open_line(anna, 10, kAnna);
  open_line(bert, 20, kBert);
  board.seated(kBert);  // in a call already; Cor is not online
  board.on_ring(anna, 10, kAnna, "Anna", proto::RingStart{{kBert, kCor}, false});
  auto progress = anna.take<proto::RingProgress>();
  ASSERT_EQ(progress.size(), 1u);
  EXPECT_TRUE(progress[0].over) << "nobody could be rung: the ring is over at once";
  EXPECT_EQ(progress[0].callees.at(0).state, CalleeState::Busy);
  EXPECT_EQ(progress[0].callees.at(1).state, CalleeState::Offline);
  EXPECT_TRUE(bert.take<proto::IncomingRing>().empty());
  EXPECT_EQ(board.ring_count(), 0u);
  board.unseated(kBert);

  open_line(cor, 30, kCor);
  anna.got.clear();
  board.on_ring(anna, 10, kAnna, "Anna", proto::RingStart{{kBert, kCor}, false});
  ASSERT_EQ(anna.take<proto::RingProgress>().size(), 1u);
  board.connection_closed(30, kCor);  // Cor's network drops while it rings
  auto after = anna.take<proto::RingProgress>();
  ASSERT_EQ(after.size(), 1u);
  EXPECT_EQ(after[0].callees.at(1).state, CalleeState::Offline);
  EXPECT_EQ(after[0].callees.at(0).state, CalleeState::Ringing);
}

TEST_F(SwitchboardTest, ARingStartsOnlyForOnesOwnContacts) {
  open_line(anna, 10, kAnna);
  open_line(dirk, 40, kDirk);
  board.on_ring(anna, 10, kAnna, "Anna", proto::RingStart{{kBert, kDirk}, false});
  EXPECT_EQ(anna.error(), "not-a-contact");
  EXPECT_TRUE(dirk.take<proto::IncomingRing>().empty());
  board.on_ring(anna, 10, kAnna, "Anna", proto::RingStart{{kAnna}, false});
  EXPECT_EQ(anna.error(), "ring-self");
  board.on_ring(anna, 10, kAnna, "Anna", proto::RingStart{{2, 3, 4, 5, 6, 7, 8, 9}, false});
  EXPECT_EQ(anna.error(), "too-many-callees");
  Connection stranger;
  board.on_ring(stranger, 50, kAnna, "Anna", proto::RingStart{{kBert}, false});
  EXPECT_EQ(stranger.error(), "not-watching");
  open_line(bert, 20, kBert);
  ring(anna, 10, kAnna, {kBert});
  board.on_ring(anna, 10, kAnna, "Anna", proto::RingStart{{kCor}, false});
  EXPECT_EQ(anna.error(), "already-calling");
}

TEST_F(SwitchboardTest, RingingInALoopIsLimited) {
  open_line(anna, 10, kAnna);
  open_line(bert, 20, kBert);
  int started = 0, limited = 0;
  for (int i = 0; i < 100; ++i) {
    const std::string id = ring(anna, 10, kAnna, {kBert});
    if (!id.empty()) {
      ++started;
      board.on_stop(anna, 10, kAnna, proto::RingStop{id});
      anna.take<proto::RingProgress>();
    }
    if (anna.error() == "too-many-rings") ++limited;
  }
  EXPECT_EQ(started, 10);
  EXPECT_EQ(limited, 90);
}

TEST_F(SwitchboardTest, ALineThatClosesBeforeItsContactsAreReadIsForgotten) {
  directory.later = true;
  board.on_watch(anna, 10, kAnna);
  board.on_ring(anna, 10, kAnna, "Anna", proto::RingStart{{kBert}, false});
  board.connection_closed(10, kAnna);
  directory.answer_all();
  EXPECT_TRUE(anna.got.empty());
  EXPECT_EQ(board.ring_count(), 0u);
  EXPECT_EQ(board.presence(kAnna), proto::Presence::Offline);
}

TEST_F(SwitchboardTest, AStoreThatFailsOrIsBusyIsSaidPlainly) {
  directory.broken = true;
  board.on_watch(anna, 10, kAnna);
  EXPECT_EQ(anna.error(), "internal");
  directory.broken = false;
  directory.refuse = true;
  board.on_watch(anna, 10, kAnna);
  EXPECT_EQ(anna.error(), "busy");
}

// From inside a room: the organisation's people (not only contacts) may be rung into it, their
// presence is watched, and who answers is let into that room, also when it is locked.
TEST_F(SwitchboardTest, FromARoomAColleagueIsRungIntoThatRoomAndLetInWithoutItsPassword) {
  directory.colleagues[kAnna] = {kBert, kCor, kDirk};
  directory.colleagues[kDirk] = {kAnna, kBert, kCor};
  open_line(dirk, 40, kDirk);
  board.on_watch(anna, 10, kAnna);
  const auto list = anna.take<proto::PresenceUpdate>().at(0).entries;
  EXPECT_NE(std::find(list.begin(), list.end(), proto::PresenceEntry{kDirk, proto::Presence::Online}), list.end());
  // Not from the contact list: Dirk is no contact of Anna's.
  EXPECT_EQ(ring(anna, 10, kAnna, {kDirk}), "");
  EXPECT_EQ(anna.error(), "not-a-contact");
  // Not into a room she is not in.
  board.on_ring(anna, 10, kAnna, "Anna", proto::RingStart{{kDirk}, false, "koffie"});
  EXPECT_EQ(anna.error(), "not-in-room");
  seated_in.insert({kAnna, "koffie"});
  rooms_in_use.insert("koffie");
  board.on_ring(anna, 10, kAnna, "Anna", proto::RingStart{{kDirk}, false, "koffie"});
  const auto progress = anna.take<proto::RingProgress>();
  ASSERT_EQ(progress.size(), 1u) << anna.error();
  EXPECT_EQ(progress[0].room, "koffie");
  const auto incoming = dirk.take<proto::IncomingRing>();
  ASSERT_EQ(incoming.size(), 1u);
  EXPECT_FALSE(board.invited_into("koffie", kDirk));  // not before answering
  board.on_answer(dirk, 40, kDirk, proto::RingAnswer{incoming[0].ring});
  const auto over = dirk.take<proto::RingOver>();
  ASSERT_EQ(over.size(), 1u);
  EXPECT_EQ(over[0].reason, "answered");
  EXPECT_EQ(over[0].room, "koffie");
  EXPECT_TRUE(board.invited_into("koffie", kDirk));
  EXPECT_FALSE(board.invited_into("koffie", kCor));
  EXPECT_FALSE(board.invited_into("koffie", 0));
  // The room stays an ordinary one: guests by link come in as before.
  EXPECT_TRUE(board.may_enter("koffie", 0));
  // The invitation lasts a minute, not for ever.
  board.expire(Switchboard::Clock::now() + std::chrono::seconds(61));
  EXPECT_FALSE(board.invited_into("koffie", kDirk));
}

TEST_F(SwitchboardTest, FromARoomSomeoneOfAnotherOrganisationCannotBeRung) {
  directory.colleagues[kAnna] = {kBert, kCor};
  open_line(anna, 10, kAnna);
  open_line(dirk, 40, kDirk);
  seated_in.insert({kAnna, "koffie"});
  board.on_ring(anna, 10, kAnna, "Anna", proto::RingStart{{kDirk}, false, "koffie"});
  EXPECT_EQ(anna.error(), "not-a-colleague");
  EXPECT_TRUE(dirk.take<proto::IncomingRing>().empty());
}

TEST_F(SwitchboardTest, ARingFromARingsPrivateRoomAddsItsCalleeToWhoMayEnter) {
  directory.colleagues[kAnna] = {kBert, kCor, kDirk};
  open_line(anna, 10, kAnna);
  open_line(bert, 20, kBert);
  open_line(dirk, 40, kDirk);
  ring(anna, 10, kAnna, {kBert});
  const auto first = bert.take<proto::IncomingRing>().at(0);
  board.on_answer(bert, 20, kBert, proto::RingAnswer{first.ring});
  const std::string private_room = bert.take<proto::RingOver>().at(0).room;
  anna.take<proto::RingProgress>();
  EXPECT_FALSE(board.may_enter(private_room, kDirk));
  seated_in.insert({kAnna, private_room});
  board.on_ring(anna, 10, kAnna, "Anna", proto::RingStart{{kDirk}, false, private_room});
  ASSERT_EQ(dirk.take<proto::IncomingRing>().size(), 1u) << anna.error();
  EXPECT_TRUE(board.may_enter(private_room, kDirk));
  EXPECT_FALSE(board.may_enter(private_room, 0));
}

}  // namespace
}  // namespace treff::server
