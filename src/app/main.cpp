// The browser client's entry point: builds the platform objects, the call controller and the
// screens, and runs the frame loop. A frame is drawn only when something changed: input, a call
// event, a first picture or a picture's new shape, or ImGui still settling after one of those.
// New video frames are not among them: the browser shows the videos under the canvas.
#include <GLES3/gl3.h>
#include <emscripten.h>
#include <emscripten/html5.h>
#include <imgui.h>

#include <algorithm>
#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <memory>
#include <string>
#include <utility>

#include "app/account_flow.h"
#include "app/call_recording_flow.h"
#include "app/calling_flow.h"
#include "app/client_app.h"
#include "app/connection_flow.h"
#include "app/entry_flow.h"
#include "app/input.h"
#include "app/media_slots.h"
#include "app/state_export.h"
#include "app/voice_mail_flow.h"
#include "app/webgl_renderer.h"
#include "audio/opus_voice.h"
#include "core/text_rules.h"
#include "platform/web/dom_glue.h"
#include "platform/web/event_wakeup.h"
#include "platform/web/web_attention.h"
#include "platform/web/web_message_socket.h"
#include "platform/web/web_sharing.h"
#include "platform/web/web_text_images.h"
#include "ui/any_text.h"
#include "ui/automation.h"
#include "ui/catalog.h"
#include "ui/screen_scroll.h"
#include "ui/screens.h"
#include "ui/video_layer.h"

namespace {

using treff::CallPhase;
namespace ui = treff::ui;

using treff::platform::take_string;
using namespace treff::app;  // App and the parts of its work: media_slots, entry_flow, account_flow, state_export
App* app = nullptr;

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
    t.mirror = p.is_self;
    auto s = app->slots.find(p.id);
    if (s != app->slots.end() && s->second.status.frames > 0) {
      t.video = s->second.video;
      t.aspect = static_cast<float>(s->second.status.width) / static_cast<float>(std::max(1, s->second.status.height));
    }
    if (const treff::RemoteMediaState* r = app->call->remote(p.id)) {
      if (r->trouble == treff::LinkTrouble::Retrying) t.notice = ui::tr_with_name(ui::Text::NoConnectionRetrying, p.name);
      if (r->trouble == treff::LinkTrouble::GaveUp) t.notice = ui::tr_with_name(ui::Text::NoConnectionGaveUp, p.name);
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
  v.sound_blocked = std::any_of(app->sounds.begin(), app->sounds.end(), [](const auto& s) { return s.second.blocked; });
  v.locked = app->call->room_info().locked;
  v.is_host = app->call->is_host();
  if (const treff::Participant* host = room.find(app->call->room_info().host)) v.host_name = host->name;
  if (app->call->phase() == CallPhase::Reconnecting) v.notice = ui::tr(ui::Text::Reconnecting);
  if (local.problem == "InsecureContextError") {
    v.help.push_back(ui::tr(ui::Text::NeedsSecureConnection));
  } else if (!local.problem.empty()) {
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
  v.ringing = treff::app::ring_bar(*app, emscripten_get_now());
  treff::app::show_recording(*app, v, emscripten_get_now());
  if (app->menu.open) treff::app::show_colleagues(*app, v);
  return v;
}

void draw_screens() {
  const CallPhase phase = app->call->phase();
  const double now = emscripten_get_now();
  const bool in_call = phase == CallPhase::InRoom || phase == CallPhase::Reconnecting;
  if (!in_call && treff::app::draw_incoming_ring(*app, now)) return;  // a contact rings: that comes first
  if (in_call) {
    ui::RoomMenu& menu = app->menu;
    if (std::exchange(app->open_menu_on_entry, false)) menu.open = menu.focus_first = true;
    const ui::RoomIntents in = ui::draw_room_screen(room_view(), menu, app->thumbnail_pages);
    choose_video_sizes(*app, in.shown_heights, app->last_dpr);
    if (in.toggle_menu || in.close_menu) {
      menu.open = in.toggle_menu && !menu.open;
      if (menu.open) treff::app::load_colleagues(*app);
      menu.focus_first = menu.open;
      menu.focus_button = in.close_menu;
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
    if (in.stop_ringing) treff::app::stop_ringing(*app);
    if (in.toggle_recording) treff::app::toggle_recording(*app, now);
    if (in.call_colleague) treff::app::call_colleague(*app, *in.call_colleague, now);
    if (in.hear_others) app->sound.resume();
  } else if (phase == CallPhase::Left && app->account_ui.screen == treff::app::AccountScreen::None) {
    if (ui::draw_left_screen(ui::tr(ui::Text::LeftTitle))) start_join(*app);
  } else if (treff::app::draw_connection_test(*app, now)) {
    // "Test connection" opened from the start, login or contacts screen
  } else if (!draw_account_screens(*app, now)) {
    draw_entry_screens(*app);
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
  // Zooming changes the ratio: the letters are rasterised again for it, so they stay sharp.
  if (dpr != app->last_dpr && app->last_dpr != 0 && ImGui::GetCurrentContext()) {
    ui::load_fonts(static_cast<float>(dpr));
    treff::app::webgl_renderer_reload_fonts();
  }
  app->last_css_w = css_w, app->last_css_h = css_h, app->last_dpr = dpr;
  return true;
}

// Lets the call take what happened (events, timers) and follows it with videos and meters. Runs at
// every frame and, through the wake handler, as soon as a browser event arrives.
void advance_call() {
  if (!app->call->tick(static_cast<std::int64_t>(emscripten_get_now()))) return;
  sync_video_slots(*app);
  sync_sounds(*app);
  sync_meters(*app);
  app->call_changed = true;
}

// Hands the browser where the pictures go, when that changed: the videos move with the canvas
// drawn in this same task, so they are composited together.
void place_videos() {
  std::vector<treff::platform::VideoRect> placed;
  // A pixel larger all round than its hole: the hole's antialiased edge then shows the picture,
  // never the page behind it; the canvas covers the rest.
  for (const auto& p : ui::video_layer::pictures())
    placed.push_back({p.video, p.min.x - 1, p.min.y - 1, p.max.x - p.min.x + 2, p.max.y - p.min.y + 2, p.radius + 1, p.mirror});
  if (placed == app->placed) return;
  app->videos.place(placed);
  app->placed = std::move(placed);
}

void frame() {
  const double now = emscripten_get_now();
  sample_audio_levels(*app, now);
  advance_call();
  bool dirty = std::exchange(app->call_changed, false);
  dirty |= take_sound_events(*app);
  dirty |= follow_video_status(*app, now);
  dirty |= follow_preview(*app, now);
  dirty |= treff::app::apply_queued_input();
  dirty |= follow_accounts(*app, now);
  dirty |= treff::app::follow_calling(*app, now);
  dirty |= treff::app::follow_connection_test(*app, now);
  dirty |= treff::app::follow_voice_mail(*app, now);
  dirty |= treff::app::follow_recording(*app, now);
  for (const auto& [request, copied] : treff::platform::take_clipboard_answers()) {
    if (request == app->account_ui.copy_request) dirty = true;  // the invitation link, copied
    if (request != app->copy_request) continue;  // an older press; the latest one counts
    app->menu.invite = copied ? ui::InviteStatus::Copied : ui::InviteStatus::CopyFailed;
    app->menu.select_link = !copied;
    dirty = true;
  }
  dirty |= ui::automation::has_requests();  // the DOM mirror pressed or typed something
  dirty |= ui::scroll::take_moved();

  dirty |= follow_canvas_size();
  if (dirty) app->settle_frames = 2;
  if (app->settle_frames <= 0) return;
  --app->settle_frames;

  ImGuiIO& io = ImGui::GetIO();
  const float dpr = static_cast<float>(app->last_dpr);
  io.DisplaySize = ImVec2(static_cast<float>(app->last_css_w), static_cast<float>(app->last_css_h));
  io.DisplayFramebufferScale = ImVec2(dpr, dpr);
  io.DeltaTime = 1.0f / 60.0f;
  ui::automation::begin_frame();
  ui::video_layer::begin_frame();
  ImGui::NewFrame();
  draw_screens();
  ImGui::Render();
  ++app->frames_laid_out;
  ui::automation::end_frame();
  ui::end_any_text_frame();
  if (treff::app::webgl_renderer_draw(ImGui::GetDrawData(), app->fb_w, app->fb_h)) ++app->frames_rendered;
  place_videos();
  // What is on screen still changes (a menu that opened asks for focus in its second frame, a
  // layout that follows a new size): one more frame, until it holds still. Nothing else (no new
  // video frame) draws again.
  std::string tree = ui::automation::to_json();
  if (tree != app->last_tree) app->settle_frames = std::max(app->settle_frames, 1);
  treff_mirror_publish(tree.c_str());
  app->last_tree = std::move(tree);
}

}  // namespace

// window.treff.checkCodec(), for tests and support: encodes one 20 ms frame with the libopus
// compiled into the page ("libopus 1.3.1, 108 bytes per 20 ms"). Only when asked: it costs a
// few tens of ms. The text stays valid until the next call.
extern "C" EMSCRIPTEN_KEEPALIVE const char* treff_check_codec() {
  static std::string result;
  result = treff::audio::check_codec();
  return result.c_str();
}

// window.treff.state() (wasm/dom.js): the client's state as JSON, made now. Valid until the next call.
extern "C" EMSCRIPTEN_KEEPALIVE const char* treff_state() {
  static std::string json;
  json = app ? state_json(*app) : "null";
  return json.c_str();
}

// wasm/dom.js: the system's contrast preference changed (an accessibility setting).
extern "C" EMSCRIPTEN_KEEPALIVE void treff_contrast_changed(int more) {
  if (!app || !ImGui::GetCurrentContext()) return;
  app->more_contrast = more != 0;
  ui::apply_theme(1.0f, app->more_contrast);
  app->call_changed = true;
}

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
  attrs.alpha = true;  // transparent where the videos beneath show (ui/video_layer.h)
  attrs.antialias = false;
  app = new App();
  follow_canvas_size();  // before the context exists: resizing it afterwards costs a frame's time
  const EMSCRIPTEN_WEBGL_CONTEXT_HANDLE gl = emscripten_webgl_create_context("#canvas", &attrs);
  if (gl <= 0) return 1;
  emscripten_webgl_make_context_current(gl);

  app->call = std::make_unique<treff::CallController>(
      app->peers, app->media,
      [](const std::string& url, const std::string& subprotocol) {
        return std::unique_ptr<treff::platform::MessageSocket>(treff::platform::WebMessageSocket::open(
            url.empty() ? app->servers->signaling_url() : url, subprotocol));
      },
      treff::CallShape::following([] { return app->servers->kind(); }));
  // The line goes to the page's own server, where the accounts are, whichever server rooms are on.
  app->line = std::make_unique<treff::CallingLine>([] {
    return std::unique_ptr<treff::platform::MessageSocket>(
        treff::platform::WebMessageSocket::open(treff::signaling_url_of(app->servers->servers().front().url)));
  });
  treff::platform::prepare_attention();  // the first click unlocks the ring tone
  // A language picked here before wins over the browser's.
  const std::string stored_language = take_string(treff_dom_load("language"));
  ui::set_language(ui::language_from_tag(stored_language.empty() ? take_string(treff_dom_language()) : stored_language));
  app->origin = take_string(treff_dom_origin());
  app->servers = std::make_unique<treff::ServerChoice>(app->origin, take_string(treff_dom_server_from_query()));
  treff_dom_fetch_servers();
  treff_dom_offer_codec_check();
  treff_dom_set_document_language(ui::language_tag(ui::language()));
  std::strncpy(app->form.name, take_string(treff_dom_load("name")).c_str(), sizeof app->form.name - 1);
  std::strncpy(app->form.room, take_string(treff_dom_room_from_path()).c_str(), sizeof app->form.room - 1);
  app->show_start = app->form.room[0] == '\0';
  start_accounts(*app);  // after show_start: a page opened without a room shows the contacts
  app->form.audio_only = take_string(treff_dom_load("audio-only")) == "1";
  app->call->choose_devices({take_string(treff_dom_load("microphone")), take_string(treff_dom_load("camera"))});
  app->speaker = take_string(treff_dom_load("speaker"));
  app->sound.set_speaker(app->speaker);

  IMGUI_CHECKVERSION();
  ImGui::CreateContext();
  ui::automation::enable();
  ImGuiIO& io = ImGui::GetIO();
  io.IniFilename = nullptr;  // nothing to persist in the browser's virtual file system
  ui::load_fonts(static_cast<float>(emscripten_get_device_pixel_ratio()));
  app->more_contrast = treff_dom_more_contrast() != 0;
  ui::apply_theme(1.0f, app->more_contrast);
  if (!treff::app::webgl_renderer_init()) return 1;
  ui::set_text_image_maker({[](const std::string& text, float px, float scale, float wrap, bool rtl) {
                              const unsigned texture = treff::app::create_image_texture();
                              const auto r = treff::platform::render_text(text, px, scale, wrap, rtl, texture);
                              return ui::TextImage{reinterpret_cast<ImTextureID>(static_cast<std::uintptr_t>(texture)),
                                                   ImVec2(r.width, r.height)};
                            },
                            [](ImTextureID texture) {
                              treff::app::delete_image_texture(
                                  static_cast<unsigned>(reinterpret_cast<std::uintptr_t>(texture)));
                            }});
  treff::app::install_input_handlers("#canvas");
  treff::platform::set_wake_handler(advance_call);

  treff_dom_offer_state();
  emscripten_set_main_loop(frame, 0, false);
  // A timer, not requestAnimationFrame: animation frames are paced by the compositor, and when
  // it is busy (software rendering, many videos) input and call events would wait for it.
  emscripten_set_main_loop_timing(EM_TIMING_SETTIMEOUT, 16);
  frame();  // the join prompt now, not one timer tick later
  return 0;
}
