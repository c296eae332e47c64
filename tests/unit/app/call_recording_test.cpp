#include "app/call_recording.h"

#include <gtest/gtest.h>

#include "platform/fake/fake_sound_recorder.h"

namespace treff::app {
namespace {

std::tm at(int year, int month, int day, int hour, int minute) {
  std::tm t{};
  t.tm_year = year - 1900;
  t.tm_mon = month - 1;
  t.tm_mday = day;
  t.tm_hour = hour;
  t.tm_min = minute;
  return t;
}

TEST(CallRecording, TheFileCarriesRoomAndTime) {
  EXPECT_EQ(CallRecording::file_name_for("koffie-7", at(2026, 12, 7, 9, 5)), "treff-koffie-7-2026-12-07-0905.opus");
  EXPECT_EQ(CallRecording::file_name_for("a/b\\c..d", at(2026, 1, 2, 23, 59)), "treff-a-b-c--d-2026-01-02-2359.opus");
}

TEST(CallRecording, EveryoneInTheCallIsMixedInAsTheyComeAndGo) {
  platform::FakeSoundRecorder recorder;
  CallRecording recording(recorder);
  recording.start("koffie", at(2026, 12, 7, 17, 5), 1000);
  ASSERT_TRUE(recording.recording());
  EXPECT_EQ(recorder.call_file, "treff-koffie-2026-12-07-1705.opus");
  platform::RecorderEvent started;
  started.recording = recorder.last;
  started.kind = platform::RecorderEvent::Kind::Started;
  recorder.emit(started);
  recording.update(1200);  // the sound flows from here: the clock starts again
  EXPECT_TRUE(recording.recording());
  EXPECT_DOUBLE_EQ(recording.seconds(6200), 5.0);
  recording.follow_sources({{3, {}}, {4, {}}});
  EXPECT_EQ(recorder.sources, (std::vector<platform::PeerHandle>{3, 4}));
  recording.follow_sources({{4, {}}, {5, {}}});  // 3 left mid-recording, 5 came in
  EXPECT_EQ(recorder.sources, (std::vector<platform::PeerHandle>{4, 5}));

  recording.stop();
  EXPECT_EQ(recording.phase(), CallRecording::Phase::Saving);
  EXPECT_EQ(recorder.stopped.size(), 1u);
  platform::RecorderEvent done;
  done.recording = recorder.last;
  done.kind = platform::RecorderEvent::Kind::Finished;
  done.seconds = 5.02;
  done.bytes = 40000;
  recorder.emit(done);
  EXPECT_TRUE(recording.update(6100));
  EXPECT_EQ(recording.phase(), CallRecording::Phase::Saved);
  EXPECT_DOUBLE_EQ(recording.seconds(9000), 5.02);
  EXPECT_EQ(recording.bytes(), 40000u);
}

TEST(CallRecording, AFailureEndsItWithItsReason) {
  platform::FakeSoundRecorder recorder;
  CallRecording recording(recorder);
  recording.start("koffie", at(2026, 12, 7, 17, 5), 0);
  platform::RecorderEvent failed;
  failed.recording = recorder.last;
  failed.kind = platform::RecorderEvent::Kind::Failed;
  failed.error = "unsupported";
  recorder.emit(failed);
  recording.update(100);
  EXPECT_EQ(recording.phase(), CallRecording::Phase::Failed);
  EXPECT_EQ(recording.error(), "unsupported");
  EXPECT_EQ(recorder.discarded.size(), 1u);
}

}  // namespace
}  // namespace treff::app
