#include "app/microphone_test.h"

#include <algorithm>

#include "audio/opus_voice.h"

namespace treff::app {

void MicrophoneTest::start(double now_ms, bool microphone_open, const std::string& microphone_problem) {
  cancel();
  error_.clear();
  recorded_peak_ = recorded_rms_ = played_rms_ = recorded_seconds_ = 0;
  if (!microphone_open) {
    const bool denied = microphone_problem == "NotAllowedError" || microphone_problem == "SecurityError";
    fail(denied ? "microphone-denied" : "no-microphone");
    return;
  }
  recording_ = recorder_.record_microphone({audio::kCallBitrate, true});
  if (recording_ == 0) {
    fail("no-microphone");
    return;
  }
  phase_ = Phase::Recording;
  asked_ms_ = now_ms;
  started_ms_ = -1;
  stopping_ = false;
}

bool MicrophoneTest::update(double now_ms) {
  bool changed = false;
  // Three seconds of sound, counted from when it flows: in Firefox that can be half a second
  // after the click, while the browser loads the capture code.
  if (phase_ == Phase::Recording && !stopping_ && started_ms_ >= 0 && now_ms - started_ms_ >= kRecordMs) {
    recorder_.stop(recording_);
    stopping_ = true;
    changed = true;
  }
  if (phase_ == Phase::Recording && started_ms_ < 0 && now_ms - asked_ms_ >= kStartWithinMs) {
    fail("sound-stalled");
    return true;
  }
  for (const auto& event : recorder_.take_events()) {
    if (event.recording != recording_ || recording_ == 0) continue;  // an earlier test's
    changed = true;
    switch (event.kind) {
      case platform::RecorderEvent::Kind::Failed:
        fail(event.error);
        break;
      case platform::RecorderEvent::Kind::Started:
        if (phase_ == Phase::Recording && started_ms_ < 0) started_ms_ = now_ms;
        break;
      case platform::RecorderEvent::Kind::Finished:
        recorded_peak_ = event.peak;
        recorded_rms_ = event.rms;
        recorded_seconds_ = event.seconds;
        if (event.seconds < kStalledSeconds) {
          fail("sound-stalled");
        } else if (event.peak < kSilentPeak) {
          recorder_.discard(recording_);
          recording_ = 0;
          phase_ = Phase::NothingHeard;
        } else {
          recorder_.play(recording_);
          phase_ = Phase::Playing;
        }
        break;
      case platform::RecorderEvent::Kind::Played:
        played_rms_ = event.rms;
        recorder_.discard(recording_);
        recording_ = 0;
        phase_ = Phase::Heard;
        break;
    }
  }
  return changed || phase_ == Phase::Recording;  // the progress bar moves while recording
}

void MicrophoneTest::cancel() {
  if (recording_ != 0) recorder_.discard(recording_);
  recording_ = 0;
  if (busy()) phase_ = Phase::Idle;
}

double MicrophoneTest::progress(double now_ms) const {
  if (phase_ != Phase::Recording) return phase_ == Phase::Idle ? 0.0 : 1.0;
  if (started_ms_ < 0) return 0.0;
  return std::clamp((now_ms - started_ms_) / kRecordMs, 0.0, 1.0);
}

void MicrophoneTest::fail(std::string error) {
  if (recording_ != 0) recorder_.discard(recording_);
  recording_ = 0;
  error_ = std::move(error);
  phase_ = Phase::Failed;
}

}  // namespace treff::app
