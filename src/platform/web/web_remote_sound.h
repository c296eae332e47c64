// RemoteSound on wasm/sound.js: an <audio> element per remote sound.
#pragma once

#include "platform/remote_sound.h"

namespace treff::platform {

class WebRemoteSound final : public RemoteSound {
 public:
  WebRemoteSound();
  ~WebRemoteSound() override;
  WebRemoteSound(const WebRemoteSound&) = delete;
  WebRemoteSound& operator=(const WebRemoteSound&) = delete;

  SoundHandle play(const RemoteSource& source) override;
  void close(SoundHandle sound) override;
  void resume() override;
  void set_speaker(const std::string& device_id) override;
  std::vector<SoundEvent> take_events() override;

  // Whether the browser lets a page choose the speaker (HTMLMediaElement.setSinkId).
  static bool speaker_choice_supported();

  // For the glue's callback.
  static WebRemoteSound* instance();
  void queue(SoundEvent e) { events_.push_back(e); }

 private:
  std::vector<SoundEvent> events_;
};

}  // namespace treff::platform
