#include "platform/web/web_sound_recorder.h"

#include <emscripten.h>

#include "platform/web/event_wakeup.h"

extern "C" {
std::uint32_t treff_recorder_record(int bitrate, int voice);
void treff_recorder_stop(std::uint32_t recording);
void treff_recorder_play(std::uint32_t recording);
void treff_recorder_discard(std::uint32_t recording);
}

namespace treff::platform {
namespace {
WebSoundRecorder* g_instance = nullptr;
}  // namespace

WebSoundRecorder::WebSoundRecorder() { g_instance = this; }
WebSoundRecorder::~WebSoundRecorder() {
  if (g_instance == this) g_instance = nullptr;
}
WebSoundRecorder* WebSoundRecorder::instance() { return g_instance; }

RecordingHandle WebSoundRecorder::record_microphone(const RecordingSettings& settings) {
  return treff_recorder_record(settings.bitrate, settings.voice ? 1 : 0);
}
void WebSoundRecorder::stop(RecordingHandle recording) { treff_recorder_stop(recording); }
void WebSoundRecorder::play(RecordingHandle recording) { treff_recorder_play(recording); }
void WebSoundRecorder::discard(RecordingHandle recording) { treff_recorder_discard(recording); }

std::vector<RecorderEvent> WebSoundRecorder::take_events() {
  std::vector<RecorderEvent> out;
  out.swap(events_);
  return out;
}

}  // namespace treff::platform

// wasm/recorder.js: kind 0 finished, 1 played, 2 failed (error names why).
extern "C" EMSCRIPTEN_KEEPALIVE void treff_recorder_event(std::uint32_t recording, int kind, double seconds,
                                                          double rms, double peak, double bytes, const char* error) {
  using Kind = treff::platform::RecorderEvent::Kind;
  auto* self = treff::platform::WebSoundRecorder::instance();
  if (!self || kind < 0 || kind > static_cast<int>(Kind::Failed)) return;
  treff::platform::RecorderEvent e;
  e.recording = recording;
  e.kind = static_cast<Kind>(kind);
  e.seconds = seconds;
  e.rms = rms;
  e.peak = peak;
  e.bytes = bytes > 0 ? static_cast<std::size_t>(bytes) : 0;
  e.error = error ? error : "";
  self->queue(std::move(e));
  treff::platform::wake();
}
