#include "platform/web/web_ice_probes.h"

#include <emscripten.h>

#include <utility>

#include "platform/web/event_wakeup.h"

extern "C" {
unsigned treff_ice_probe_open(const char* ice_servers_json);
void treff_ice_probe_close(unsigned probe);
}

namespace treff::platform {
namespace {
std::vector<IceProbeEvent> g_events;
}  // namespace

unsigned WebIceProbes::open(const std::vector<proto::IceServer>& servers) {
  return treff_ice_probe_open(proto::ice_servers_json(servers).c_str());
}

std::vector<IceProbeEvent> WebIceProbes::take_events() { return std::exchange(g_events, {}); }

void WebIceProbes::close(unsigned probe) { treff_ice_probe_close(probe); }

}  // namespace treff::platform

// wasm/ice_probe.js: a candidate of `probe` was found ("" and complete: gathering ended).
extern "C" EMSCRIPTEN_KEEPALIVE void treff_ice_probe_event(unsigned probe, const char* type, int complete) {
  treff::platform::g_events.push_back({probe, type, complete != 0});
  treff::platform::wake();
}
