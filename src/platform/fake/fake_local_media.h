// In-memory LocalMedia for native tests.
#pragma once

#include "platform/local_media.h"

namespace treff::platform {

class FakeLocalMedia final : public LocalMedia {
 public:
  void open(bool audio, bool video, const DeviceChoice& choice) override {
    asked_audio = audio;
    asked_video = video;
    asked_devices = choice;
    ++open_calls;
  }
  void set_enabled(bool audio, bool video) override {
    audio_enabled = audio;
    video_enabled = video;
  }
  void close() override { closed = true; }
  std::vector<MediaEvent> take_events() override {
    std::vector<MediaEvent> out;
    out.swap(pending);
    return out;
  }

  void emit(MediaEvent e) { pending.push_back(std::move(e)); }
  // The browser's answer: camera and microphone opened (those asked for).
  void answer_opened(bool audio = true, bool video = true) {
    MediaEvent e;
    e.kind = MediaEvent::Kind::Opened;
    e.has_audio = audio;
    e.has_video = video;
    emit(std::move(e));
  }

  int open_calls = 0;
  bool asked_audio = false, asked_video = false;
  DeviceChoice asked_devices;
  bool audio_enabled = true, video_enabled = true;
  bool closed = false;
  std::vector<MediaEvent> pending;
};

}  // namespace treff::platform
