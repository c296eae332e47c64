// The others' sound, played apart from their video: one player per remote person's sound, so that
// people without a camera (audio only, camera blocked or missing) are heard too.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "platform/peer_connections.h"

namespace treff::platform {

using SoundHandle = std::uint32_t;  // 0: none

struct SoundEvent {
  enum class Kind {
    Playing,  // the sound plays
    Blocked,  // the browser will not start it before the person clicks or presses a key
  };
  SoundHandle sound = 0;
  Kind kind = Kind::Playing;
};

class RemoteSound {
 public:
  virtual ~RemoteSound() = default;
  // Starts playing the sound of a remote source; 0 when it has no sound yet.
  virtual SoundHandle play(const RemoteSource& source) = 0;
  virtual void close(SoundHandle sound) = 0;
  // The person clicked to hear the others: starts every sound the browser held back.
  virtual void resume() = 0;
  // The speaker every sound plays on ("": the system's default).
  virtual void set_speaker(const std::string& device_id) = 0;
  virtual std::vector<SoundEvent> take_events() = 0;
};

}  // namespace treff::platform
