// Voice messages against the real treff-server binary: left by a contact, listed, fetched and
// deleted by the recipient only; every upload read with src/audio's Ogg Opus reader first.
#include <cmath>

#include "account_fixture.h"
#include "audio/ogg_opus_writer.h"

namespace treff::test {
namespace {

// `seconds` of a 440 Hz voice recording, as the browser's recorder writes it.
std::string voice_file(double seconds) {
  auto writer = audio::OggOpusWriter::create({1, audio::kCallBitrate, "", 48000, true});
  std::vector<float> pcm(static_cast<std::size_t>(seconds * 48000));
  for (std::size_t i = 0; i < pcm.size(); ++i) pcm[i] = 0.3f * std::sin(2.0f * 3.14159265f * 440.0f * static_cast<float>(i) / 48000.0f);
  writer.value().write(pcm.data(), static_cast<int>(pcm.size()));
  writer.value().finish();
  const auto bytes = writer.value().take_bytes();
  return std::string(bytes.begin(), bytes.end());
}

class VoiceMessages : public TwoOrganisations {
 protected:
  void SetUp() override {
    TwoOrganisations::SetUp();
    ASSERT_EQ(post("/api/contacts/request", {{"account_id", bob_id}}, anna).result_int(), 200);
    ASSERT_EQ(post("/api/contacts/answer", {{"account_id", anna_id}, {"accept", true}}, bob).result_int(), 200);
  }
  HttpResponse leave(std::int64_t to, const std::string& bytes, const std::string& cookie,
                     const std::string& type = "audio/ogg") {
    return http_request(server->port(), http::verb::put, "/api/messages/" + std::to_string(to), bytes,
                        {{http::field::origin, "http://127.0.0.1:" + std::to_string(server->port())},
                         {http::field::content_type, type},
                         {http::field::cookie, cookie}});
  }
  json inbox(const std::string& cookie) { return body_of(api(server->port(), http::verb::get, "/api/messages", "", cookie)); }
};

TEST_F(VoiceMessages, LeftByAContactListedFetchedAndDeletedByTheRecipient) {
  const std::string file = voice_file(4.2);
  auto left = leave(bob_id, file, anna);
  ASSERT_EQ(left.result_int(), 201) << left.body();
  const auto id = body_of(left)["message"]["id"].get<std::int64_t>();
  // The length is the file's own, read on the server.
  EXPECT_EQ(body_of(left)["message"]["duration_ms"], 4200);

  auto list = inbox(bob)["messages"];
  ASSERT_EQ(list.size(), 1u);
  EXPECT_EQ(list[0]["from"], anna_id);
  EXPECT_EQ(list[0]["from_name"], "Anna Jansen");
  EXPECT_EQ(list[0]["duration_ms"], 4200);
  EXPECT_TRUE(inbox(anna)["messages"].empty()) << "the sender's own list holds only what was left for her";

  auto audio = api(server->port(), http::verb::get, "/api/messages/" + std::to_string(id), "", bob);
  ASSERT_EQ(audio.result_int(), 200);
  EXPECT_EQ(audio.body(), file);
  EXPECT_EQ(audio[http::field::content_type], "audio/ogg");
  // Nobody else hears it, not even its sender, and nobody learns that it exists.
  EXPECT_EQ(api(server->port(), http::verb::get, "/api/messages/" + std::to_string(id), "", anna).result_int(), 404);
  EXPECT_EQ(api(server->port(), http::verb::get, "/api/messages/" + std::to_string(id), "", eve).result_int(), 404);
  EXPECT_EQ(api(server->port(), http::verb::get, "/api/messages/" + std::to_string(id), "", "").result_int(), 401);
  EXPECT_EQ(post("/api/messages/remove", {{"message_id", id}}, anna).result_int(), 404);

  restart();  // kept in the database
  ASSERT_EQ(inbox(bob)["messages"].size(), 1u);
  EXPECT_EQ(post("/api/messages/remove", {{"message_id", id}}, bob).result_int(), 200);
  EXPECT_TRUE(inbox(bob)["messages"].empty());
  EXPECT_EQ(post("/api/messages/remove", {{"message_id", id}}, bob).result_int(), 404);
}

TEST_F(VoiceMessages, OnlyForContacts) {
  auto r = leave(anna_id, voice_file(1), eve);  // another organisation, not a contact
  EXPECT_EQ(r.result_int(), 404) << r.body();
  EXPECT_EQ(body_of(r)["error"], "not-a-contact");
  EXPECT_EQ(leave(anna_id, voice_file(1), "").result_int(), 401);
  EXPECT_EQ(leave(999999, voice_file(1), anna).result_int(), 404);
  EXPECT_TRUE(inbox(anna)["messages"].empty());
}

TEST_F(VoiceMessages, WhatIsNotAWholeVoiceMessageOfAMinuteIsRefusedWithItsReason) {
  const std::string file = voice_file(2);
  struct Case {
    const char* what;
    std::string bytes;
    int status;
    const char* error;
  };
  for (const Case& c : {Case{"text", "just some text", 400, "audio-not-opus"},
                        Case{"cut off", file.substr(0, file.size() / 2), 400, "audio-truncated"},
                        Case{"a silent blip", voice_file(0.1), 400, "voice-message-empty"},
                        Case{"over a minute", voice_file(61.5), 413, "voice-message-too-long"}}) {
    auto r = leave(bob_id, c.bytes, anna);
    EXPECT_EQ(r.result_int(), c.status) << c.what << ": " << r.body();
    EXPECT_EQ(body_of(r)["error"], c.error) << c.what;
    EXPECT_FALSE(body_of(r)["message"].get<std::string>().empty()) << c.what;
  }
  std::string damaged = file;
  damaged[damaged.size() / 2] ^= 0x5a;
  EXPECT_EQ(body_of(leave(bob_id, damaged, anna))["error"], "audio-damaged");
  EXPECT_EQ(body_of(leave(bob_id, file, anna, "audio/wav"))["error"], "bad-voice-message");
  EXPECT_TRUE(inbox(bob)["messages"].empty());
}

TEST_F(VoiceMessages, AFiftyMegabyteUploadIsRefusedBeforeItIsRead) {
  const std::string answer = answer_before_body(
      server->port(), "PUT /api/messages/" + std::to_string(bob_id) + " HTTP/1.1\r\nHost: 127.0.0.1\r\nOrigin: http://127.0.0.1:" +
                          std::to_string(server->port()) + "\r\nContent-Type: audio/ogg\r\nCookie: " + anna +
                          "\r\nContent-Length: " + std::to_string(50 * 1024 * 1024) + "\r\n\r\n");
  EXPECT_EQ(answer.rfind("HTTP/1.1 413", 0), 0u) << answer;
  EXPECT_EQ(api(server->port(), http::verb::get, "/api/me", "", anna).result_int(), 200);
}

}  // namespace
}  // namespace treff::test
