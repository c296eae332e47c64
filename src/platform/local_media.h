// The local camera and microphone.
#pragma once

#include <string>
#include <vector>

namespace treff::platform {

struct MediaEvent {
  enum class Kind { Opened, Failed };
  Kind kind = Kind::Opened;
  bool has_audio = false;   // Opened: what we got
  bool has_video = false;
  // Failed: the DOMException name (NotAllowedError, NotFoundError, ...). Opened: set when we got
  // less than asked for (the camera's error when only the microphone could be opened).
  std::string error;
};

class LocalMedia {
 public:
  virtual ~LocalMedia() = default;
  // Asks the browser for camera and/or microphone. When both are asked and the camera fails,
  // implementations retry with the microphone alone before reporting, so people still get sound.
  virtual void open(bool audio, bool video) = 0;
  // Mutes or unmutes a kind of local track (the tracks stay, so no renegotiation is needed).
  virtual void set_enabled(bool audio, bool video) = 0;
  virtual void close() = 0;
  virtual std::vector<MediaEvent> take_events() = 0;
};

}  // namespace treff::platform
