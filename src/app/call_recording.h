// "Record this call": the own microphone and everyone else's sound, mixed in the browser's audio
// worklet and encoded to Ogg Opus in the audio worker, streamed to the browser's storage and
// downloaded as "treff-<room>-<date>-<time>.opus" when it stops (Stop, leaving the room, or the
// page's recorder failing). While it runs everyone in the room sees a mark (the server carries it
// in the person's media state, so people who join later see it too). Platform-free.
#pragma once

#include <cstddef>
#include <ctime>
#include <string>
#include <vector>

#include "platform/sound_recorder.h"

namespace treff::app {

class CallRecording {
 public:
  enum class Phase { Idle, Recording, Saving, Saved, Failed };

  explicit CallRecording(platform::SoundRecorder& recorder) : recorder_(recorder) {}
  ~CallRecording() { stop(); }
  CallRecording(const CallRecording&) = delete;
  CallRecording& operator=(const CallRecording&) = delete;

  // `local_time`: now on the person's clock, for the file's name.
  void start(const std::string& room, const std::tm& local_time, double now_ms);
  void stop();
  // The remote sounds in the call now: newcomers are mixed in, those who left are taken out.
  void follow_sources(const std::vector<platform::RemoteSource>& sources);
  // Follows the recorder; true when the screen must change.
  bool update(double now_ms);

  Phase phase() const { return phase_; }
  bool recording() const { return phase_ == Phase::Recording; }
  double seconds(double now_ms) const { return recording() ? (now_ms - started_ms_) / 1000 : recorded_seconds_; }
  const std::string& file_name() const { return file_name_; }
  std::size_t bytes() const { return bytes_; }
  const std::string& error() const { return error_; }

  // "treff-<room>-2026-12-07-1705.opus": the room's name kept to letters, digits and dashes.
  static std::string file_name_for(const std::string& room, const std::tm& local_time);

 private:
  platform::SoundRecorder& recorder_;
  platform::RecordingHandle recording_ = 0;
  Phase phase_ = Phase::Idle;
  double started_ms_ = 0;
  double recorded_seconds_ = 0;
  std::size_t bytes_ = 0;
  std::string file_name_;
  std::string error_;
  std::vector<platform::RemoteSource> sources_;
};

}  // namespace treff::app
