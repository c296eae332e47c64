#include "server/ice_servers.h"

#include <gtest/gtest.h>
#include <sys/stat.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>

namespace treff::server {
namespace {

// Known values, computed apart from this code with
//   echo -n "1733500000:alice" | openssl dgst -sha1 -hmac "north-sea-2026" -binary | base64
TEST(TurnRestCredential, MatchesTheHmacCoturnChecks) {
  EXPECT_EQ(turn_rest_credential("north-sea-2026", "1733500000:alice"), "+ZY4sO5oMKQ8S+oJepNw77+M+Wk=");
  EXPECT_EQ(turn_rest_credential("", ""), "+9sdGxiqbAgyS31ktx+3Y3BpDh0=");
}

TEST(TurnRestIceServers, EachClientGetsItsOwnCredentialThatExpiresAfterTheTtl) {
  TurnRestIceServers ice({"stun:turn.example.org:3478"}, {"turn:turn.example.org:3478?transport=udp"}, "north-sea-2026",
                         3600, [] { return std::int64_t{1733500000}; });
  const auto a = ice.for_client(), b = ice.for_client();
  ASSERT_TRUE(a && b);
  ASSERT_EQ(a->servers.size(), 2u);
  EXPECT_EQ(a->servers[0].urls, std::vector<std::string>{"stun:turn.example.org:3478"});
  EXPECT_TRUE(a->servers[0].username.empty() && a->servers[0].credential.empty()) << "STUN needs none";
  const proto::IceServer& turn = a->servers[1];
  ASSERT_EQ(turn.username.rfind("1733503600:", 0), 0u) << turn.username;  // now + ttl
  EXPECT_EQ(turn.username.size(), std::string("1733503600:").size() + 16) << "64 random bits";
  EXPECT_EQ(turn.credential, turn_rest_credential("north-sea-2026", turn.username));
  EXPECT_NE(turn.username, b->servers[1].username) << "a name per client";
  EXPECT_EQ(a->renew_in_seconds, 2700) << "asked for again a quarter of the time before they expire";
  for (const auto& server : a->servers) {
    EXPECT_EQ(server.username.find("north-sea"), std::string::npos);
    EXPECT_EQ(server.credential.find("north-sea"), std::string::npos);
  }
}

TEST(TurnRestIceServers, WithoutServersThereIsNothingToHandOut) {
  TurnRestIceServers none({}, {}, "", 3600);
  EXPECT_FALSE(none.for_client());
  TurnRestIceServers stun_only({"stun:a.example"}, {}, "", 3600);
  ASSERT_TRUE(stun_only.for_client());
  EXPECT_EQ(stun_only.for_client()->renew_in_seconds, 0) << "nothing expires";
}

TEST(IceUrls, TheShapesBrowsersAndCoturnTakeAreAcceptedOthersNamed) {
  for (const char* ok : {"stun:turn.example.org", "stun:turn.example.org:3478", "stun:[2001:db8::1]:3478", "stuns:a.example:5349"})
    EXPECT_FALSE(ice_url_problem(ok, false)) << ok;
  for (const char* ok : {"turn:turn.example.org:3478?transport=udp", "turn:turn.example.org:3478?transport=tcp",
                         "turns:turn.example.org:5349", "turns:turn.example.org:443?transport=tcp", "turn:100.64.0.2"})
    EXPECT_FALSE(ice_url_problem(ok, true)) << ok;
  for (const char* bad : {"turn:a.example", "stun:", "stun:a b", "http://a.example", "stun:a.example?transport=udp", "stun:a:99999"})
    EXPECT_TRUE(ice_url_problem(bad, false)) << bad;
  for (const char* bad : {"stun:a.example", "turns:a.example?transport=udp", "turn:a.example:3478?transport=sctp", "turn:/x"})
    EXPECT_TRUE(ice_url_problem(bad, true)) << bad;
  EXPECT_NE(ice_url_problem("turn:a b", true)->find("'turn:a b'"), std::string::npos) << "the address is named";
}

TEST(TurnSecretFile, MissingEmptyOrWorldReadableFilesAreRefused) {
  const auto dir = std::filesystem::temp_directory_path() / ("treff-secret-" + std::to_string(getpid()));
  std::filesystem::create_directories(dir);
  const auto write = [&](const std::string& name, const std::string& text, mode_t mode) {
    const auto path = (dir / name).string();
    std::ofstream(path) << text;
    chmod(path.c_str(), mode);
    return path;
  };
  auto good = read_turn_secret(write("good", "north-sea-2026\n", 0600));
  ASSERT_TRUE(good.ok()) << good.error().message;
  EXPECT_EQ(good.value(), "north-sea-2026");
  EXPECT_NE(read_turn_secret((dir / "none").string()).error().message.find("no such file"), std::string::npos);
  EXPECT_NE(read_turn_secret(write("empty", "\n", 0600)).error().message.find("is empty"), std::string::npos);
  EXPECT_NE(read_turn_secret(write("open", "x", 0644)).error().message.find("readable by every user"), std::string::npos);
  std::filesystem::remove_all(dir);
}

}  // namespace
}  // namespace treff::server
