#include "app/call_recording_flow.h"

#include <ctime>
#include <string>
#include <vector>

#include "ui/audio_catalog.h"

namespace treff::app {
namespace {

bool in_room(const App& app) {
  const CallPhase phase = app.call->phase();
  return phase == CallPhase::InRoom || phase == CallPhase::Reconnecting;
}

}  // namespace

void show_recording(App& app, ui::RoomView& view, double now_ms) {
  const CallRecording& r = app.call_recording;
  view.can_record = in_room(app);
  view.recording = r.recording();
  std::string others;
  for (const auto& p : app.call->room().thumbnails())
    if (!p.is_self && p.media.recording) others += (others.empty() ? "" : ", ") + p.name;
  if (r.recording()) {
    const auto so_far = static_cast<long long>(r.seconds(now_ms));  // a stopwatch: whole seconds passed
    view.recording_note = ui::tr_with_name(ui::AudioText::YouAreRecording, ui::minutes_and_seconds(so_far));
  }
  if (!others.empty()) {
    const std::string line = ui::tr_with_name(ui::AudioText::SomeoneRecording, others);
    view.recording_note = view.recording_note.empty() ? line : view.recording_note + " " + line;
  }
  if (r.phase() == CallRecording::Phase::Saved) view.recording_result = ui::tr_with_name(ui::AudioText::RecordingSaved, r.file_name());
  if (r.phase() == CallRecording::Phase::Failed) {
    view.recording_result = ui::tr(ui::AudioText::RecordingFailed);
    view.recording_failed = true;
  }
}

void toggle_recording(App& app, double now_ms) {
  CallRecording& r = app.call_recording;
  if (r.recording()) {
    r.stop();
  } else {
    const std::time_t now = std::time(nullptr);
    std::tm local{};
    localtime_r(&now, &local);
    r.start(app.call->room_name(), local, now_ms);
  }
  app.call->set_recording(r.recording());
}

bool follow_recording(App& app, double now_ms) {
  CallRecording& r = app.call_recording;
  if (r.recording() && !in_room(app)) r.stop();  // Beenden: the recording is saved, not lost
  if (r.recording()) {
    std::vector<platform::RemoteSource> sources;
    for (const auto& [id, slot] : app.sounds)
      if (slot.sound != 0) sources.push_back(slot.source);
    r.follow_sources(sources);
  }
  bool changed = r.update(now_ms);
  if (!r.recording() && app.call->recording()) {
    app.call->set_recording(false);  // it ended by itself (the browser failed): the others are told
    changed = true;
  }
  // The time on the "you are recording" line moves once a second.
  if (r.recording() && static_cast<long>(r.seconds(now_ms)) != static_cast<long>(r.seconds(now_ms - 20))) changed = true;
  return changed;
}

}  // namespace treff::app
