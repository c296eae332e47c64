// IceProbes over the browser's RTCPeerConnection (wasm/ice_probe.js).
#pragma once

#include "platform/ice_probes.h"

namespace treff::platform {

class WebIceProbes final : public IceProbes {
 public:
  unsigned open(const std::vector<proto::IceServer>& servers) override;
  std::vector<IceProbeEvent> take_events() override;
  void close(unsigned probe) override;
};

}  // namespace treff::platform
