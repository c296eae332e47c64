#include "app/entry_flow.h"

#include "app/account_flow.h"

#include <emscripten.h>

#include <algorithm>
#include <array>
#include <cstdint>
#include <cstring>
#include <optional>
#include <string>
#include <vector>

#include "app/connection_flow.h"
#include "core/room_names.h"
#include "core/text_rules.h"
#include "platform/web/dom_glue.h"
#include "ui/audio_catalog.h"
#include "ui/catalog.h"

namespace treff::app {
namespace {

using platform::MediaDevice;

// "Camera: <name of the one in use>"; "" when the browser lists no device of the kind.
std::string device_row(const App& app, MediaDevice::Kind kind, const std::string& in_use, ui::Text caption) {
  const MediaDevice* shown = nullptr;
  for (const auto& d : app.call->devices()) {
    if (d.kind != kind) continue;
    if (!shown || d.id == in_use) shown = &d;
    if (d.id == in_use) break;
  }
  if (!shown) return {};
  return ui::tr_with_name(caption, shown->label.empty() ? ui::tr(ui::Text::DefaultDevice) : shown->label);
}

// The device of `kind` listed after `current` (round the list); "" when there is none.
std::string next_device(const App& app, MediaDevice::Kind kind, const std::string& current) {
  std::vector<std::string> ids;
  for (const auto& d : app.call->devices())
    if (d.kind == kind) ids.push_back(d.id);
  if (ids.empty()) return {};
  auto it = std::find(ids.begin(), ids.end(), current);
  if (it == ids.end()) it = ids.begin();  // "" (the default) is shown as the first one
  return std::next(it) == ids.end() ? ids.front() : *std::next(it);
}

// A device picked on the join prompt: used from now on, and remembered for next time.
void switch_device(App& app, MediaDevice::Kind kind) {
  const auto& local = app.call->local_media();
  platform::DeviceChoice choice{local.microphone_id, local.camera_id};
  if (kind == MediaDevice::Kind::Microphone) {
    choice.microphone = next_device(app, kind, local.microphone_id);
    treff_dom_save("microphone", choice.microphone.c_str());
  } else if (kind == MediaDevice::Kind::Camera) {
    choice.camera = next_device(app, kind, local.camera_id);
    treff_dom_save("camera", choice.camera.c_str());
  } else {
    app.speaker = next_device(app, kind, app.speaker);
    app.sound.set_speaker(app.speaker);
    treff_dom_save("speaker", app.speaker.c_str());
    return;
  }
  app.call->choose_devices(choice);
}

// What "Test microphone" shows: offered whenever a microphone was asked for (also when it could
// not be opened, so the test can say why), its progress and its finding.
void fill_mic_test(App& app, ui::PrejoinView& v) {
  const MicrophoneTest& test = app.mic_test;
  using Phase = MicrophoneTest::Phase;
  v.offer_mic_test = app.call->local_media().has_audio || !app.call->local_media().problem.empty() ||
                     test.phase() != Phase::Idle;
  v.mic_test_busy = test.busy();
  if (test.phase() == Phase::Recording) v.mic_test_progress = static_cast<float>(test.progress(emscripten_get_now()));
  switch (test.phase()) {
    case Phase::Idle: break;
    case Phase::Recording: v.mic_test_message = ui::tr(ui::AudioText::MicTestRecording); break;
    case Phase::Playing: v.mic_test_message = ui::tr(ui::AudioText::MicTestPlaying); break;
    case Phase::Heard: v.mic_test_message = ui::tr(ui::AudioText::MicTestHeard); break;
    case Phase::NothingHeard:
      v.mic_test_message = ui::tr(ui::AudioText::MicTestNothingHeard);
      v.mic_test_warning = true;
      break;
    case Phase::Failed: {
      const std::string& e = test.error();
      v.mic_test_message = ui::tr(e == "microphone-denied"  ? ui::AudioText::MicTestDenied
                                  : e == "no-microphone"    ? ui::AudioText::MicTestNoMicrophone
                                  : e == "microphone-ended" ? ui::AudioText::MicTestUnplugged
                                  : e == "unsupported"      ? ui::AudioText::MicTestUnsupported
                                  : e == "sound-stalled"    ? ui::AudioText::MicTestSoundStalled
                                                            : ui::AudioText::MicTestFailed);
      v.mic_test_warning = true;
      break;
    }
  }
}

ui::PrejoinView prejoin_view(App& app) {
  ui::PrejoinView v;
  const auto& local = app.call->local_media();
  const std::string name = trim_spaces(app.form.name);
  v.self.name = name.empty() ? ui::tr(ui::Text::You) : name;
  v.self.is_self = !name.empty();
  v.self.initials = initials_of(v.self.name);
  v.self.mic_on = local.has_audio;
  v.self.camera_on = local.has_video;
  v.self.video = app.preview.video();
  v.self.aspect = app.preview.aspect();
  v.self.mirror = true;
  v.has_audio = app.preview.has_meter();
  v.level = app.preview.level();
  if (local.has_video) v.camera = device_row(app, MediaDevice::Kind::Camera, local.camera_id, ui::Text::CameraDevice);
  if (local.has_audio)
    v.microphone = device_row(app, MediaDevice::Kind::Microphone, local.microphone_id, ui::Text::MicrophoneDevice);
  if (platform::WebRemoteSound::speaker_choice_supported())
    v.speaker = device_row(app, MediaDevice::Kind::Speaker, app.speaker, ui::Text::SpeakerDevice);
  fill_mic_test(app, v);
  return v;
}

// A link to a room on a server the page's server does not list: say so, and offer no join.
void check_link_server(App& app) {
  app.form.blocked = !app.servers->may_connect();
  if (!app.servers->refused().empty()) {
    app.server_error = ui::tr_with_name(ui::Text::UnknownServer, app.servers->refused());
    app.form.error = app.server_error.c_str();
  }
}

std::string server_label(const ServerEntry& s) {
  const std::string host = s.url.substr(s.url.find("//") + 2);
  return ui::tr_with_name(ui::Text::ServerRow, s.name.empty() ? std::string(ui::tr(ui::Text::ThisServer)) + " (" + host + ")" : s.name);
}

// Starts a room made on the start screen (random or named): validated there, joined at once.
void join_new_room(App& app, const std::string& room) {
  const auto name = check_display_name(app.form.name);
  if (!name) {
    app.start.error = trim_spaces(app.form.name).empty() ? ui::tr(ui::Text::NameFirst) : ui::tr(ui::Text::BadName);
    return;
  }
  if (!check_room_name(room)) {
    app.start.error = ui::tr(ui::Text::BadRoom);
    return;
  }
  app.start.error = nullptr;
  std::strncpy(app.form.room, room.c_str(), sizeof app.form.room - 1);
  app.show_start = false;
  app.open_menu_on_entry = true;
  start_join(app);
}

std::string random_room() {
  std::array<std::uint8_t, kRandomRoomBytes> bytes{};
  treff_dom_random_bytes(bytes.data(), static_cast<int>(bytes.size()));
  return random_room_name(bytes);
}

}  // namespace

void switch_language(ui::Language language) {
  ui::set_language(language);
  treff_dom_set_document_language(ui::language_tag(language));
  treff_dom_save("language", ui::language_tag(language));
}

// On the join prompt the person sees and hears what they would send, and the server is connected
// already; elsewhere nothing is watched.
bool follow_preview(App& app, double now_ms) {
  app.own_picture.follow(app.call->local_media());
  const CallPhase phase = app.call->phase();
  if (app.show_start || app.account_ui.screen != AccountScreen::None ||
      (phase != CallPhase::Idle && phase != CallPhase::Failed)) {
    app.preview.close();
    app.mic_test.cancel();
    return false;
  }
  app.call->preview(true, !app.form.audio_only);
  // Connected before "Join" is pressed: the join goes out at once. Not to a server the link may
  // not use, nor before the page knows which servers it may use.
  if (app.servers->may_connect()) app.call->warm_up(static_cast<std::int64_t>(now_ms));
  const bool tested = app.mic_test.update(now_ms);
  return app.preview.update(app.call->local_media(), app.own_picture.video(), now_ms) || tested;
}

void start_join(App& app) {
  if (app.form.blocked) return;
  std::optional<std::string> password;
  if (app.form.ask_password) password = app.form.password;
  auto status = app.call->join(app.form.room, app.form.name, true, !app.form.audio_only, std::move(password));
  if (!status) {
    app.form.error = ui::tr_problem(status.error().code);
    return;
  }
  app.form.error = nullptr;
  app.menu = ui::RoomMenu{};
  treff_dom_save("name", trim_spaces(app.form.name).c_str());
  treff_dom_show_room_path(app.form.room, app.servers->link_query().c_str());
}

void draw_entry_screens(App& app) {
  const CallPhase phase = app.call->phase();
  app.form.busy = phase == CallPhase::OpeningMedia || phase == CallPhase::Connecting || phase == CallPhase::Joining;
  if (phase == CallPhase::Failed && app.call->problem() && !app.form.error) {
    const std::string& code = app.call->problem()->code;
    app.form.error = ui::tr_problem(code);
    // A locked room: ask for its password (and keep asking after a wrong one).
    if (code == "password-required" || code == "wrong-password" || code == "too-many-attempts") {
      app.form.focus_password = !app.form.ask_password || code == "wrong-password";
      app.form.ask_password = true;
    }
  }
  if (app.show_start && phase == CallPhase::Idle) {
    const bool several = app.servers->servers().size() > 1;
    app.start.server = several ? server_label(app.servers->current()) : std::string();
    app.start.server_description = several ? app.servers->current().description : std::string();
    app.start.account_button = account_button_label(app);
    const ui::StartIntents in = ui::draw_start_screen(app.form, app.start);
    if (in.account) open_account(app);
    if (in.test_connection) open_connection_test(app, emscripten_get_now());
    if (in.next_server) app.servers->choose_next();
    if (in.language) switch_language(*in.language);
    if (in.call_now) join_new_room(app, random_room());
    else if (in.create_room) join_new_room(app, trim_spaces(app.start.new_room));
    return;
  }
  check_link_server(app);
  // Without a secure page there will be no camera and no microphone: say why before the join.
  if (!app.form.error && app.call->local_media().problem == "InsecureContextError")
    app.form.error = ui::tr(ui::Text::NeedsSecureConnection);
  const ui::JoinIntents in = ui::draw_join_screen(app.form, prejoin_view(app));
  if (in.language) switch_language(*in.language);
  if (in.audio_only_changed) treff_dom_save("audio-only", app.form.audio_only ? "1" : "");
  if (in.next_camera) switch_device(app, MediaDevice::Kind::Camera);
  if (in.next_microphone) switch_device(app, MediaDevice::Kind::Microphone);
  if (in.next_speaker) switch_device(app, MediaDevice::Kind::Speaker);
  if (in.test_microphone) {
    const auto& local = app.call->local_media();
    app.mic_test.start(emscripten_get_now(), local.has_audio, local.problem);
  }
  if (in.join) start_join(app);
}

}  // namespace treff::app
