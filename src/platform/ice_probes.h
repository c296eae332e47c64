// Looking for a path for a call's media without making a call: a peer connection that only gathers
// its own candidates against given STUN/TURN servers (the connection test: a "srflx" candidate
// means the STUN server answered over UDP, a "relay" one that the TURN relay gave an address).
// As everywhere on the platform side, what happens is queued and taken at the start of a frame.
#pragma once

#include <string>
#include <vector>

#include "core/protocol.h"

namespace treff::platform {

struct IceProbeEvent {
  unsigned probe = 0;
  std::string candidate_type;  // "host", "srflx", "prflx" or "relay"; "" with `complete`
  bool complete = false;       // the browser gathered all it will (or could not start)
};

class IceProbes {
 public:
  virtual ~IceProbes() = default;
  // Starts gathering against `servers`; the number (never 0) names its events.
  virtual unsigned open(const std::vector<proto::IceServer>& servers) = 0;
  virtual std::vector<IceProbeEvent> take_events() = 0;
  // Ends it (also before it completed); its later events are dropped.
  virtual void close(unsigned probe) = 0;
};

}  // namespace treff::platform
