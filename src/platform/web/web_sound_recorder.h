// SoundRecorder on wasm/recorder.js: an AudioWorklet feeds the audio worker, which encodes.
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
  void stop(RecordingHandle recording) override;
  void play(RecordingHandle recording) override;
  void discard(RecordingHandle recording) override;
  std::vector<RecorderEvent> take_events() override;

  // For the glue's callback.
  static WebSoundRecorder* instance();
  void queue(RecorderEvent e) { events_.push_back(std::move(e)); }

 private:
  std::vector<RecorderEvent> events_;
};

}  // namespace treff::platform
