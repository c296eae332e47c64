#include "app/call_recording.h"

#include <algorithm>
#include <cstdio>

#include "audio/opus_voice.h"

namespace treff::app {

std::string CallRecording::file_name_for(const std::string& room, const std::tm& t) {
  std::string safe;
  for (char c : room) {
    const bool plain = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-';
    safe += plain ? c : '-';
  }
  if (safe.size() > 60) safe.resize(60);
  char when[32];
  std::snprintf(when, sizeof when, "%04d-%02d-%02d-%02d%02d", t.tm_year + 1900, t.tm_mon + 1, t.tm_mday, t.tm_hour,
                t.tm_min);
  return "treff-" + (safe.empty() ? std::string("call") : safe) + "-" + when + ".opus";
}

void CallRecording::start(const std::string& room, const std::tm& local_time, double now_ms) {
  if (recording() || phase_ == Phase::Saving) return;
  error_.clear();
  bytes_ = 0;
  recorded_seconds_ = 0;
  file_name_ = file_name_for(room, local_time);
  // Everyone's voice in one mono mix, at twice a single voice's bitrate: several people talk.
  recording_ = recorder_.record_call({2 * audio::kCallBitrate, true}, file_name_);
  if (recording_ == 0) {
    phase_ = Phase::Failed;
    error_ = "unsupported";
    return;
  }
  phase_ = Phase::Recording;
  started_ms_ = now_ms;
  sources_.clear();
}

void CallRecording::stop() {
  if (!recording()) return;
  recorder_.stop(recording_);
  phase_ = Phase::Saving;
}

void CallRecording::follow_sources(const std::vector<platform::RemoteSource>& sources) {
  if (!recording()) return;
  for (const auto& s : sources_)
    if (std::find(sources.begin(), sources.end(), s) == sources.end()) recorder_.remove_source(recording_, s);
  for (const auto& s : sources)
    if (std::find(sources_.begin(), sources_.end(), s) == sources_.end()) recorder_.add_source(recording_, s);
  sources_ = sources;
}

bool CallRecording::update(double now_ms) {
  bool changed = false;
  for (const auto& event : recorder_.take_events()) {
    if (event.recording != recording_ || recording_ == 0) continue;
    changed = true;
    if (event.kind == platform::RecorderEvent::Kind::Started) {
      started_ms_ = now_ms;  // the clock on screen counts what is in the file
      continue;
    }
    if (event.kind == platform::RecorderEvent::Kind::Finished) {
      recorded_seconds_ = event.seconds;
      bytes_ = event.bytes;
      phase_ = Phase::Saved;
    } else if (event.kind == platform::RecorderEvent::Kind::Failed) {
      recorded_seconds_ = (now_ms - started_ms_) / 1000;
      error_ = event.error;
      phase_ = Phase::Failed;
    }
    recorder_.discard(recording_);
    recording_ = 0;
    sources_.clear();
  }
  return changed;
}

}  // namespace treff::app
