#include "platform/web/web_local_media.h"

#include <emscripten.h>
#include <nlohmann/json.hpp>

#include "platform/web/rtc_glue.h"

namespace treff::platform {
namespace {
WebLocalMedia* g_instance = nullptr;
}  // namespace

WebLocalMedia::WebLocalMedia() { g_instance = this; }
WebLocalMedia::~WebLocalMedia() {
  if (g_instance == this) g_instance = nullptr;
  treff_media_close();
}
WebLocalMedia* WebLocalMedia::instance() { return g_instance; }

void WebLocalMedia::open(bool audio, bool video, const DeviceChoice& choice) {
  treff_media_open(audio ? 1 : 0, video ? 1 : 0, choice.microphone.c_str(), choice.camera.c_str());
}
void WebLocalMedia::set_enabled(bool audio, bool video) { treff_media_set_enabled(audio ? 1 : 0, video ? 1 : 0); }
void WebLocalMedia::close() { treff_media_close(); }

std::vector<MediaEvent> WebLocalMedia::take_events() {
  std::vector<MediaEvent> out;
  out.swap(events_);
  return out;
}

}  // namespace treff::platform

extern "C" EMSCRIPTEN_KEEPALIVE void treff_media_event(int kind, int has_audio, int has_video, const char* error,
                                                       const char* microphone_id, const char* camera_id) {
  auto* self = treff::platform::WebLocalMedia::instance();
  if (!self) return;
  treff::platform::MediaEvent e;
  e.kind = kind == 0 ? treff::platform::MediaEvent::Kind::Opened : treff::platform::MediaEvent::Kind::Failed;
  e.has_audio = has_audio != 0;
  e.has_video = has_video != 0;
  e.error = error;
  e.microphone_id = microphone_id;
  e.camera_id = camera_id;
  self->push(std::move(e));
}

// The browser's device list as JSON: [{"kind": "audioinput"|"videoinput"|"audiooutput", "id", "label"}].
extern "C" EMSCRIPTEN_KEEPALIVE void treff_media_devices(const char* json) {
  auto* self = treff::platform::WebLocalMedia::instance();
  const auto list = nlohmann::json::parse(json, nullptr, false);
  if (!self || !list.is_array()) return;
  treff::platform::MediaEvent e;
  e.kind = treff::platform::MediaEvent::Kind::Devices;
  for (const auto& d : list) {
    if (!d.is_object()) continue;
    // Every field checked: the wasm build has no exceptions to catch a wrong type with.
    auto text = [&d](const char* key) {
      const auto it = d.find(key);
      return it != d.end() && it->is_string() ? it->get<std::string>() : std::string();
    };
    const std::string kind = text("kind");
    treff::platform::MediaDevice device;
    if (kind == "audioinput") device.kind = treff::platform::MediaDevice::Kind::Microphone;
    else if (kind == "videoinput") device.kind = treff::platform::MediaDevice::Kind::Camera;
    else if (kind == "audiooutput") device.kind = treff::platform::MediaDevice::Kind::Speaker;
    else continue;
    device.id = text("id");
    device.label = text("label");
    if (device.id.empty()) continue;
    e.devices.push_back(std::move(device));
  }
  self->push(std::move(e));
}
