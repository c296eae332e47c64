// In-memory SoundRecorder for native tests: records what was asked, the test answers with events.
#pragma once

#include <algorithm>
#include <string>
#include <vector>

#include "platform/sound_recorder.h"

namespace treff::platform {

class FakeSoundRecorder final : public SoundRecorder {
 public:
  RecordingHandle record_microphone(const RecordingSettings& settings) override {
    if (!microphone) return 0;
    asked = settings;
    return ++last;
  }
  RecordingHandle record_call(const RecordingSettings& settings, const std::string& file_name) override {
    asked = settings;
    call_file = file_name;
    return ++last;
  }
  void add_source(RecordingHandle, const RemoteSource& source) override { sources.push_back(source.peer); }
  void remove_source(RecordingHandle, const RemoteSource& source) override {
    sources.erase(std::remove(sources.begin(), sources.end(), source.peer), sources.end());
  }
  void stop(RecordingHandle recording) override { stopped.push_back(recording); }
  std::string file(RecordingHandle) override { return file_bytes; }
  RecordingHandle open_file(const std::string& ogg) override {
    opened.push_back(ogg);
    return ++last;
  }
  void play(RecordingHandle recording) override { played.push_back(recording); }
  void discard(RecordingHandle recording) override { discarded.push_back(recording); }
  std::vector<RecorderEvent> take_events() override {
    std::vector<RecorderEvent> out;
    out.swap(pending);
    return out;
  }

  void emit(RecorderEvent e) { pending.push_back(std::move(e)); }

  bool microphone = true;
  RecordingHandle last = 0;
  RecordingSettings asked;
  std::vector<RecordingHandle> stopped, played, discarded;
  std::vector<RecorderEvent> pending;
  std::string file_bytes = "OggS...";
  std::vector<std::string> opened;
  std::string call_file;
  std::vector<PeerHandle> sources;  // mixed into the call's recording now
};

}  // namespace treff::platform
