// "Test microphone" on the join prompt: records three seconds, encodes them as the call will
// (Opus at the call's bitrate, VoIP tuning), decodes them and plays them back, so people hear
// themselves as the others will; or says plainly that nothing was heard.
#pragma once

#include <string>

#include "platform/sound_recorder.h"

namespace treff::app {

class MicrophoneTest {
 public:
  enum class Phase {
    Idle,
    Recording,     // progress() runs 0..1 from when the sound flows (the browser takes a moment)
    Playing,       // the recording plays back
    Heard,         // played back: the person heard themselves
    NothingHeard,  // the microphone gave (next to) silence
    Failed,        // error() says why
  };
  static constexpr double kRecordMs = 3000;
  // A browser that has not started to pass on sound by then will not: said as "sound-stalled".
  static constexpr double kStartWithinMs = 10000;
  // Below this loudest sample (-40 dBFS) the microphone counts as silent: muted in hardware,
  // turned down, or a wrong input.
  static constexpr double kSilentPeak = 0.01;
  // Under half the recording time delivered: the browser's sound is not running at all (Firefox
  // without a speaker or headset never starts its audio), which is not a muted microphone.
  static constexpr double kStalledSeconds = kRecordMs / 1000 / 2;

  explicit MicrophoneTest(platform::SoundRecorder& recorder) : recorder_(recorder) {}
  ~MicrophoneTest() { cancel(); }
  MicrophoneTest(const MicrophoneTest&) = delete;
  MicrophoneTest& operator=(const MicrophoneTest&) = delete;

  // `microphone_problem`: the reason no microphone is open (a DOMException name, e.g.
  // NotAllowedError), "" when one is open or none was asked for.
  void start(double now_ms, bool microphone_open, const std::string& microphone_problem);
  // Stops the recording when its time is up and follows the recorder's events; true when the
  // screen must change.
  bool update(double now_ms);
  // Leaves the join prompt, or the microphone changes: stop and forget.
  void cancel();

  Phase phase() const { return phase_; }
  bool busy() const { return phase_ == Phase::Recording || phase_ == Phase::Playing; }
  double progress(double now_ms) const;
  // Failed: "no-microphone", "microphone-denied", "microphone-ended", "unsupported",
  // "sound-stalled", or an audio code.
  const std::string& error() const { return error_; }
  // What the last recording measured (for the page's state and its tests).
  double recorded_peak() const { return recorded_peak_; }
  double recorded_rms() const { return recorded_rms_; }
  double played_rms() const { return played_rms_; }
  double recorded_seconds() const { return recorded_seconds_; }

 private:
  void fail(std::string error);

  platform::SoundRecorder& recorder_;
  platform::RecordingHandle recording_ = 0;
  Phase phase_ = Phase::Idle;
  double asked_ms_ = 0;     // when the test was started
  double started_ms_ = -1;  // when the sound began to flow into the encoder; -1: not yet
  bool stopping_ = false;
  std::string error_;
  double recorded_peak_ = 0, recorded_rms_ = 0, played_rms_ = 0, recorded_seconds_ = 0;
};

}  // namespace treff::app
