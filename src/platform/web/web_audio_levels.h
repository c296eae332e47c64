// AudioLevels on wasm/audio.js.
#pragma once

#include "platform/audio_levels.h"

namespace treff::platform {

class WebAudioLevels final : public AudioLevels {
 public:
  MeterHandle watch_remote(const RemoteSource& source) override;
  MeterHandle watch_local() override;
  double level(MeterHandle meter) override;
  void unwatch(MeterHandle meter) override;
};

}  // namespace treff::platform
