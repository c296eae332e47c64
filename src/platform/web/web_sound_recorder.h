// SoundRecorder on wasm/recorder.js: an AudioWorklet feeds the audio worker, which encodes.
// Several may live at once (the microphone test, voice messages): each gets the events of the
// recordings it started.
#pragma once

#include "platform/sound_recorder.h"

namespace treff::platform {

class WebSoundRecorder final : public SoundRecorder {
 public:
  WebSoundRecorder();
  ~WebSoundRecorder() override;
  WebSoundRecorder(const WebSoundRecorder&) = delete;
  WebSoundRecorder& operator=(const WebSoundRecorder&) = delete;

  RecordingHandle record_microphone(const RecordingSettings& settings) override;
  RecordingHandle record_call(const RecordingSettings& settings, const std::string& file_name) override;
  void add_source(RecordingHandle recording, const RemoteSource& source) override;
  void remove_source(RecordingHandle recording, const RemoteSource& source) override;
  void stop(RecordingHandle recording) override;
  std::string file(RecordingHandle recording) override;
  RecordingHandle open_file(const std::string& ogg) override;
  void play(RecordingHandle recording) override;
  void discard(RecordingHandle recording) override;
  std::vector<RecorderEvent> take_events() override;

  // For the glue's callback: the recorder that started `recording`, or null.
  static WebSoundRecorder* owner_of(RecordingHandle recording);
  void queue(RecorderEvent e) { events_.push_back(std::move(e)); }

 private:
  RecordingHandle own(RecordingHandle recording);
  std::vector<RecorderEvent> events_;
};

}  // namespace treff::platform
