#include "app/voice_mail.h"

#include <gtest/gtest.h>

#include "platform/fake/fake_http_requests.h"
#include "platform/fake/fake_sound_recorder.h"

namespace treff::app {
namespace {

using platform::RecorderEvent;
using Phase = VoiceMail::Phase;

RecorderEvent event(platform::RecordingHandle h, RecorderEvent::Kind kind) {
  RecorderEvent e;
  e.recording = h;
  e.kind = kind;
  return e;
}

RecorderEvent finished(platform::RecordingHandle h, double seconds) {
  RecorderEvent e = event(h, RecorderEvent::Kind::Finished);
  e.seconds = seconds;
  return e;
}

struct VoiceMailTest : ::testing::Test {
  platform::FakeSoundRecorder recorder;
  platform::FakeHttpRequests http;
  VoiceMail mail{recorder, http};
};

TEST_F(VoiceMailTest, ARecordedMessageIsUploadedToTheContactAsOggOpus) {
  recorder.file_bytes = "OggS-the-file";
  mail.record_for(7, "Bob", 1000);
  ASSERT_EQ(mail.phase(), Phase::Recording);
  EXPECT_EQ(recorder.asked.bitrate, 32000);
  EXPECT_DOUBLE_EQ(mail.recorded_ms(13000), 12000);
  mail.send();
  ASSERT_EQ(recorder.stopped.size(), 1u);
  recorder.emit(finished(recorder.last, 12.9));
  mail.update(14000);
  EXPECT_EQ(mail.phase(), Phase::Sending);
  ASSERT_EQ(http.sent.size(), 1u);
  EXPECT_EQ(http.sent[0].method, "PUT");
  EXPECT_EQ(http.sent[0].path, "/api/messages/7");
  EXPECT_EQ(http.sent[0].content_type, "audio/ogg");
  EXPECT_EQ(http.sent[0].body, "OggS-the-file");
  http.answer("/api/messages/7", 201, R"({"message":{"id":3}})");
  mail.update(14100);
  EXPECT_EQ(mail.phase(), Phase::Sent);
  mail.dismiss();
  EXPECT_EQ(mail.phase(), Phase::Idle);
}

TEST_F(VoiceMailTest, AMinuteAtMostThenItGoesByItself) {
  mail.record_for(7, "Bob", 0);
  mail.update(59000);
  EXPECT_TRUE(recorder.stopped.empty());
  mail.update(60000);
  EXPECT_EQ(recorder.stopped.size(), 1u);
}

TEST_F(VoiceMailTest, ABrowserWhoseSoundNeverRanSaysSoAndSendsNothing) {
  // Firefox without a speaker: ten seconds asked for, nothing delivered.
  mail.record_for(7, "Bob", 0);
  mail.send();
  recorder.emit(finished(recorder.last, 0.0));
  mail.update(10000);
  EXPECT_EQ(mail.phase(), Phase::Failed);
  EXPECT_EQ(mail.error(), "sound-stalled");
  EXPECT_TRUE(http.sent.empty());
  // A click on Send right after starting is not that: it goes to the server, which judges its length.
  mail.record_for(7, "Bob", 20000);
  mail.send();
  recorder.emit(finished(recorder.last, 0.0));
  mail.update(20300);
  EXPECT_EQ(mail.phase(), Phase::Sending);
  EXPECT_EQ(http.sent.size(), 1u);
}

TEST_F(VoiceMailTest, TheServersRefusalIsKeptAsItsCodeAndCancelSendsNothing) {
  mail.record_for(7, "Bob", 0);
  mail.send();
  recorder.emit(finished(recorder.last, 0.9));
  mail.update(1000);
  http.answer("/api/messages/7", 404, R"({"error":"not-a-contact","message":"..."})");
  mail.update(1100);
  EXPECT_EQ(mail.phase(), Phase::Failed);
  EXPECT_EQ(mail.error(), "not-a-contact");

  mail.record_for(8, "Carla", 2000);
  mail.cancel();
  EXPECT_EQ(mail.phase(), Phase::Idle);
  EXPECT_EQ(http.sent.size(), 1u);
  recorder.microphone = false;
  mail.record_for(8, "Carla", 3000);
  EXPECT_EQ(mail.error(), "no-microphone");
}

TEST_F(VoiceMailTest, TheInboxIsListedPlayedThroughTheDecoderAndDeleted) {
  mail.watch_inbox(0);
  mail.watch_inbox(5000);  // not again before kRefreshMs
  ASSERT_EQ(http.open_requests("/api/messages"), 1);
  http.answer("/api/messages", 200,
              R"({"messages":[{"id":4,"from":2,"from_name":"Anna","duration_ms":4200,"created_at":1700000000},)"
              R"({"id":"bad"}]})");
  mail.update(100);
  ASSERT_EQ(mail.inbox().size(), 1u);  // the malformed one is left out
  EXPECT_EQ(mail.inbox()[0].from_name, "Anna");
  EXPECT_EQ(mail.inbox()[0].duration_ms, 4200);

  mail.play(4);
  http.answer("/api/messages/4", 200, "OggS-anna");
  mail.update(200);
  ASSERT_EQ(recorder.opened, std::vector<std::string>{"OggS-anna"});
  EXPECT_EQ(recorder.played, std::vector<platform::RecordingHandle>{recorder.last});
  EXPECT_EQ(mail.playing(), 4);
  recorder.emit(event(recorder.last, RecorderEvent::Kind::Played));
  mail.update(4500);
  EXPECT_EQ(mail.playing(), 0);
  EXPECT_EQ(mail.played(), 4);

  mail.remove(4);
  EXPECT_TRUE(mail.inbox().empty());
  EXPECT_EQ(http.sent.back().path, "/api/messages/remove");
  EXPECT_EQ(http.sent.back().body, R"({"message_id":4})");
  http.answer("/api/messages/remove", 200, "{}");
  mail.update(4600);
  mail.watch_inbox(4700);  // asked again at once after a removal
  EXPECT_EQ(http.open_requests("/api/messages"), 1);
}

}  // namespace
}  // namespace treff::app
