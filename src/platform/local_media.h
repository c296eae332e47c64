// The local camera and microphone.
#pragma once

#include <string>
#include <vector>

namespace treff::platform {

// A camera, microphone or speaker the browser offers; labels are known once access was allowed.
struct MediaDevice {
  enum class Kind { Microphone, Camera, Speaker };
  Kind kind = Kind::Microphone;
  std::string id;
  std::string label;
};

// Which microphone and camera to open; empty: the browser's default. A chosen device that is gone
// (unplugged) falls back to another rather than failing.
struct DeviceChoice {
  std::string microphone;
  std::string camera;
  bool operator==(const DeviceChoice& o) const { return microphone == o.microphone && camera == o.camera; }
  bool operator!=(const DeviceChoice& o) const { return !(*this == o); }
};

struct MediaEvent {
  enum class Kind { Opened, Failed, Devices };
  Kind kind = Kind::Opened;
  bool has_audio = false;   // Opened: what we got
  bool has_video = false;
  // Failed: the DOMException name (NotAllowedError, NotFoundError, ...). Opened: set when we got
  // less than asked for (the camera's error when only the microphone could be opened).
  std::string error;
  // Opened: the devices actually in use.
  std::string microphone_id, camera_id;
  // Devices: everything the browser lists (after an Opened, when the labels are known).
  std::vector<MediaDevice> devices;
};

class LocalMedia {
 public:
  virtual ~LocalMedia() = default;
  // Asks the browser for camera and/or microphone. When both are asked and the camera fails,
  // implementations retry with the microphone alone before reporting, so people still get sound.
  virtual void open(bool audio, bool video, const DeviceChoice& choice) = 0;
  // Mutes or unmutes a kind of local track (the tracks stay, so no renegotiation is needed).
  virtual void set_enabled(bool audio, bool video) = 0;
  virtual void close() = 0;
  virtual std::vector<MediaEvent> take_events() = 0;
};

}  // namespace treff::platform
