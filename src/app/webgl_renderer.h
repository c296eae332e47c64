// Draws Dear ImGui's draw lists with WebGL2.
//
// Why not Dear ImGui's own OpenGL3 backend: it saves and restores about twenty pieces of GL state
// around every frame, and in a browser each of those queries (glGetIntegerv -> getParameter) can be
// a synchronous round trip to the GPU process. With several videos or software rendering that cost
// milliseconds per frame. The canvas here belongs to Treff alone, so this renderer sets the state
// it needs and never asks for any.
#pragma once

struct ImDrawData;

namespace treff::app {

// Compiles the shader and uploads the font atlas of the current ImGui context. False when WebGL2
// refused (the shell has already told the user when WebGL2 is missing).
bool webgl_renderer_init();
// Uploads the font atlas again after the fonts were rebuilt (another device pixel ratio).
void webgl_renderer_reload_fonts();
// A texture that wasm/text.js uploads text into: smooth scaling, no repeat at edges.
unsigned create_image_texture();
// Frees a texture of create_image_texture (0: none).
void delete_image_texture(unsigned texture);
// Draws one frame's draw data into the bound framebuffer of `fb_w` x `fb_h` device pixels, unless
// the canvas shows exactly that frame already; true when it drew.
bool webgl_renderer_draw(const ImDrawData* data, int fb_w, int fb_h);

}  // namespace treff::app
