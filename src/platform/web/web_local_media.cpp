#include "platform/web/web_local_media.h"

#include <emscripten.h>

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

void WebLocalMedia::open(bool audio, bool video) { treff_media_open(audio ? 1 : 0, video ? 1 : 0); }
void WebLocalMedia::set_enabled(bool audio, bool video) { treff_media_set_enabled(audio ? 1 : 0, video ? 1 : 0); }
void WebLocalMedia::close() { treff_media_close(); }

std::vector<MediaEvent> WebLocalMedia::take_events() {
  std::vector<MediaEvent> out;
  out.swap(events_);
  return out;
}

}  // namespace treff::platform

extern "C" EMSCRIPTEN_KEEPALIVE void treff_media_event(int kind, int has_audio, int has_video, const char* error) {
  auto* self = treff::platform::WebLocalMedia::instance();
  if (!self) return;
  treff::platform::MediaEvent e;
  e.kind = kind == 0 ? treff::platform::MediaEvent::Kind::Opened : treff::platform::MediaEvent::Kind::Failed;
  e.has_audio = has_audio != 0;
  e.has_video = has_video != 0;
  e.error = error;
  self->push(std::move(e));
}
