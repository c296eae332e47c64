// The browser client's entry point: builds the platform objects, the call controller and the
// screens, and runs the frame loop. A frame is drawn only when something changed: input, a call
// event, a new video frame, or ImGui still settling after one of those.
#include <GLES3/gl3.h>
#include <emscripten.h>
#include <emscripten/html5.h>
#include <imgui.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <utility>

#include "app/call_controller.h"
#include "audio/opus_voice.h"
#include "app/input.h"
#include "app/prejoin_preview.h"
#include "app/server_choice.h"
#include "app/webgl_renderer.h"
#include "core/room_names.h"
#include "core/text_rules.h"
#include "platform/web/dom_glue.h"
#include "platform/web/event_wakeup.h"
#include "platform/web/web_audio_levels.h"
#include "platform/web/web_local_media.h"
#include "platform/web/web_message_socket.h"
#include "platform/web/web_peer_connections.h"
#include "platform/web/web_sharing.h"
#include "platform/web/web_video_frames.h"
#include "ui/automation.h"
#include "ui/catalog.h"
#include "ui/screens.h"

namespace {

using treff::CallPhase;
namespace ui = treff::ui;

std::string take_string(char* malloced) {
  std::string s(malloced ? malloced : "");
  std::free(malloced);
  return s;
}

// A participant's video as a texture, updated only when a new frame arrives.
struct VideoSlot {
  treff::platform::VideoHandle video = 0;
  treff::platform::PeerHandle peer = 0;  // 0 for the local camera
  GLuint texture = 0;
  int width = 0, height = 0;
  long frames = 0;  // frames uploaded (and so drawn, since each upload forces a redraw)
  double last_upload_ms = 0;
};

// A remote participant's sound meter, for the active-speaker decision.
struct Meter {
  treff::platform::MeterHandle meter = 0;
  treff::platform::PeerHandle peer = 0;
};

struct App {
  treff::platform::WebPeerConnections peers;
  treff::platform::WebLocalMedia media;
  treff::platform::WebVideoFrames videos;
  treff::platform::WebAudioLevels levels;
  std::map<std::string, Meter> meters;  // by participant id
  treff::app::PrejoinPreview preview{videos, levels};  // the join prompt's picture and meter
  std::string speaker;  // chosen output device id; "" for the default
  double next_level_sample_ms = 0;
  std::unique_ptr<treff::CallController> call;
  ui::JoinForm form;
  ui::StartForm start;
  bool show_start = false;         // the page was opened without a room: the start screen
  bool open_menu_on_entry = false; // a room just made here: its invite link is the next step
  ui::RoomMenu menu;
  unsigned copy_request = 0;       // the clipboard copy whose answer the menu waits for
  std::string origin;              // of the page, for invite links
  std::unique_ptr<treff::ServerChoice> servers;  // which server rooms are on
  std::string server_error;        // why a link's server is refused (form.error points here)
  std::map<std::string, VideoSlot> slots;  // by participant id
  bool call_changed = false;              // the call changed since the last drawn frame
  int settle_frames = 2;                  // ImGui needs a frame or two after input to settle
  bool video_pending = false;             // a new video frame waits to be shown
  double last_render_ms = 0;
  long frames_rendered = 0;
  std::string codec;  // "libopus 1.3.1, 108 bytes per 20 ms": proves Opus runs in the page
  double last_css_w = 0, last_css_h = 0, last_dpr = 0;
  int fb_w = 0, fb_h = 0;
};

App* app = nullptr;
constexpr double kVideoFrameIntervalMs = 50;

std::string probe_codec() {
  auto encoder = treff::audio::VoiceEncoder::create();
  if (!encoder) return encoder.error().message;
  std::vector<float> tone(treff::audio::VoiceEncoder::kFrameSamples);
  for (std::size_t i = 0; i < tone.size(); ++i)
    tone[i] = 0.3f * std::sin(2.0f * 3.14159265f * 440.0f * static_cast<float>(i) / 48000.0f);
  auto packet = encoder.value().encode(tone);
  if (!packet) return packet.error().message;
  return treff::audio::codec_version() + ", " + std::to_string(packet.value().size()) + " bytes per 20 ms";
}

void sync_video_slots() {
  const auto& room = app->call->room();
  // Close slots of people who left, and of remote people whose connection was replaced.
  for (auto it = app->slots.begin(); it != app->slots.end();) {
    const treff::Participant* p = room.find(it->first);
    const treff::RemoteMediaState* r = p && !p->is_self ? app->call->remote(p->id) : nullptr;
    const bool stale = !p || (!p->is_self && (!r || r->connection != it->second.peer));
    if (stale) {
      app->videos.close(it->second.video);
      glDeleteTextures(1, &it->second.texture);
      it = app->slots.erase(it);
    } else {
      ++it;
    }
  }
  for (const auto& p : room.thumbnails()) {
    if (app->slots.count(p.id)) continue;
    VideoSlot slot;
    if (p.is_self) {
      if (!app->call->local_media().has_video) continue;
      slot.video = app->videos.open_local();
    } else {
      const treff::RemoteMediaState* r = app->call->remote(p.id);
      if (!r || !r->has_video) continue;
      slot.peer = r->connection;
      slot.video = app->videos.open_remote(r->connection);
    }
    if (!slot.video) continue;
    slot.texture = treff::app::create_video_texture();
    app->slots[p.id] = slot;
  }
}

void sync_meters() {
  for (auto it = app->meters.begin(); it != app->meters.end();) {
    const treff::RemoteMediaState* r = app->call->remote(it->first);
    if (!r || r->connection != it->second.peer) {
      app->levels.unwatch(it->second.meter);
      it = app->meters.erase(it);
    } else {
      ++it;
    }
  }
  for (const auto& p : app->call->room().thumbnails()) {
    const treff::RemoteMediaState* r = p.is_self ? nullptr : app->call->remote(p.id);
    if (!r || !r->has_audio || app->meters.count(p.id)) continue;
    if (const auto meter = app->levels.watch_remote(r->connection)) app->meters[p.id] = Meter{meter, r->connection};
  }
}

// Ten samples a second are enough to follow speech and cost next to nothing.
void sample_audio_levels(double now_ms) {
  if (now_ms < app->next_level_sample_ms) return;
  app->next_level_sample_ms = now_ms + 100;
  for (const auto& [id, m] : app->meters) app->call->add_audio_level(id, app->levels.level(m.meter));
}

// Uploading a video frame is the most expensive thing a frame does (and blocks the page on slow
// machines), so only the person shown large gets every frame; thumbnails get a few a second.
constexpr double kThumbnailFrameIntervalMs = 200;

bool update_video_textures(double now_ms) {
  bool any = false;
  const treff::Participant* large = app->call->room().shown_large();
  for (auto& [id, slot] : app->slots) {
    const treff::Participant* p = app->call->room().find(id);
    if (!p || !p->media.camera) continue;  // initials are shown; a disabled track sends black frames
    const bool is_large = large && large->id == id;
    if (!is_large && slot.frames > 0 && now_ms - slot.last_upload_ms < kThumbnailFrameIntervalMs) continue;
    if (app->videos.update(slot.video, slot.texture, slot.width, slot.height)) {
      slot.last_upload_ms = now_ms;
      ++slot.frames;
      any = true;
    }
  }
  return any;
}

// The invite link of the room you are in.
std::string room_link() { return app->origin + "/r/" + app->call->room_name() + app->servers->link_query(); }

ui::RoomView room_view() {
  ui::RoomView v;
  const auto& room = app->call->room();
  const treff::Participant* large = room.shown_large();
  for (const auto& p : room.thumbnails()) {
    ui::Tile t;
    t.id = p.id;
    t.name = p.name;
    t.initials = treff::initials_of(p.name);
    t.is_self = p.is_self;
    t.mic_on = p.media.mic;
    t.camera_on = p.media.camera;
    t.speaking = room.active_speaker() == p.id;
    auto s = app->slots.find(p.id);
    if (s != app->slots.end() && s->second.frames > 0) {
      t.texture = reinterpret_cast<ImTextureID>(static_cast<std::uintptr_t>(s->second.texture));
      t.aspect = static_cast<float>(s->second.width) / static_cast<float>(std::max(1, s->second.height));
    }
    if (large && large->id == p.id) v.large = static_cast<int>(v.tiles.size());
    v.tiles.push_back(std::move(t));
  }
  const auto& local = app->call->local_media();
  v.has_mic = local.has_audio;
  v.link = room_link();
  v.can_share = treff::platform::share_sheet_available();
  v.mic_on = local.mic_on;
  v.has_camera = local.has_video;
  v.camera_on = local.camera_on;
  v.locked = app->call->room_info().locked;
  v.is_host = app->call->is_host();
  if (const treff::Participant* host = room.find(app->call->room_info().host)) v.host_name = host->name;
  if (app->call->phase() == CallPhase::Reconnecting) v.notice = ui::tr(ui::Text::Reconnecting);
  if (!local.problem.empty()) {
    if (!local.has_audio && !local.has_video) {
      v.help.push_back(ui::tr(ui::Text::NoDevices));
    } else {
      v.help.push_back(ui::tr(ui::Text::NoCameraAllowed));
    }
    if (local.problem == "NotAllowedError") {
      v.help.push_back(ui::tr(ui::Text::HowToAllowFirefox));
      v.help.push_back(ui::tr(ui::Text::HowToAllowChrome));
    }
  }
  return v;
}

using treff::platform::MediaDevice;

// "Camera: <name of the one in use>"; "" when the browser lists no device of the kind.
std::string device_row(MediaDevice::Kind kind, const std::string& in_use, ui::Text caption) {
  const MediaDevice* shown = nullptr;
  for (const auto& d : app->call->devices()) {
    if (d.kind != kind) continue;
    if (!shown || d.id == in_use) shown = &d;
    if (d.id == in_use) break;
  }
  if (!shown) return {};
  return ui::tr_with_name(caption, shown->label.empty() ? ui::tr(ui::Text::DefaultDevice) : shown->label);
}

// The device of `kind` listed after `current` (round the list); "" when there is none.
std::string next_device(MediaDevice::Kind kind, const std::string& current) {
  std::vector<std::string> ids;
  for (const auto& d : app->call->devices())
    if (d.kind == kind) ids.push_back(d.id);
  if (ids.empty()) return {};
  auto it = std::find(ids.begin(), ids.end(), current);
  if (it == ids.end()) it = ids.begin();  // "" (the default) is shown as the first one
  return std::next(it) == ids.end() ? ids.front() : *std::next(it);
}

// A device picked on the join prompt: used from now on, and remembered for next time.
void switch_device(MediaDevice::Kind kind) {
  const auto& local = app->call->local_media();
  treff::platform::DeviceChoice choice{local.microphone_id, local.camera_id};
  if (kind == MediaDevice::Kind::Microphone) {
    choice.microphone = next_device(kind, local.microphone_id);
    treff_dom_save("microphone", choice.microphone.c_str());
  } else if (kind == MediaDevice::Kind::Camera) {
    choice.camera = next_device(kind, local.camera_id);
    treff_dom_save("camera", choice.camera.c_str());
  } else {
    app->speaker = next_device(kind, app->speaker);
    app->videos.set_speaker(app->speaker);
    treff_dom_save("speaker", app->speaker.c_str());
    return;
  }
  app->call->choose_devices(choice);
}

ui::PrejoinView prejoin_view() {
  ui::PrejoinView v;
  const auto& local = app->call->local_media();
  const std::string name = treff::trim_spaces(app->form.name);
  v.self.name = name.empty() ? ui::tr(ui::Text::You) : name;
  v.self.is_self = !name.empty();
  v.self.initials = treff::initials_of(v.self.name);
  v.self.mic_on = local.has_audio;
  v.self.camera_on = local.has_video;
  if (const GLuint texture = app->preview.texture()) {
    v.self.texture = reinterpret_cast<ImTextureID>(static_cast<std::uintptr_t>(texture));
    v.self.aspect = app->preview.aspect();
  }
  v.has_audio = app->preview.has_meter();
  v.level = app->preview.level();
  if (local.has_video) v.camera = device_row(MediaDevice::Kind::Camera, local.camera_id, ui::Text::CameraDevice);
  if (local.has_audio)
    v.microphone = device_row(MediaDevice::Kind::Microphone, local.microphone_id, ui::Text::MicrophoneDevice);
  if (treff::platform::WebVideoFrames::speaker_choice_supported())
    v.speaker = device_row(MediaDevice::Kind::Speaker, app->speaker, ui::Text::SpeakerDevice);
  return v;
}

// On the join prompt the person sees and hears what they would send; elsewhere nothing is watched.
bool follow_preview(double now_ms) {
  const CallPhase phase = app->call->phase();
  if (app->show_start || (phase != CallPhase::Idle && phase != CallPhase::Failed)) {
    app->preview.close();
    return false;
  }
  app->call->preview(true, !app->form.audio_only);
  return app->preview.update(app->call->local_media(), now_ms);
}

// A link to a room on a server the page's server does not list: say so, and offer no join.
void check_link_server() {
  const bool refused = !app->servers->refused().empty();
  app->form.blocked = refused || !app->servers->ready();
  if (refused) {
    app->server_error = ui::tr_with_name(ui::Text::UnknownServer, app->servers->refused());
    app->form.error = app->server_error.c_str();
  }
}

std::string server_label(const treff::ServerEntry& s) {
  const std::string host = s.url.substr(s.url.find("//") + 2);
  return ui::tr_with_name(ui::Text::ServerRow, s.name.empty() ? std::string(ui::tr(ui::Text::ThisServer)) + " (" + host + ")" : s.name);
}

void start_join() {
  if (app->form.blocked) return;
  std::optional<std::string> password;
  if (app->form.ask_password) password = app->form.password;
  auto status = app->call->join(app->form.room, app->form.name, true, !app->form.audio_only, std::move(password));
  if (!status) {
    app->form.error = ui::tr_problem(status.error().code);
    return;
  }
  app->form.error = nullptr;
  app->menu = ui::RoomMenu{};
  treff_dom_save("name", treff::trim_spaces(app->form.name).c_str());
  treff_dom_show_room_path(app->form.room, app->servers->link_query().c_str());
}

// Starts a room made on the start screen (random or named): validated there, joined at once.
void join_new_room(const std::string& room) {
  const auto name = treff::check_display_name(app->form.name);
  if (!name) {
    app->start.error = treff::trim_spaces(app->form.name).empty() ? ui::tr(ui::Text::NameFirst) : ui::tr(ui::Text::BadName);
    return;
  }
  if (!treff::check_room_name(room)) {
    app->start.error = ui::tr(ui::Text::BadRoom);
    return;
  }
  app->start.error = nullptr;
  std::strncpy(app->form.room, room.c_str(), sizeof app->form.room - 1);
  app->show_start = false;
  app->open_menu_on_entry = true;
  start_join();
}

std::string random_room() {
  std::array<std::uint8_t, treff::kRandomRoomBytes> bytes{};
  treff_dom_random_bytes(bytes.data(), static_cast<int>(bytes.size()));
  return treff::random_room_name(bytes);
}

void switch_language(ui::Language language) {
  ui::set_language(language);
  treff_dom_set_document_language(ui::language_tag(language));
  treff_dom_save("language", ui::language_tag(language));
}

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

const char* connection_name(treff::platform::ConnectionState c) {
  switch (c) {
    case treff::platform::ConnectionState::New: return "new";
    case treff::platform::ConnectionState::Connecting: return "connecting";
    case treff::platform::ConnectionState::Connected: return "connected";
    case treff::platform::ConnectionState::Disconnected: return "disconnected";
    case treff::platform::ConnectionState::Failed: return "failed";
    case treff::platform::ConnectionState::Closed: return "closed";
  }
  return "new";
}

// Read-only state for tests and tools: window.treff.state().
void publish_state() {
  const auto& room = app->call->room();
  const treff::Participant* large = room.shown_large();
  nlohmann::json people = nlohmann::json::array();
  for (const auto& p : room.thumbnails()) {
    auto s = app->slots.find(p.id);
    people.push_back({{"id", p.id},
                      {"name", p.name},
                      {"self", p.is_self},
                      {"mic", p.media.mic},
                      {"camera", p.media.camera},
                      {"large", large && large->id == p.id},
                      {"speaking", room.active_speaker() == p.id},
                      {"framesDrawn", s == app->slots.end() ? 0 : s->second.frames}});
    // A remote's peer connection state, so a test that waits in vain can say which link is stuck.
    if (const treff::RemoteMediaState* r = app->call->remote(p.id)) people.back()["connection"] = connection_name(r->state);
  }
  const auto& local = app->call->local_media();
  nlohmann::json state{{"phase", phase_name(app->call->phase())},
                       {"room", app->call->room_name()},
                       {"participants", people},
                       {"local", {{"audio", local.has_audio}, {"video", local.has_video}, {"problem", local.problem}}},
                       {"problem", app->call->problem() ? app->call->problem()->code : ""},
                       {"framesRendered", app->frames_rendered},
                       {"preview", {{"frames", app->preview.frames()}, {"level", app->preview.level()}}},
                       {"codec", app->codec}};
  treff_dom_publish_state(state.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace).c_str());
}

void draw_screens() {
  const CallPhase phase = app->call->phase();
  if (phase == CallPhase::InRoom || phase == CallPhase::Reconnecting) {
    ui::RoomMenu& menu = app->menu;
    if (std::exchange(app->open_menu_on_entry, false)) menu.open = menu.focus_first = true;
    const ui::RoomIntents in = ui::draw_room_screen(room_view(), menu);
    if (in.toggle_menu) {
      menu.open = !menu.open;
      menu.focus_first = menu.open;
      menu.error = nullptr;
    }
    if (in.lock) {
      const auto status = app->call->lock_room(menu.password);
      menu.error = status ? nullptr : ui::tr_problem(status.error().code);
      if (status) menu.password[0] = '\0';
    }
    if (in.unlock) app->call->unlock_room();
    if (in.copy_link) {
      app->copy_request = treff::platform::copy_to_clipboard(room_link());
      menu.invite = ui::InviteStatus::None;
    }
    if (in.share_link) treff::platform::open_share_sheet(ui::tr(ui::Text::AppName), room_link());
    if (in.pick) app->call->pick(*in.pick);
    if (in.toggle_mic) app->call->set_mic(!app->call->local_media().mic_on);
    if (in.toggle_camera) app->call->set_camera(!app->call->local_media().camera_on);
    if (in.leave) app->call->leave();
  } else if (phase == CallPhase::Left) {
    if (ui::draw_left_screen(ui::tr(ui::Text::LeftTitle))) start_join();
  } else {
    app->form.busy = phase == CallPhase::OpeningMedia || phase == CallPhase::Connecting || phase == CallPhase::Joining;
    if (phase == CallPhase::Failed && app->call->problem() && !app->form.error) {
      const std::string& code = app->call->problem()->code;
      app->form.error = ui::tr_problem(code);
      // A locked room: ask for its password (and keep asking after a wrong one).
      if (code == "password-required" || code == "wrong-password" || code == "too-many-attempts") {
        app->form.focus_password = !app->form.ask_password || code == "wrong-password";
        app->form.ask_password = true;
      }
    }
    if (app->show_start && phase == CallPhase::Idle) {
      const bool several = app->servers->servers().size() > 1;
      app->start.server = several ? server_label(app->servers->current()) : std::string();
      app->start.server_description = several ? app->servers->current().description : std::string();
      const ui::StartIntents in = ui::draw_start_screen(app->form, app->start);
      if (in.next_server) app->servers->choose_next();
      if (in.language) switch_language(*in.language);
      if (in.call_now) join_new_room(random_room());
      else if (in.create_room) join_new_room(treff::trim_spaces(app->start.new_room));
      return;
    }
    check_link_server();
    const ui::JoinIntents in = ui::draw_join_screen(app->form, prejoin_view());
    if (in.language) switch_language(*in.language);
    if (in.audio_only_changed) treff_dom_save("audio-only", app->form.audio_only ? "1" : "");
    if (in.next_camera) switch_device(MediaDevice::Kind::Camera);
    if (in.next_microphone) switch_device(MediaDevice::Kind::Microphone);
    if (in.next_speaker) switch_device(MediaDevice::Kind::Speaker);
    if (in.join) start_join();
  }
}

// The canvas is laid out by CSS; its backing store follows at device resolution (sharp on HiDPI).
// True when the size changed.
bool follow_canvas_size() {
  double css_w = 0, css_h = 0;
  emscripten_get_element_css_size("#canvas", &css_w, &css_h);
  const double dpr = emscripten_get_device_pixel_ratio();
  if (css_w == app->last_css_w && css_h == app->last_css_h && dpr == app->last_dpr) return false;
  app->fb_w = static_cast<int>(css_w * dpr + 0.5), app->fb_h = static_cast<int>(css_h * dpr + 0.5);
  emscripten_set_canvas_element_size("#canvas", app->fb_w, app->fb_h);
  app->last_css_w = css_w, app->last_css_h = css_h, app->last_dpr = dpr;
  return true;
}

// Lets the call take what happened (events, timers) and follows it with videos and meters. Runs at
// every frame and, through the wake handler, as soon as a browser event arrives.
void advance_call() {
  if (!app->call->tick(static_cast<std::int64_t>(emscripten_get_now()))) return;
  sync_video_slots();
  sync_meters();
  app->call_changed = true;
}

void frame() {
  const double now = emscripten_get_now();
  sample_audio_levels(now);
  advance_call();
  bool dirty = std::exchange(app->call_changed, false);
  // The Opus check costs a few tens of ms: not before the join prompt is on screen.
  if (app->codec.empty() && app->frames_rendered > 0) {
    app->codec = probe_codec();
    dirty = true;
  }
  app->video_pending |= update_video_textures(now);
  app->video_pending |= follow_preview(now);
  dirty |= treff::app::apply_queued_input();
  for (const auto& [request, copied] : treff::platform::take_clipboard_answers()) {
    if (request != app->copy_request) continue;  // an older press; the latest one counts
    app->menu.invite = copied ? ui::InviteStatus::Copied : ui::InviteStatus::CopyFailed;
    app->menu.select_link = !copied;
    dirty = true;
  }
  dirty |= ui::automation::has_requests();  // the DOM mirror pressed or typed something

  dirty |= follow_canvas_size();
  if (dirty) app->settle_frames = 2;
  // New video alone is drawn once, and at most 20 times a second however many people send it:
  // several streams would otherwise each trigger their own redraw.
  const bool show_video = app->video_pending && now - app->last_render_ms >= kVideoFrameIntervalMs;
  if (app->settle_frames <= 0 && !show_video) return;
  if (app->settle_frames > 0) --app->settle_frames;
  app->video_pending = false;
  app->last_render_ms = now;

  ImGuiIO& io = ImGui::GetIO();
  const float dpr = static_cast<float>(app->last_dpr);
  io.DisplaySize = ImVec2(static_cast<float>(app->last_css_w), static_cast<float>(app->last_css_h));
  io.DisplayFramebufferScale = ImVec2(dpr, dpr);
  io.DeltaTime = 1.0f / 60.0f;
  ui::automation::begin_frame();
  ImGui::NewFrame();
  draw_screens();
  ImGui::Render();
  ui::automation::end_frame();
  treff::app::webgl_renderer_draw(ImGui::GetDrawData(), app->fb_w, app->fb_h);
  ++app->frames_rendered;
  publish_state();
  treff_mirror_publish(ui::automation::to_json().c_str());
}

}  // namespace

// wasm/dom.js: the page's server answered /servers.json (text "" when it could not).
extern "C" EMSCRIPTEN_KEEPALIVE void treff_servers_loaded(const char* json_text) {
  if (!app || !app->servers) return;
  app->servers->set_list(json_text);
  app->call_changed = true;
}

int main() {
  EmscriptenWebGLContextAttributes attrs;
  emscripten_webgl_init_context_attributes(&attrs);
  attrs.majorVersion = 2;  // WebGL2: GLSL ES 3.00 for the ImGui renderer
  attrs.alpha = false;
  attrs.antialias = false;
  app = new App();
  follow_canvas_size();  // before the context exists: resizing it afterwards costs a frame's time
  const EMSCRIPTEN_WEBGL_CONTEXT_HANDLE gl = emscripten_webgl_create_context("#canvas", &attrs);
  if (gl <= 0) return 1;
  emscripten_webgl_make_context_current(gl);

  app->call = std::make_unique<treff::CallController>(app->peers, app->media, [] {
    return std::unique_ptr<treff::platform::MessageSocket>(
        treff::platform::WebMessageSocket::open(app->servers->signaling_url()));
  });
  // A language picked here before wins over the browser's.
  const std::string stored_language = take_string(treff_dom_load("language"));
  ui::set_language(ui::language_from_tag(stored_language.empty() ? take_string(treff_dom_language()) : stored_language));
  app->origin = take_string(treff_dom_origin());
  app->servers = std::make_unique<treff::ServerChoice>(app->origin, take_string(treff_dom_server_from_query()));
  treff_dom_fetch_servers();
  treff_dom_set_document_language(ui::language_tag(ui::language()));
  std::strncpy(app->form.name, take_string(treff_dom_load("name")).c_str(), sizeof app->form.name - 1);
  std::strncpy(app->form.room, take_string(treff_dom_room_from_path()).c_str(), sizeof app->form.room - 1);
  app->show_start = app->form.room[0] == '\0';
  app->form.audio_only = take_string(treff_dom_load("audio-only")) == "1";
  app->call->choose_devices({take_string(treff_dom_load("microphone")), take_string(treff_dom_load("camera"))});
  app->speaker = take_string(treff_dom_load("speaker"));
  app->videos.set_speaker(app->speaker);

  IMGUI_CHECKVERSION();
  ImGui::CreateContext();
  ui::automation::enable();
  ImGuiIO& io = ImGui::GetIO();
  io.IniFilename = nullptr;  // nothing to persist in the browser's virtual file system
  ui::load_fonts(static_cast<float>(emscripten_get_device_pixel_ratio()));
  ui::apply_theme(1.0f);
  if (!treff::app::webgl_renderer_init()) return 1;
  treff::app::install_input_handlers("#canvas");
  treff::platform::set_wake_handler(advance_call);

  publish_state();
  emscripten_set_main_loop(frame, 0, false);
  // A timer, not requestAnimationFrame: animation frames are paced by the compositor, and when
  // it is busy (software rendering, many videos) input and call events would wait for it.
  emscripten_set_main_loop_timing(EM_TIMING_SETTIMEOUT, 16);
  frame();  // the join prompt now, not one timer tick later
  return 0;
}
