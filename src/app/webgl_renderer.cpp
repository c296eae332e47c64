#include "app/webgl_renderer.h"

#include <GLES3/gl3.h>
#include <imgui.h>

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <functional>
#include <string_view>

#include "ui/video_layer.h"

namespace treff::app {
void delete_image_texture(unsigned texture) {
  if (!texture) return;
  const GLuint name = texture;
  glDeleteTextures(1, &name);
}

namespace {

constexpr const char* kVertexShader = R"(#version 300 es
uniform mat4 projection;
layout (location = 0) in vec2 position;
layout (location = 1) in vec2 uv;
layout (location = 2) in vec4 color;
out vec2 frag_uv;
out vec4 frag_color;
void main() {
  frag_uv = uv;
  frag_color = color;
  gl_Position = projection * vec4(position, 0.0, 1.0);
})";

constexpr const char* kFragmentShader = R"(#version 300 es
precision mediump float;
uniform sampler2D image;
in vec2 frag_uv;
in vec4 frag_color;
out vec4 out_color;
void main() {
  out_color = frag_color * texture(image, frag_uv);
})";

struct Renderer {
  GLuint program = 0;
  GLint projection = -1;
  GLuint vertex_array = 0;
  GLuint vertices = 0;
  GLuint indices = 0;
  GLuint font_texture = 0;
  GLuint white_texture = 0;  // 1x1, for the video holes' shapes
  std::size_t last_drawn = 0;  // fingerprint of the frame the canvas shows
};
Renderer g;

GLuint compile(GLenum kind, const char* source) {
  const GLuint shader = glCreateShader(kind);
  glShaderSource(shader, 1, &source, nullptr);
  glCompileShader(shader);
  GLint ok = 0;
  glGetShaderiv(shader, GL_COMPILE_STATUS, &ok);  // once, at start-up
  if (!ok) {
    char log[512] = {};
    glGetShaderInfoLog(shader, sizeof log, nullptr, log);
    std::fprintf(stderr, "UI shader did not compile: %s\n", log);
  }
  return shader;
}

void upload_font_atlas() {
  unsigned char* pixels = nullptr;
  int width = 0, height = 0;
  ImGui::GetIO().Fonts->GetTexDataAsRGBA32(&pixels, &width, &height);
  glGenTextures(1, &g.font_texture);
  glBindTexture(GL_TEXTURE_2D, g.font_texture);
  glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MIN_FILTER, GL_LINEAR);
  glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MAG_FILTER, GL_LINEAR);
  glPixelStorei(GL_UNPACK_ROW_LENGTH, 0);
  glTexImage2D(GL_TEXTURE_2D, 0, GL_RGBA, width, height, 0, GL_RGBA, GL_UNSIGNED_BYTE, pixels);
  ImGui::GetIO().Fonts->SetTexID(reinterpret_cast<ImTextureID>(static_cast<std::uintptr_t>(g.font_texture)));
}

}  // namespace

bool webgl_renderer_init() {
  ImGui::GetIO().BackendRendererName = "treff_webgl2";
  g.program = glCreateProgram();
  const GLuint vs = compile(GL_VERTEX_SHADER, kVertexShader);
  const GLuint fs = compile(GL_FRAGMENT_SHADER, kFragmentShader);
  glAttachShader(g.program, vs);
  glAttachShader(g.program, fs);
  glLinkProgram(g.program);
  glDeleteShader(vs);
  glDeleteShader(fs);
  GLint linked = 0;
  glGetProgramiv(g.program, GL_LINK_STATUS, &linked);
  if (!linked) return false;
  g.projection = glGetUniformLocation(g.program, "projection");
  glUseProgram(g.program);
  glUniform1i(glGetUniformLocation(g.program, "image"), 0);

  // One vertex array describing ImDrawVert; the buffers are refilled every frame.
  glGenVertexArrays(1, &g.vertex_array);
  glGenBuffers(1, &g.vertices);
  glGenBuffers(1, &g.indices);
  glBindVertexArray(g.vertex_array);
  glBindBuffer(GL_ARRAY_BUFFER, g.vertices);
  glBindBuffer(GL_ELEMENT_ARRAY_BUFFER, g.indices);
  glEnableVertexAttribArray(0);
  glEnableVertexAttribArray(1);
  glEnableVertexAttribArray(2);
  const auto stride = static_cast<GLsizei>(sizeof(ImDrawVert));
  glVertexAttribPointer(0, 2, GL_FLOAT, GL_FALSE, stride, reinterpret_cast<void*>(offsetof(ImDrawVert, pos)));
  glVertexAttribPointer(1, 2, GL_FLOAT, GL_FALSE, stride, reinterpret_cast<void*>(offsetof(ImDrawVert, uv)));
  glVertexAttribPointer(2, 4, GL_UNSIGNED_BYTE, GL_TRUE, stride, reinterpret_cast<void*>(offsetof(ImDrawVert, col)));

  // Fixed state for the whole life of the canvas: alpha blending that leaves premultiplied colours
  // (the canvas is composited over the videos beneath it), scissored.
  glEnable(GL_BLEND);
  glBlendEquation(GL_FUNC_ADD);
  glBlendFuncSeparate(GL_SRC_ALPHA, GL_ONE_MINUS_SRC_ALPHA, GL_ONE, GL_ONE_MINUS_SRC_ALPHA);
  glDisable(GL_CULL_FACE);
  glDisable(GL_DEPTH_TEST);
  glDisable(GL_STENCIL_TEST);
  glActiveTexture(GL_TEXTURE0);
  g.white_texture = create_image_texture();
  const unsigned char white[4] = {255, 255, 255, 255};
  glTexImage2D(GL_TEXTURE_2D, 0, GL_RGBA, 1, 1, 0, GL_RGBA, GL_UNSIGNED_BYTE, white);
  upload_font_atlas();
  return true;
}

void webgl_renderer_reload_fonts() {
  glDeleteTextures(1, &g.font_texture);
  upload_font_atlas();
}

unsigned create_image_texture() {
  GLuint texture = 0;
  glGenTextures(1, &texture);
  glBindTexture(GL_TEXTURE_2D, texture);
  glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MIN_FILTER, GL_LINEAR);
  glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MAG_FILTER, GL_LINEAR);
  glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_S, GL_CLAMP_TO_EDGE);
  glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_T, GL_CLAMP_TO_EDGE);
  return texture;
}

namespace {

// Everything that decides the pixels of a frame: the canvas size, and each draw list's vertices,
// indices and commands (a texture's content never changes under its id: text images and font
// atlases get new ids).
std::size_t fingerprint(const ImDrawData& data, int fb_w, int fb_h) {
  std::size_t h = std::hash<std::string_view>{}({});
  const auto mix = [&h](const void* bytes, std::size_t size) {
    h = h * 1099511628211u ^ std::hash<std::string_view>{}({static_cast<const char*>(bytes), size});
  };
  const int canvas[2] = {fb_w, fb_h};
  mix(canvas, sizeof canvas);
  const ImVec2 frame[3] = {data.DisplayPos, data.DisplaySize, data.FramebufferScale};
  mix(frame, sizeof frame);
  for (int n = 0; n < data.CmdListsCount; ++n) {
    const ImDrawList* list = data.CmdLists[n];
    mix(list->VtxBuffer.Data, list->VtxBuffer.Size * sizeof(ImDrawVert));
    mix(list->IdxBuffer.Data, list->IdxBuffer.Size * sizeof(ImDrawIdx));
    for (const ImDrawCmd& cmd : list->CmdBuffer) {
      mix(&cmd.ClipRect, sizeof cmd.ClipRect);
      const std::uintptr_t fields[5] = {reinterpret_cast<std::uintptr_t>(cmd.GetTexID()), cmd.VtxOffset,
                                        cmd.IdxOffset, cmd.ElemCount,
                                        reinterpret_cast<std::uintptr_t>(cmd.UserCallback)};
      mix(fields, sizeof fields);
    }
  }
  return h;
}

}  // namespace

bool webgl_renderer_draw(const ImDrawData* data, int fb_w, int fb_h) {
  if (!data || fb_w <= 0 || fb_h <= 0) return false;
  // The canvas shows this very frame already (a frame drawn to let the layout settle, or for a
  // change nobody sees). Drawing it again is not free: with software compositing the browser reads
  // the whole canvas back after every draw, which held the page ~100 ms per frame while a call set up.
  const std::size_t print = fingerprint(*data, fb_w, fb_h);
  if (print == g.last_drawn) return false;
  g.last_drawn = print;
  glViewport(0, 0, fb_w, fb_h);
  glDisable(GL_SCISSOR_TEST);  // the clear covers the whole canvas
  glClearColor(0.96f, 0.96f, 0.94f, 1.0f);
  glClear(GL_COLOR_BUFFER_BIT);
  glEnable(GL_SCISSOR_TEST);

  // Orthographic projection of ImGui's coordinates (CSS pixels from DisplayPos) onto the canvas.
  const float l = data->DisplayPos.x, r = data->DisplayPos.x + data->DisplaySize.x;
  const float t = data->DisplayPos.y, b = data->DisplayPos.y + data->DisplaySize.y;
  const float projection[16] = {2.0f / (r - l), 0, 0, 0,  0, 2.0f / (t - b), 0, 0,  0, 0, -1.0f, 0,
                                (r + l) / (l - r), (t + b) / (b - t), 0, 1.0f};
  glUseProgram(g.program);
  glUniformMatrix4fv(g.projection, 1, GL_FALSE, projection);
  glBindVertexArray(g.vertex_array);
  glBindBuffer(GL_ARRAY_BUFFER, g.vertices);  // the element buffer is part of the vertex array

  const ImVec2 scale = data->FramebufferScale;
  for (int n = 0; n < data->CmdListsCount; ++n) {
    const ImDrawList* list = data->CmdLists[n];
    glBufferData(GL_ARRAY_BUFFER, static_cast<GLsizeiptr>(list->VtxBuffer.Size * sizeof(ImDrawVert)),
                 list->VtxBuffer.Data, GL_STREAM_DRAW);
    glBufferData(GL_ELEMENT_ARRAY_BUFFER, static_cast<GLsizeiptr>(list->IdxBuffer.Size * sizeof(ImDrawIdx)),
                 list->IdxBuffer.Data, GL_STREAM_DRAW);
    for (const ImDrawCmd& cmd : list->CmdBuffer) {
      if (cmd.UserCallback) {
        if (cmd.UserCallback != ImDrawCallback_ResetRenderState) cmd.UserCallback(list, &cmd);
        continue;
      }
      // Clip rectangle in framebuffer pixels; GL's scissor origin is the bottom left.
      // Cut to the canvas: a scrolled screen's clip rectangle reaches beyond it (ui/screen_scroll.h).
      const float x0 = std::max(0.0f, (cmd.ClipRect.x - l) * scale.x), y0 = std::max(0.0f, (cmd.ClipRect.y - t) * scale.y);
      const float x1 = std::min(static_cast<float>(fb_w), (cmd.ClipRect.z - l) * scale.x);
      const float y1 = std::min(static_cast<float>(fb_h), (cmd.ClipRect.w - t) * scale.y);
      if (x1 <= x0 || y1 <= y0) continue;
      glScissor(static_cast<GLint>(x0), static_cast<GLint>(fb_h - y1), static_cast<GLsizei>(x1 - x0),
                static_cast<GLsizei>(y1 - y0));
      // A video hole erases what is under its shape (scaled by its edge's coverage): the canvas is
      // transparent there and the <video> beneath shows (ui/video_layer.h).
      const bool hole = cmd.GetTexID() == ui::video_layer::kVideoHole;
      if (hole) glBlendFuncSeparate(GL_ZERO, GL_ONE_MINUS_SRC_ALPHA, GL_ZERO, GL_ONE_MINUS_SRC_ALPHA);
      glBindTexture(GL_TEXTURE_2D, hole ? g.white_texture : static_cast<GLuint>(reinterpret_cast<std::uintptr_t>(cmd.GetTexID())));
      glDrawElements(GL_TRIANGLES, static_cast<GLsizei>(cmd.ElemCount),
                     sizeof(ImDrawIdx) == 2 ? GL_UNSIGNED_SHORT : GL_UNSIGNED_INT,
                     reinterpret_cast<void*>(cmd.IdxOffset * sizeof(ImDrawIdx)));
      if (hole) glBlendFuncSeparate(GL_SRC_ALPHA, GL_ONE_MINUS_SRC_ALPHA, GL_ONE, GL_ONE_MINUS_SRC_ALPHA);
    }
  }
  return true;
}

}  // namespace treff::app
