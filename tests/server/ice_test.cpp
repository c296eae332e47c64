// ICE servers from the real treff-server: a joining client gets the STUN/TURN servers before it is
// told it joined, with TURN REST credentials that coturn's use-auth-secret accepts; fresh ones only
// for people in a room; bad flags and secret files stop the server with the problem named, and the
// secret appears nowhere.
#include <gtest/gtest.h>
#include <openssl/evp.h>
#include <openssl/hmac.h>
#include <sys/stat.h>
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <string>

#include "server_process.h"
#include "ws_client.h"

namespace treff::test {
namespace {

constexpr const char* kSecret = "north-sea-2026-do-not-print";

std::string secret_file(const std::string& text, mode_t mode) {
  char path[] = "/tmp/treff-turn-secret-XXXXXX";
  const int fd = mkstemp(path);
  EXPECT_EQ(write(fd, text.data(), text.size()), static_cast<ssize_t>(text.size()));
  close(fd);
  chmod(path, mode);
  return path;
}

// base64(HMAC-SHA1(secret, username)), computed here with OpenSSL as coturn does.
std::string expected_credential(const std::string& username) {
  unsigned char mac[EVP_MAX_MD_SIZE];
  unsigned int size = 0;
  HMAC(EVP_sha1(), kSecret, static_cast<int>(std::string(kSecret).size()),
       reinterpret_cast<const unsigned char*>(username.data()), username.size(), mac, &size);
  unsigned char out[64] = {};
  EVP_EncodeBlock(out, mac, static_cast<int>(size));
  return reinterpret_cast<char*>(out);
}

void send_join(WsClient& c, const std::string& room, const std::string& name) {
  c.send(json{{"v", 1}, {"type", "join"}, {"room", room}, {"name", name}, {"mic", true}, {"camera", true}});
}

// Runs the server with `flags` and returns what it printed and its exit code.
std::pair<std::string, int> run_server(const std::string& flags) {
  const std::string cmd = std::string(TREFF_SERVER_BINARY) + " --port 0 " + flags + " 2>&1";
  FILE* p = popen(cmd.c_str(), "r");
  char buf[2048] = {};
  const std::size_t n = fread(buf, 1, sizeof buf - 1, p);
  return {std::string(buf, n), WEXITSTATUS(pclose(p))};
}

class IceServers : public ::testing::Test {
 protected:
  std::string secret = secret_file(std::string(kSecret) + "\n", 0600);
  ServerProcess server{{"--stun", "stun:127.0.0.1:3478", "--turn", "turn:127.0.0.1:3478?transport=udp", "--turn",
                        "turn:127.0.0.1:3478?transport=tcp", "--turn-secret-file", secret, "--turn-ttl", "600"}};
  ~IceServers() override { std::remove(secret.c_str()); }
};

TEST_F(IceServers, AJoiningClientGetsThemBeforeJoinedWithCredentialsCoturnAccepts) {
  WsClient anna(server.port());
  send_join(anna, "r", "Anna");
  const auto now = std::chrono::duration_cast<std::chrono::seconds>(
                       std::chrono::system_clock::now().time_since_epoch()).count();
  json ice = anna.next();
  ASSERT_EQ(ice["type"], "ice") << ice;
  EXPECT_EQ(anna.next()["type"], "joined");
  ASSERT_EQ(ice["servers"].size(), 2u) << ice;
  EXPECT_EQ(ice["servers"][0], (json{{"urls", {"stun:127.0.0.1:3478"}}}));
  const json& turn = ice["servers"][1];
  EXPECT_EQ(turn["urls"], (json{"turn:127.0.0.1:3478?transport=udp", "turn:127.0.0.1:3478?transport=tcp"}));
  const std::string username = turn["username"];
  const long long expiry = std::stoll(username.substr(0, username.find(':')));
  EXPECT_NEAR(static_cast<double>(expiry), static_cast<double>(now + 600), 30.0) << username;
  EXPECT_EQ(turn["credential"], expected_credential(username));
  EXPECT_EQ(ice["renewIn"], 450);
  EXPECT_EQ(ice.dump().find(kSecret), std::string::npos);

  // In a long call: new ones when asked, under another name.
  anna.send(json{{"v", 1}, {"type", "ice"}});
  json renewed = anna.next();
  ASSERT_EQ(renewed["type"], "ice");
  EXPECT_NE(renewed["servers"][1]["username"], username);
  EXPECT_EQ(renewed["servers"][1]["credential"], expected_credential(renewed["servers"][1]["username"]));
}

TEST_F(IceServers, NobodyGetsCredentialsWithoutJoining) {
  WsClient mallory(server.port());
  mallory.send(json{{"v", 1}, {"type", "ice"}});
  json reply = mallory.next();
  EXPECT_EQ(reply["type"], "error");
  EXPECT_EQ(reply["code"], "not-joined");
  EXPECT_FALSE(mallory.receive(300)) << "and nothing else";
}

TEST(IceServersOff, AServerWithoutThemSendsNone) {
  ServerProcess plain;
  WsClient anna(plain.port());
  EXPECT_EQ(anna.join("r", "Anna")["type"], "joined");
  anna.send(json{{"v", 1}, {"type", "ice"}});
  EXPECT_EQ(anna.next(), (json{{"v", 1}, {"type", "ice"}, {"servers", json::array()}, {"renewIn", 0}}));
}

TEST(IceServerFlags, BadOnesStopTheServerWithTheProblemNamed) {
  const std::string good = secret_file(kSecret, 0600), open = secret_file(kSecret, 0644), empty = secret_file("\n", 0600);
  const std::string turn = " --turn turn:127.0.0.1:3478 --turn-secret-file ";
  for (const auto& [flags, expected] : std::vector<std::pair<std::string, std::string>>{
           {turn + open, "readable by every user"},
           {turn + empty, "is empty"},
           {turn + "/nonexistent/secret", "no such file"},
           {" --turn 'turn:relay example' --turn-secret-file " + good, "'turn:relay example' is not a TURN address"},
           {" --stun http://stun.example --turn-secret-file " + good + " --turn turn:a.example", "'http://stun.example'"},
           {" --turn turn:127.0.0.1:3478", "--turn-secret-file"}}) {
    const auto [output, code] = run_server(flags);
    EXPECT_NE(code, 0) << flags << ": " << output;
    EXPECT_NE(output.find(expected), std::string::npos) << flags << ": " << output;
    EXPECT_EQ(output.find(kSecret), std::string::npos) << "the secret is never printed";
  }
  for (const auto& f : {good, open, empty}) std::remove(f.c_str());
}

}  // namespace
}  // namespace treff::test
