#include "core/protocol.h"
#include "round_trip.h"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

namespace treff::proto {
namespace {

template <class T>
T expect_client(std::string_view text) {
  auto r = parse_client_message(text);
  EXPECT_TRUE(r.ok()) << text << " -> " << (r.ok() ? "" : r.error().message);
  if (!r.ok() || !std::holds_alternative<T>(r.value())) {
    ADD_FAILURE() << "wrong type for " << text;
    return T{};
  }
  return std::get<T>(r.value());
}

Error expect_client_error(std::string_view text) {
  auto r = parse_client_message(text);
  EXPECT_FALSE(r.ok()) << text;
  return r.ok() ? Error{} : r.error();
}

TEST(ClientMessages, JoinRoundTrips) {
  Join join{"familie", "Oma Gerda", std::string("geheim"), {true, false}, std::nullopt};
  auto j = expect_client<Join>(serialize(ClientMessage{join}));
  EXPECT_EQ(j.room, "familie");
  EXPECT_EQ(j.name, "Oma Gerda");
  EXPECT_EQ(j.password, "geheim");
  EXPECT_TRUE(j.media.mic);
  EXPECT_FALSE(j.media.camera);
  EXPECT_FALSE(j.resume);
}

TEST(ClientMessages, ARejoinCarriesItsTokenAndHeartbeatsAreEmpty) {
  Join join{"familie", "Oma Gerda", std::nullopt, {true, true}, std::string("a1b2.00ff")};
  EXPECT_EQ(expect_client<Join>(serialize(ClientMessage{join})).resume, "a1b2.00ff");
  expect_client<Ping>(R"({"v":1,"type":"ping"})");
  EXPECT_EQ(expect_client_error(R"({"v":1,"type":"ping","x":1})").code, "bad-message");
  const std::string long_token(kMaxResumeTokenBytes + 1, 'a');
  EXPECT_EQ(expect_client_error(R"({"v":1,"type":"join","room":"r","name":"A","mic":true,"camera":true,"resume":")" +
                         long_token + "\"}")
                .code,
            "bad-message");
}

TEST(ClientMessages, JoinTrimsTheName) {
  auto j = expect_client<Join>(
      R"({"v":1,"type":"join","room":"r1","name":"  Piet  ","mic":true,"camera":true})");
  EXPECT_EQ(j.name, "Piet");
  EXPECT_FALSE(j.password.has_value());
}

TEST(ClientMessages, SignalsRoundTrip) {
  Signal offer{SignalKind::Offer, "v=0\r\n", "", std::nullopt, std::nullopt};
  auto o = expect_client<SendSignal>(serialize(ClientMessage{SendSignal{"7", offer}}));
  EXPECT_EQ(o.to, "7");
  EXPECT_EQ(o.signal.kind, SignalKind::Offer);
  EXPECT_EQ(o.signal.sdp, "v=0\r\n");

  Signal cand{SignalKind::Candidate, "", "candidate:1 1 udp 1 127.0.0.1 5000 typ host",
              std::string("0"), 0};
  auto c = expect_client<SendSignal>(serialize(ClientMessage{SendSignal{"7", cand}}));
  EXPECT_EQ(c.signal.kind, SignalKind::Candidate);
  EXPECT_EQ(c.signal.candidate, cand.candidate);
  EXPECT_EQ(c.signal.sdp_mid, "0");
  EXPECT_EQ(c.signal.sdp_mline_index, 0);
}

TEST(ClientMessages, EndOfCandidatesIsAnEmptyCandidate) {
  auto c = expect_client<SendSignal>(R"({"v":1,"type":"signal","to":"3","kind":"candidate","candidate":""})");
  EXPECT_TRUE(c.signal.candidate.empty());
  EXPECT_FALSE(c.signal.sdp_mid.has_value());
}

TEST(ClientMessages, MediaHelloAndLeave) {
  auto m = expect_client<SetMedia>(R"({"v":1,"type":"media","mic":false,"camera":true})");
  EXPECT_FALSE(m.media.mic);
  EXPECT_FALSE(m.media.recording);  // absent: not recording (clients from before it)
  EXPECT_TRUE(expect_client<SetMedia>(R"({"v":1,"type":"media","mic":true,"camera":true,"recording":true})").media.recording);
  EXPECT_FALSE(parse_client_message(R"({"v":1,"type":"media","mic":true,"camera":true,"recording":"yes"})").ok());
  EXPECT_EQ(expect_client<Hello>(R"({"v":1,"type":"hello","agent":"treff-web"})").agent, "treff-web");
  expect_client<Leave>(R"({"v":1,"type":"leave"})");
}

TEST(ClientMessages, MalformedJsonIsReported) {
  EXPECT_EQ(expect_client_error("{not json").code, "bad-json");
  EXPECT_EQ(expect_client_error("").code, "bad-json");
  EXPECT_EQ(expect_client_error("[1,2]").code, "bad-json");
  EXPECT_EQ(expect_client_error("\"join\"").code, "bad-json");
  EXPECT_EQ(expect_client_error("{\"v\":1,\"type\":\"join\",\"name\":\"\xFF\"}").code, "bad-json");
}

TEST(ClientMessages, VersionAndTypeAreChecked) {
  EXPECT_EQ(expect_client_error(R"({"type":"leave"})").code, "bad-message");
  EXPECT_EQ(expect_client_error(R"({"v":"1","type":"leave"})").code, "bad-message");
  EXPECT_EQ(expect_client_error(R"({"v":2,"type":"leave"})").code, "unsupported-version");
  EXPECT_EQ(expect_client_error(R"({"v":1})").code, "bad-message");
  EXPECT_EQ(expect_client_error(R"({"v":1,"type":7})").code, "bad-message");
  auto e = expect_client_error(R"({"v":1,"type":"dance"})");
  EXPECT_EQ(e.code, "unknown-type");
  EXPECT_NE(e.message.find("dance"), std::string::npos);
}

TEST(ClientMessages, MissingAndMistypedFieldsAreNamed) {
  auto missing = expect_client_error(R"({"v":1,"type":"join","room":"r","mic":true,"camera":true})");
  EXPECT_EQ(missing.code, "bad-message");
  EXPECT_NE(missing.message.find("'name'"), std::string::npos) << missing.message;

  auto mistyped = expect_client_error(R"({"v":1,"type":"media","mic":"yes","camera":true})");
  EXPECT_NE(mistyped.message.find("'mic'"), std::string::npos) << mistyped.message;

  auto kind = expect_client_error(R"({"v":1,"type":"signal","to":"1","kind":"bye"})");
  EXPECT_NE(kind.message.find("'kind'"), std::string::npos) << kind.message;

  auto index = expect_client_error(
      R"({"v":1,"type":"signal","to":"1","kind":"candidate","candidate":"c","sdpMLineIndex":-1})");
  EXPECT_NE(index.message.find("sdpMLineIndex"), std::string::npos) << index.message;
}

TEST(ClientMessages, UnknownFieldsAreRejected) {
  // A client may not claim a sender: "from" is the server's to set.
  auto e = expect_client_error(
      R"({"v":1,"type":"signal","to":"1","from":"2","kind":"offer","sdp":"x"})");
  EXPECT_EQ(e.code, "bad-message");
  EXPECT_NE(e.message.find("'from'"), std::string::npos) << e.message;
  // An offer carries no candidate fields.
  EXPECT_FALSE(parse_client_message(
      R"({"v":1,"type":"signal","to":"1","kind":"offer","sdp":"x","candidate":"c"})").ok());
}

TEST(ClientMessages, NamesRoomsAndPasswordsAreValidated) {
  auto name = expect_client_error(R"({"v":1,"type":"join","room":"r","name":"  ","mic":true,"camera":true})");
  EXPECT_EQ(name.code, "bad-name");
  auto ctrl = expect_client_error(R"({"v":1,"type":"join","room":"r","name":"a\u0007b","mic":true,"camera":true})");
  EXPECT_EQ(ctrl.code, "bad-name");
  auto room = expect_client_error(R"({"v":1,"type":"join","room":"a/b","name":"x","mic":true,"camera":true})");
  EXPECT_EQ(room.code, "bad-room");
  auto pw = expect_client_error(R"({"v":1,"type":"join","room":"r","name":"x","password":"","mic":true,"camera":true})");
  EXPECT_EQ(pw.code, "bad-password");
  auto to = expect_client_error(R"({"v":1,"type":"signal","to":"a b","kind":"offer","sdp":"x"})");
  EXPECT_EQ(to.code, "bad-message");
}

TEST(ClientMessages, LockNeedsAValidPasswordAndUnlockNothing) {
  auto lock = parse_client_message(R"({"v":1,"type":"lock","password":"geheim 123"})");
  ASSERT_TRUE(lock.ok()) << lock.error().message;
  EXPECT_EQ(std::get<Lock>(lock.value()).password, "geheim 123");
  EXPECT_EQ(expect_client_error(R"({"v":1,"type":"lock","password":""})").code, "bad-password");
  EXPECT_EQ(expect_client_error(R"({"v":1,"type":"lock"})").code, "bad-message");
  const std::string long_one = R"({"v":1,"type":"lock","password":")" + std::string(10000, 'x') + "\"}";
  auto too_long = expect_client_error(long_one);
  EXPECT_EQ(too_long.code, "bad-password");
  EXPECT_NE(too_long.message.find("256"), std::string::npos) << too_long.message;
  EXPECT_TRUE(parse_client_message(R"({"v":1,"type":"unlock"})").ok());
  EXPECT_FALSE(parse_client_message(R"({"v":1,"type":"unlock","password":"x"})").ok());
}

TEST(ClientMessages, OversizedValuesAreRejected) {
  std::string huge(kMaxMessageBytes + 1, ' ');
  EXPECT_EQ(expect_client_error(huge).code, "too-big");
  std::string long_candidate =
      R"({"v":1,"type":"signal","to":"1","kind":"candidate","candidate":")" + std::string(2000, 'c') + "\"}";
  EXPECT_EQ(expect_client_error(long_candidate).code, "bad-message");
}

TEST(ServerMessages, AllRoundTrip) {
  expect_server_round_trips({
      Welcome{"treff-server/0.1", 8, kMaxMessageBytes, std::nullopt},
      Welcome{"treff-server/0.1", 8, kMaxMessageBytes, SignedInAccount{42, "Anna Jansen"}},
      Joined{"r", "3", {{"1", "Anna", {true, false}}, {"2", "Bob", {false, true}}}, {true, "1"}, ""},
      Joined{"r", "3", {}, {false, "3"}, "3.0123456789abcdef"},
      Pong{},
      RoomChanged{{false, "2"}},
      PeerJoined{{"4", "Jürgen", {true, true}}},
      PeerLeft{"2"},
      RelayedSignal{"1", {SignalKind::Answer, "v=0", "", std::nullopt, std::nullopt}},
      PeerMedia{"1", {false, false}},
      PeerMedia{"1", {true, true, true}},
      Joined{"r", "3", {{"1", "Anna", {true, false, true}}}, {false, "1"}, ""},
      PeerJoined{{"5", "Rec", {true, true, true}}},
      ErrorReply{"room-full", "The room is full."},
      IceConfig{{{{"stun:turn.example.org:3478"}, "", ""},
                 {{"turn:turn.example.org:3478?transport=udp", "turns:turn.example.org:5349"}, "1733500000:ab12", "c2VjcmV0"}},
                10800},
  });
}

TEST(ServerMessages, AWelcomeWithABrokenAccountIsRefused) {
  for (const char* bad : {R"({"v":1,"type":"hello","agent":"a","roomLimit":8,"maxMessageBytes":65536,"account":"Anna"})",
                          R"({"v":1,"type":"hello","agent":"a","roomLimit":8,"maxMessageBytes":65536,"account":{"id":0,"name":"A"}})",
                          R"({"v":1,"type":"hello","agent":"a","roomLimit":8,"maxMessageBytes":65536,"account":{"id":1}})",
                          R"({"v":1,"type":"hello","agent":"a","roomLimit":8,"maxMessageBytes":65536,"account":{"id":1,"name":"A","admin":true}})"}) {
    EXPECT_FALSE(parse_server_message(bad).ok()) << bad;
  }
}

// Relayed signals are written without a JSON tree: the text must be what the tree would give.
TEST(ServerMessages, ARelayedSignalIsWrittenAsTheJsonLibraryWouldWriteIt) {
  const std::string awkward = std::string("a\"b\\c\nd\re\tf\bg\fh") + '\x01' + '\x1f' + "\x7f ü 🌻 </script>";
  const std::vector<Signal> signals = {
      {SignalKind::Offer, "v=0\r\no=- 1 2 IN IP4 127.0.0.1\r\n" + awkward, "", std::nullopt, std::nullopt},
      {SignalKind::Answer, "v=0", "", std::nullopt, std::nullopt},
      {SignalKind::Candidate, "", "candidate:1 1 udp 2122260223 10.0.0.1 5000 typ host " + awkward, std::string("0"), 0},
      {SignalKind::Candidate, "", "", std::nullopt, 1023},
      {SignalKind::Candidate, "", "x", awkward, std::nullopt},
  };
  for (const auto& signal : signals) {
    nlohmann::json j{{"v", 1}, {"type", "signal"}, {"from", "ab12" + awkward}, {"kind", std::string(to_string(signal.kind))}};
    if (signal.kind == SignalKind::Candidate) {
      j["candidate"] = signal.candidate;
      if (signal.sdp_mid) j["sdpMid"] = *signal.sdp_mid;
      if (signal.sdp_mline_index) j["sdpMLineIndex"] = *signal.sdp_mline_index;
    } else {
      j["sdp"] = signal.sdp;
    }
    EXPECT_EQ(serialize(ServerMessage{RelayedSignal{"ab12" + awkward, signal}}), j.dump());
    const std::string text = serialize(ServerMessage{RelayedSignal{"ab12", signal}});
    EXPECT_TRUE(parse_server_message(text).ok()) << text;  // a client reads it
  }
}

TEST(ServerMessages, BadPeerListIsReported) {
  auto r = parse_server_message(R"({"v":1,"type":"joined","room":"r","self":"1","peers":[{"id":"2"}]})");
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.error().message.find("'name'"), std::string::npos) << r.error().message;
  EXPECT_FALSE(parse_server_message(R"({"v":1,"type":"peer-joined","peer":[]})").ok());
}

TEST(ServerMessages, IceServersAreCheckedBeforeABrowserGetsThem) {
  const auto ice = [](const std::string& servers) {
    return parse_server_message(R"({"v":1,"type":"ice","renewIn":60,"servers":)" + servers + "}");
  };
  auto ok = ice(R"([{"urls":["stun:a.example:3478"]},{"urls":["turn:a.example"],"username":"1:x","credential":"y"}])");
  ASSERT_TRUE(ok.ok()) << ok.error().message;
  const auto& config = std::get<IceConfig>(ok.value());
  ASSERT_EQ(config.servers.size(), 2u);
  EXPECT_EQ(config.servers[1].username, "1:x");
  EXPECT_EQ(config.renew_in_seconds, 60);

  EXPECT_FALSE(ice(R"([{"urls":["http://evil.example"]}])").ok()) << "only STUN and TURN addresses";
  EXPECT_FALSE(ice(R"([{"urls":[]}])").ok());
  EXPECT_FALSE(ice(R"([{"urls":["stun:a"],"password":"x"}])").ok()) << "unknown field";
  EXPECT_FALSE(ice(R"([{"urls":"stun:a"}])").ok());
  EXPECT_FALSE(ice(R"(["stun:a"])").ok());
  std::string nine = "[";
  for (int i = 0; i < 9; ++i) nine += std::string(i ? "," : "") + R"({"urls":["stun:a"]})";
  EXPECT_FALSE(ice(nine + "]").ok()) << "at most 8 servers";
  EXPECT_TRUE(std::holds_alternative<IceRequest>(parse_client_message(R"({"v":1,"type":"ice"})").value()));
}

TEST(ServerMessages, APeerConnectionGetsTheIceServersAsTheServerSentThem) {
  const std::vector<IceServer> servers{{{"stun:a.example:3478"}, "", ""},
                                       {{"turn:a.example:3478?transport=udp"}, "1733500000:ab12", "c2VjcmV0"}};
  EXPECT_EQ(ice_servers_json(servers),
            R"([{"urls":["stun:a.example:3478"]},)"
            R"({"credential":"c2VjcmV0","urls":["turn:a.example:3478?transport=udp"],"username":"1733500000:ab12"}])");
  EXPECT_EQ(ice_servers_json({}), "[]");
}

TEST(TypeNames, MatchTheWireTypes) {
  EXPECT_EQ(type_name(ServerMessage{PeerJoined{}}), "peer-joined");
  EXPECT_EQ(type_name(ClientMessage{SetMedia{}}), "media");
  EXPECT_EQ(type_name(ClientMessage{IceRequest{}}), "ice");
  EXPECT_EQ(type_name(ServerMessage{IceConfig{}}), "ice");
}

}  // namespace
}  // namespace treff::proto
