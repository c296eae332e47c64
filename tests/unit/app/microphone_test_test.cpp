#include "app/microphone_test.h"

#include <gtest/gtest.h>

#include "platform/fake/fake_sound_recorder.h"

namespace treff::app {
namespace {

using platform::RecorderEvent;
using Phase = MicrophoneTest::Phase;

RecorderEvent finished(platform::RecordingHandle h, double peak, double rms) {
  RecorderEvent e;
  e.recording = h;
  e.kind = RecorderEvent::Kind::Finished;
  e.seconds = 3.0;
  e.peak = peak;
  e.rms = rms;
  e.bytes = 12000;
  return e;
}

RecorderEvent started(platform::RecordingHandle h) {
  RecorderEvent e;
  e.recording = h;
  e.kind = RecorderEvent::Kind::Started;
  return e;
}

TEST(MicrophoneTest, RecordsThreeSecondsAtTheCallBitrateThenPlaysThemBack) {
  platform::FakeSoundRecorder recorder;
  MicrophoneTest test(recorder);
  test.start(1000, true, "");
  ASSERT_EQ(test.phase(), Phase::Recording);
  EXPECT_EQ(recorder.asked.bitrate, 32000);
  EXPECT_TRUE(recorder.asked.voice);
  // The browser takes half a second before the sound flows: the three seconds count from then.
  test.update(1400);
  EXPECT_DOUBLE_EQ(test.progress(1400), 0.0);
  recorder.emit(started(recorder.last));
  test.update(1500);
  EXPECT_TRUE(test.update(3000));
  EXPECT_DOUBLE_EQ(test.progress(3000), 0.5);
  test.update(4400);
  EXPECT_TRUE(recorder.stopped.empty());
  test.update(4500);
  ASSERT_EQ(recorder.stopped.size(), 1u);
  recorder.emit(finished(recorder.last, 0.4, 0.1));
  EXPECT_TRUE(test.update(4600));
  EXPECT_EQ(test.phase(), Phase::Playing);
  ASSERT_EQ(recorder.played.size(), 1u);
  RecorderEvent played;
  played.recording = recorder.last;
  played.kind = RecorderEvent::Kind::Played;
  played.rms = 0.09;
  recorder.emit(played);
  EXPECT_TRUE(test.update(7200));
  EXPECT_EQ(test.phase(), Phase::Heard);
  EXPECT_DOUBLE_EQ(test.played_rms(), 0.09);
  EXPECT_EQ(recorder.discarded.size(), 1u);  // the file is not kept
}

// Starts a test at 0 whose sound flows at once, and lets its three seconds pass: stopped.
void record_three_seconds(MicrophoneTest& test, platform::FakeSoundRecorder& recorder) {
  test.start(0, true, "");
  recorder.emit(started(recorder.last));
  test.update(0);
  test.update(3000);
  ASSERT_EQ(recorder.stopped.size(), 1u);
}

TEST(MicrophoneTest, SilenceIsNamedAndNotPlayedBack) {
  platform::FakeSoundRecorder recorder;
  MicrophoneTest test(recorder);
  record_three_seconds(test, recorder);
  recorder.emit(finished(recorder.last, 0.002, 0.0005));
  test.update(3100);
  EXPECT_EQ(test.phase(), Phase::NothingHeard);
  EXPECT_TRUE(recorder.played.empty());
}

TEST(MicrophoneTest, ABrowserWhoseSoundNeverRanIsNotCalledAMutedMicrophone) {
  // Firefox without a speaker or headset never starts its audio: three seconds asked, none given.
  platform::FakeSoundRecorder recorder;
  MicrophoneTest test(recorder);
  record_three_seconds(test, recorder);
  RecorderEvent nothing = finished(recorder.last, 0.0, 0.0);
  nothing.seconds = 0.0;
  recorder.emit(nothing);
  test.update(3100);
  EXPECT_EQ(test.phase(), Phase::Failed);
  EXPECT_EQ(test.error(), "sound-stalled");
  EXPECT_TRUE(recorder.played.empty());
  EXPECT_EQ(recorder.discarded.size(), 1u);
}

TEST(MicrophoneTest, ABrowserThatNeverStartsTheSoundIsToldAfterTenSeconds) {
  platform::FakeSoundRecorder recorder;
  MicrophoneTest test(recorder);
  test.start(0, true, "");
  test.update(9900);
  EXPECT_EQ(test.phase(), Phase::Recording);
  EXPECT_TRUE(recorder.stopped.empty());  // not stopped: no sound has flowed to count three seconds of
  test.update(10000);
  EXPECT_EQ(test.phase(), Phase::Failed);
  EXPECT_EQ(test.error(), "sound-stalled");
  EXPECT_EQ(recorder.discarded.size(), 1u);
}

TEST(MicrophoneTest, NoOrDeniedMicrophoneSaysWhichWithoutRecording) {
  platform::FakeSoundRecorder recorder;
  MicrophoneTest test(recorder);
  test.start(0, false, "NotAllowedError");
  EXPECT_EQ(test.phase(), Phase::Failed);
  EXPECT_EQ(test.error(), "microphone-denied");
  test.start(0, false, "NotFoundError");
  EXPECT_EQ(test.error(), "no-microphone");
  recorder.microphone = false;  // the track went away between the screen and the click
  test.start(0, true, "");
  EXPECT_EQ(test.error(), "no-microphone");
  EXPECT_EQ(recorder.last, 0u);
}

TEST(MicrophoneTest, AMicrophoneUnpluggedMidTestFailsPlainly) {
  platform::FakeSoundRecorder recorder;
  MicrophoneTest test(recorder);
  test.start(0, true, "");
  RecorderEvent gone;
  gone.recording = recorder.last;
  gone.kind = RecorderEvent::Kind::Failed;
  gone.error = "microphone-ended";
  recorder.emit(gone);
  test.update(1000);
  EXPECT_EQ(test.phase(), Phase::Failed);
  EXPECT_EQ(test.error(), "microphone-ended");
  EXPECT_EQ(recorder.discarded.size(), 1u);
}

TEST(MicrophoneTest, AnEarlierTestsLateResultIsIgnoredAndCancelStops) {
  platform::FakeSoundRecorder recorder;
  MicrophoneTest test(recorder);
  test.start(0, true, "");
  const auto first = recorder.last;
  test.start(500, true, "");  // pressed again
  EXPECT_EQ(recorder.discarded, std::vector<platform::RecordingHandle>{first});
  recorder.emit(finished(first, 0.5, 0.1));
  test.update(600);
  EXPECT_EQ(test.phase(), Phase::Recording);
  test.cancel();
  EXPECT_EQ(test.phase(), Phase::Idle);
  EXPECT_EQ(recorder.discarded.size(), 2u);
}

}  // namespace
}  // namespace treff::app
