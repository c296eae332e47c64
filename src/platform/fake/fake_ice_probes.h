// In-memory IceProbes for native tests: records the probes opened; the test says what they find.
#pragma once

#include <map>
#include <utility>
#include <vector>

#include "platform/ice_probes.h"

namespace treff::platform {

class FakeIceProbes final : public IceProbes {
 public:
  unsigned open(const std::vector<proto::IceServer>& servers) override {
    opened[next] = servers;
    return next++;
  }
  std::vector<IceProbeEvent> take_events() override { return std::exchange(pending, {}); }
  void close(unsigned probe) override { opened.erase(probe); }

  // Test side: `probe` found a candidate of `type` ("" and complete: gathering ended).
  void find(unsigned probe, std::string type) { pending.push_back({probe, std::move(type), false}); }
  void complete(unsigned probe) { pending.push_back({probe, "", true}); }

  std::map<unsigned, std::vector<proto::IceServer>> opened;  // open now, by number
  std::vector<IceProbeEvent> pending;
  unsigned next = 1;
};

}  // namespace treff::platform
