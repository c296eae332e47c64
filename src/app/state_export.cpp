#include "app/state_export.h"

#include <imgui.h>
#include <emscripten.h>
#include <nlohmann/json.hpp>

#include "app/connection_flow.h"


namespace treff::app {
namespace {

const char* phase_name(CallPhase p) {
  switch (p) {
    case CallPhase::Idle: return "idle";
    case CallPhase::OpeningMedia: return "opening-media";
    case CallPhase::Connecting: return "connecting";
    case CallPhase::Joining: return "joining";
    case CallPhase::InRoom: return "in-room";
    case CallPhase::Reconnecting: return "reconnecting";
    case CallPhase::Left: return "left";
    case CallPhase::Failed: return "failed";
  }
  return "idle";
}

// The microphone test's phase and what it measured, for the page's tests.
nlohmann::json mic_test_json(const MicrophoneTest& test) {
  static constexpr const char* kPhases[] = {"idle", "recording", "playing", "heard", "nothing-heard", "failed"};
  return {{"phase", kPhases[static_cast<int>(test.phase())]},
          {"error", test.error()},
          {"recordedSeconds", test.recorded_seconds()},
          {"recordedPeak", test.recorded_peak()},
          {"recordedRms", test.recorded_rms()},
          {"playedRms", test.played_rms()}};
}

// Voice messages: the one being left and those left for this person, for the page's tests.
nlohmann::json voice_mail_json(const VoiceMail& mail) {
  static constexpr const char* kPhases[] = {"idle", "recording", "sending", "sent", "failed"};
  nlohmann::json inbox = nlohmann::json::array();
  for (const auto& m : mail.inbox()) inbox.push_back({{"id", m.id}, {"from", m.from_name}, {"ms", m.duration_ms}});
  return {{"phase", kPhases[static_cast<int>(mail.phase())]}, {"error", mail.error()}, {"inbox", inbox},
          {"playing", mail.playing()}, {"played", mail.played()}};
}

// The call's recording, and who in the room records, for the page's tests.
nlohmann::json recording_json(const App& app, double now_ms) {
  static constexpr const char* kPhases[] = {"idle", "recording", "saving", "saved", "failed"};
  const CallRecording& r = app.call_recording;
  nlohmann::json by = nlohmann::json::array();
  for (const auto& p : app.call->room().thumbnails())
    if (p.media.recording) by.push_back(p.name);
  return {{"phase", kPhases[static_cast<int>(r.phase())]}, {"seconds", r.seconds(now_ms)}, {"file", r.file_name()},
          {"bytes", r.bytes()}, {"error", r.error()}, {"by", by}};
}

const char* connection_name(platform::ConnectionState c) {
  switch (c) {
    case platform::ConnectionState::New: return "new";
    case platform::ConnectionState::Connecting: return "connecting";
    case platform::ConnectionState::Connected: return "connected";
    case platform::ConnectionState::Disconnected: return "disconnected";
    case platform::ConnectionState::Failed: return "failed";
    case platform::ConnectionState::Closed: return "closed";
  }
  return "new";
}

// The logged-in person's line: whether it is connected, the presence it heard, and the rings both
// ways (for tests: what each side's screen is showing).
nlohmann::json calling_json(const App& app) {
  const CallingLine& line = *app.line;
  static const char* const kOutcomes[] = {"",        "declined",           "not-answered", "busy",    "offline",
                                          "caller-stopped", "answered-elsewhere", "missed",  "connection-lost", "refused"};
  nlohmann::json c{{"open", line.is_open()}, {"connected", line.connected()}, {"presenceKnown", line.presence_known()},
                   {"outcome", kOutcomes[static_cast<int>(line.outcome())]}, {"ringCall", app.ring_call}};
  nlohmann::json presence = nlohmann::json::object();
  if (app.accounts && app.accounts->me()) {
    for (const auto& p : app.accounts->book().contacts)
      presence[std::to_string(p.id)] = proto::presence_name(line.presence(p.id));
    for (const auto& p : app.accounts->organisation())  // once the room menu read it
      presence[std::to_string(p.id)] = proto::presence_name(line.presence(p.id));
  }
  c["presence"] = presence;
  if (const auto& out = line.outgoing()) {
    nlohmann::json callees = nlohmann::json::array();
    for (const auto& callee : out->callees) callees.push_back({{"id", callee.account}, {"state", callee_state_name(callee.state)}});
    c["outgoing"] = {{"room", out->room}, {"audioOnly", out->audio_only}, {"over", out->over}, {"callees", callees}};
  }
  if (const auto& in = line.incoming())
    c["incoming"] = {{"caller", in->caller}, {"callerName", in->caller_name}, {"audioOnly", in->audio_only}, {"answering", in->answering}};
  return c;
}

// The account screen shown and who is logged in, with the photos shown (for tests: which version
// of whose photo is on screen).
nlohmann::json account_json(const App& app) {
  static const char* const kScreens[] = {"none", "login", "invitation", "contacts", "my-details"};
  nlohmann::json a{{"screen", kScreens[static_cast<int>(app.account_ui.screen)]}};
  if (!app.accounts) return a;
  a["available"] = app.accounts->accounts_available();
  if (const auto& me = app.accounts->me()) {
    a["me"] = {{"id", me->id}, {"name", me->name}, {"photo", photo_path(*me)}, {"admin", me->admin}};
    nlohmann::json contacts = nlohmann::json::array();
    for (const auto& p : app.accounts->book().contacts)
      contacts.push_back({{"id", p.id},
                          {"name", p.name},
                          {"photo", photo_path(p)},
                          {"photoShown", app.photos.shows(p.id, photo_path(p))}});
    a["contacts"] = contacts;
    a["requests"] = app.accounts->book().asking_me.size();
  }
  if (app.line) a["calling"] = calling_json(app);
  return a;
}

}  // namespace

std::string state_json(const App& app) {
  const auto& room = app.call->room();
  const Participant* large = room.shown_large();
  nlohmann::json people = nlohmann::json::array();
  for (const auto& p : room.thumbnails()) {
    auto s = app.slots.find(p.id);
    people.push_back({{"id", p.id},
                      {"name", p.name},
                      {"self", p.is_self},
                      {"mic", p.media.mic},
                      {"camera", p.media.camera},
                      {"large", large && large->id == p.id},
                      {"speaking", room.active_speaker() == p.id},
                      // frames of their video the browser has decoded for its picture: "live" for tests
                      {"videoFrames", s == app.slots.end() ? 0 : s->second.status.frames},
                      // the size of the picture the browser decodes (an SFU's layer shows in it)
                      {"videoWidth", s == app.slots.end() ? 0 : s->second.status.width},
                      {"videoHeight", s == app.slots.end() ? 0 : s->second.status.height}});
    // A remote's peer connection state, so a test that waits in vain can say which link is stuck.
    // And which kind of path carries it (host, srflx, prflx, relay), so tests and support can see
    // whether a call goes through the TURN relay.
    if (const RemoteMediaState* r = app.call->remote(p.id)) {
      people.back()["connection"] = connection_name(r->state);
      people.back()["path"] = r->path;
      people.back()["trouble"] = r->trouble == LinkTrouble::None       ? "none"
                                 : r->trouble == LinkTrouble::Retrying ? "retrying"
                                                                       : "gave-up";
    }
  }
  const auto& local = app.call->local_media();
  nlohmann::json state{{"phase", phase_name(app.call->phase())},
                       {"room", app.call->room_name()},
                       {"participants", people},
                       {"local", {{"audio", local.has_audio}, {"video", local.has_video}, {"problem", local.problem}}},
                       {"problem", app.call->problem() ? app.call->problem()->code : ""},
                       {"framesLaidOut", app.frames_laid_out},
                       {"framesRendered", app.frames_rendered},
                       // device pixels the letters of the UI font are rasterised at (18 CSS px times the ratio)
                       {"fontPixels", ImGui::GetCurrentContext() && !ImGui::GetIO().Fonts->Fonts.empty()
                                          ? ImGui::GetIO().Fonts->Fonts[0]->FontSize
                                          : 0.0f},
                       {"preview", {{"frames", app.preview.frames()}, {"level", app.preview.level()}}}};
  state["account"] = account_json(app);
  state["connectionTest"] = connection_test_json(app, emscripten_get_now());
  state["micTest"] = mic_test_json(app.mic_test);
  state["voiceMail"] = voice_mail_json(app.voice_mail);
  state["recording"] = recording_json(app, emscripten_get_now());
  return state.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

}  // namespace treff::app
