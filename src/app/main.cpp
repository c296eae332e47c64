// The browser client's entry point. For now a minimal page that proves the pieces work together
// in one .wasm: Dear ImGui on WebGL2, the core protocol (nlohmann_json) over the server's
// WebSocket, and libopus.
#include <GLES3/gl3.h>
#include <emscripten.h>
#include <emscripten/html5.h>
#include <imgui.h>
#include <imgui_impl_opengl3.h>
#include <nlohmann/json.hpp>

#include <cmath>
#include <memory>
#include <string>

#include "audio/opus_voice.h"
#include "core/protocol.h"
#include "platform/web/dom_glue.h"
#include "platform/web/web_message_socket.h"

namespace {

using treff::platform::SocketEvent;

struct App {
  EMSCRIPTEN_WEBGL_CONTEXT_HANDLE gl = 0;
  std::unique_ptr<treff::platform::WebMessageSocket> socket;
  std::string connection = "connecting";
  std::string server_agent;
  std::string last_error;
  std::string opus_version;
  int opus_frame_bytes = 0;
  long frames_drawn = 0;
};

App app;

// One 20 ms frame of a 440 Hz tone through the Opus encoder: proves libopus runs in the page.
void probe_opus() {
  app.opus_version = treff::audio::codec_version();
  auto encoder = treff::audio::VoiceEncoder::create();
  if (!encoder) return;
  std::vector<float> tone(treff::audio::VoiceEncoder::kFrameSamples);
  for (std::size_t i = 0; i < tone.size(); ++i)
    tone[i] = 0.3f * std::sin(2.0f * 3.14159265f * 440.0f * static_cast<float>(i) / 48000.0f);
  auto packet = encoder.value().encode(tone);
  if (packet) app.opus_frame_bytes = static_cast<int>(packet.value().size());
}

void handle_socket_events() {
  for (auto& e : app.socket->take_events()) {
    switch (e.kind) {
      case SocketEvent::Kind::Opened:
        app.connection = "connected";
        app.socket->send(treff::proto::serialize(treff::proto::ClientMessage{treff::proto::Hello{"treff-web/0.1"}}));
        break;
      case SocketEvent::Kind::Message: {
        auto m = treff::proto::parse_server_message(e.text);
        if (!m) {
          app.last_error = m.error().message;
        } else if (auto* w = std::get_if<treff::proto::Welcome>(&m.value())) {
          app.server_agent = w->agent;
        }
        break;
      }
      case SocketEvent::Kind::Closed:
        app.connection = "closed";
        break;
    }
  }
}

void publish_state() {
  nlohmann::json state{{"connection", app.connection}, {"server", app.server_agent},
                       {"opus", app.opus_version},     {"opusFrameBytes", app.opus_frame_bytes},
                       {"framesDrawn", app.frames_drawn}, {"error", app.last_error}};
  treff_dom_publish_state(state.dump().c_str());
}

void frame() {
  handle_socket_events();

  // The canvas is laid out by CSS; its backing store follows at device resolution (sharp on HiDPI).
  double css_w = 0, css_h = 0;
  emscripten_get_element_css_size("#canvas", &css_w, &css_h);
  const double dpr = emscripten_get_device_pixel_ratio();
  const int fb_w = static_cast<int>(css_w * dpr + 0.5), fb_h = static_cast<int>(css_h * dpr + 0.5);
  int cur_w = 0, cur_h = 0;
  emscripten_get_canvas_element_size("#canvas", &cur_w, &cur_h);
  if (cur_w != fb_w || cur_h != fb_h) emscripten_set_canvas_element_size("#canvas", fb_w, fb_h);

  ImGuiIO& io = ImGui::GetIO();
  io.DisplaySize = ImVec2(static_cast<float>(css_w), static_cast<float>(css_h));
  io.DisplayFramebufferScale = ImVec2(static_cast<float>(dpr), static_cast<float>(dpr));
  io.DeltaTime = 1.0f / 60.0f;
  ImGui_ImplOpenGL3_NewFrame();
  ImGui::NewFrame();
  const ImGuiViewport* vp = ImGui::GetMainViewport();
  ImGui::SetNextWindowPos(vp->WorkPos);
  ImGui::SetNextWindowSize(vp->WorkSize);
  ImGui::Begin("Treff", nullptr, ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove);
  ImGui::TextUnformatted("Treff");
  ImGui::Separator();
  ImGui::Text("Server: %s", app.server_agent.empty() ? app.connection.c_str() : app.server_agent.c_str());
  ImGui::Text("Codec: %s (%d bytes per 20 ms)", app.opus_version.c_str(), app.opus_frame_bytes);
  if (!app.last_error.empty()) ImGui::TextUnformatted(app.last_error.c_str());
  ImGui::End();
  ImGui::Render();

  glViewport(0, 0, fb_w, fb_h);
  glClearColor(0.96f, 0.96f, 0.94f, 1.0f);
  glClear(GL_COLOR_BUFFER_BIT);
  ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData());
  ++app.frames_drawn;
  publish_state();
}

}  // namespace

int main() {
  EmscriptenWebGLContextAttributes attrs;
  emscripten_webgl_init_context_attributes(&attrs);
  attrs.majorVersion = 2;  // WebGL2: GLSL ES 3.00 for the ImGui renderer
  attrs.alpha = false;
  attrs.antialias = false;
  app.gl = emscripten_webgl_create_context("#canvas", &attrs);
  if (app.gl <= 0) return 1;
  emscripten_webgl_make_context_current(app.gl);

  IMGUI_CHECKVERSION();
  ImGui::CreateContext();
  ImGui::GetIO().IniFilename = nullptr;  // nothing to persist in the browser's virtual file system
  ImGui::StyleColorsLight();
  ImGui_ImplOpenGL3_Init("#version 300 es");

  probe_opus();
  app.socket = treff::platform::WebMessageSocket::open(treff::platform::same_origin_signaling_url());
  emscripten_set_main_loop(frame, 0, false);
  return 0;
}
