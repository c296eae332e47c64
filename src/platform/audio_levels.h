// How loud each remote participant is, sampled by the app for active-speaker detection, and how
// loud the own microphone is (the join prompt's level meter).
#pragma once

#include <cstdint>

#include "platform/peer_connections.h"

namespace treff::platform {

using MeterHandle = std::uint32_t;  // 0: none

class AudioLevels {
 public:
  virtual ~AudioLevels() = default;
  virtual MeterHandle watch_remote(const RemoteSource& source) = 0;  // 0 when it sends no sound
  virtual MeterHandle watch_local() = 0;                  // 0 when no microphone is open
  virtual double level(MeterHandle meter) = 0;            // RMS, 0..1
  virtual void unwatch(MeterHandle meter) = 0;
};

}  // namespace treff::platform
