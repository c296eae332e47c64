// The texts of Treff's own sound features (the microphone test; voice messages and recordings as
// they come), in Dutch, German and English; the language is the rooms' (catalog.h).
#pragma once

#include "ui/catalog.h"

namespace treff::ui {

enum class AudioText {
  TestMicrophone,
  MicTestRecording,    // speak now, while the bar fills
  MicTestPlaying,
  MicTestHeard,
  MicTestNothingHeard,
  MicTestNoMicrophone,
  MicTestDenied,
  MicTestUnplugged,
  MicTestUnsupported,
  MicTestFailed,       // anything else that went wrong in the browser
  Count
};

const char* tr(AudioText text);

}  // namespace treff::ui
