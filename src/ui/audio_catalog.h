// The texts of Treff's own sound features (the microphone test; voice messages and recordings as
// they come), in Dutch, German and English; the language is the rooms' (catalog.h).
#pragma once

#include <string>

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
  MicTestSoundStalled, // the browser passed on no sound: no speaker, so its audio never started
  MicTestFailed,       // anything else that went wrong in the browser
  LeaveMessage,        // {name}: the contact the ring did not reach
  RecordingMessage,    // {name}
  SendMessage,
  CancelMessage,
  SendingMessage,      // {name}
  MessageSent,         // {name}
  MessageNotContact,
  MessageTooLong,
  MessageNotOpus,      // the server could not read what was recorded
  MessageMailboxFull,
  MessageServerGone,
  MessageFailed,
  VoiceMessages,
  PlayMessage,         // {name}: from whom
  DeleteMessage,       // {name}
  MessagePlaying,
  MessagesUnavailable,
  RecordCall,
  StopRecording,
  YouAreRecording,     // {name}: how long so far, "0:12"
  SomeoneRecording,    // {name}: who
  RecordingSaved,      // {name}: the file's name
  RecordingFailed,
  Count
};

const char* tr(AudioText text);
std::string tr_with_name(AudioText text, const std::string& name);

// A length of sound as people read it on a clock: 75 -> "1:15". The same in every language.
std::string minutes_and_seconds(long long whole_seconds);

}  // namespace treff::ui
