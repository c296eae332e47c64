#include "platform/web/web_sound_recorder.h"

#include <emscripten.h>

#include <iterator>
#include <map>

#include "platform/web/event_wakeup.h"

extern "C" {
std::uint32_t treff_recorder_record(int bitrate, int voice);
void treff_recorder_stop(std::uint32_t recording);
std::uint32_t treff_recorder_record_call(int bitrate, int voice, const char* file_name);
void treff_recorder_source(std::uint32_t recording, std::uint32_t peer, const char* mids, int add);
void treff_recorder_play(std::uint32_t recording);
int treff_recorder_file_size(std::uint32_t recording);
void treff_recorder_file_copy(std::uint32_t recording, char* out);
std::uint32_t treff_recorder_open(const char* bytes, int size);
void treff_recorder_discard(std::uint32_t recording);
}

namespace treff::platform {
namespace {
std::map<RecordingHandle, WebSoundRecorder*>& owners() {
  static std::map<RecordingHandle, WebSoundRecorder*> map;
  return map;
}
}  // namespace

WebSoundRecorder::WebSoundRecorder() = default;
WebSoundRecorder::~WebSoundRecorder() {
  for (auto it = owners().begin(); it != owners().end();) it = it->second == this ? owners().erase(it) : std::next(it);
}
WebSoundRecorder* WebSoundRecorder::owner_of(RecordingHandle recording) {
  auto it = owners().find(recording);
  return it == owners().end() ? nullptr : it->second;
}
RecordingHandle WebSoundRecorder::own(RecordingHandle recording) {
  if (recording != 0) owners()[recording] = this;
  return recording;
}

RecordingHandle WebSoundRecorder::record_microphone(const RecordingSettings& settings) {
  return own(treff_recorder_record(settings.bitrate, settings.voice ? 1 : 0));
}
RecordingHandle WebSoundRecorder::record_call(const RecordingSettings& settings, const std::string& file_name) {
  return own(treff_recorder_record_call(settings.bitrate, settings.voice ? 1 : 0, file_name.c_str()));
}
void WebSoundRecorder::add_source(RecordingHandle recording, const RemoteSource& source) {
  treff_recorder_source(recording, source.peer, source.mid_list().c_str(), 1);
}
void WebSoundRecorder::remove_source(RecordingHandle recording, const RemoteSource& source) {
  treff_recorder_source(recording, source.peer, source.mid_list().c_str(), 0);
}
void WebSoundRecorder::stop(RecordingHandle recording) { treff_recorder_stop(recording); }
void WebSoundRecorder::play(RecordingHandle recording) { treff_recorder_play(recording); }

std::string WebSoundRecorder::file(RecordingHandle recording) {
  std::string out(static_cast<std::size_t>(treff_recorder_file_size(recording)), '\0');
  if (!out.empty()) treff_recorder_file_copy(recording, out.data());
  return out;
}

RecordingHandle WebSoundRecorder::open_file(const std::string& ogg) {
  return own(treff_recorder_open(ogg.data(), static_cast<int>(ogg.size())));
}
void WebSoundRecorder::discard(RecordingHandle recording) {
  treff_recorder_discard(recording);
  owners().erase(recording);
}

std::vector<RecorderEvent> WebSoundRecorder::take_events() {
  std::vector<RecorderEvent> out;
  out.swap(events_);
  return out;
}

}  // namespace treff::platform

// wasm/recorder.js: kind 0 finished, 1 played, 2 failed (error names why), 3 started.
extern "C" EMSCRIPTEN_KEEPALIVE void treff_recorder_event(std::uint32_t recording, int kind, double seconds,
                                                          double rms, double peak, double bytes, const char* error) {
  using Kind = treff::platform::RecorderEvent::Kind;
  auto* self = treff::platform::WebSoundRecorder::owner_of(recording);
  if (!self || kind < 0 || kind > static_cast<int>(Kind::Started)) return;
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
