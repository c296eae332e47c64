#include "platform/web/web_remote_sound.h"

#include <emscripten.h>

#include "platform/web/event_wakeup.h"

extern "C" {
std::uint32_t treff_sound_play(std::uint32_t peer, const char* mids);
void treff_sound_close(std::uint32_t sound);
void treff_sound_resume();
int treff_sound_speaker_supported();
void treff_sound_set_speaker(const char* device_id);
}

namespace treff::platform {
namespace {
WebRemoteSound* g_instance = nullptr;
}  // namespace

WebRemoteSound::WebRemoteSound() { g_instance = this; }
WebRemoteSound::~WebRemoteSound() {
  if (g_instance == this) g_instance = nullptr;
}
WebRemoteSound* WebRemoteSound::instance() { return g_instance; }

SoundHandle WebRemoteSound::play(const RemoteSource& source) {
  return treff_sound_play(source.peer, source.mid_list().c_str());
}
void WebRemoteSound::close(SoundHandle sound) { treff_sound_close(sound); }
void WebRemoteSound::resume() { treff_sound_resume(); }
bool WebRemoteSound::speaker_choice_supported() { return treff_sound_speaker_supported() != 0; }
void WebRemoteSound::set_speaker(const std::string& device_id) { treff_sound_set_speaker(device_id.c_str()); }

std::vector<SoundEvent> WebRemoteSound::take_events() {
  std::vector<SoundEvent> out;
  out.swap(events_);
  return out;
}

}  // namespace treff::platform

// wasm/sound.js: a sound started playing (kind 0) or the browser held it back (kind 1).
extern "C" EMSCRIPTEN_KEEPALIVE void treff_sound_event(std::uint32_t sound, int kind) {
  auto* self = treff::platform::WebRemoteSound::instance();
  if (!self || kind < 0 || kind > static_cast<int>(treff::platform::SoundEvent::Kind::Blocked)) return;
  self->queue({sound, static_cast<treff::platform::SoundEvent::Kind>(kind)});
  treff::platform::wake();
}
