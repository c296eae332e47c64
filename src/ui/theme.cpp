#include <imgui.h>

#include <algorithm>

#include "ui/catalog.h"
#include "ui/screens.h"
#include "ui/widgets.h"

namespace treff::ui {
namespace {
ImFont* g_title_font = nullptr;
}  // namespace

void load_fonts(float dpr) {
  ImGuiIO& io = ImGui::GetIO();
  static const ImWchar ranges[] = {0x0020, 0x017F, 0x2010, 0x2027, 0};
  // The title size is used for the start and join titles only: rasterising just its characters (in
  // all three languages) halves the time the font atlas takes, which the join prompt waits for.
  static ImVector<ImWchar> title_ranges;
  if (title_ranges.empty()) {
    ImFontGlyphRangesBuilder builder;
    for (Language l : {Language::Dutch, Language::German, Language::English}) {
      builder.AddText(tr(Text::JoinTitle, l));
      builder.AddText(tr(Text::StartTitle, l));
    }
    builder.BuildRanges(&title_ranges);
  }
  // Above 4 device pixels per CSS px (400% zoom on a HiDPI screen) the atlas would grow past what a
  // cheap phone's GPU memory should hold for letters; text is then a little soft.
  const float scale = std::clamp(dpr, 1.0f, 4.0f);
  io.Fonts->Clear();
  ImFontConfig config;
  config.OversampleH = scale < 2.0f ? 2 : 1;  // sideways subpixels only matter for small pixels
  ImFont* body = io.Fonts->AddFontFromFileTTF("/fonts/ui.ttf", 18.0f * scale, &config, ranges);
  g_title_font = io.Fonts->AddFontFromFileTTF("/fonts/ui.ttf", 28.0f * scale, &config, title_ranges.Data);
  if (!body || !g_title_font) {  // the embedded file is missing: readable fallback
    io.Fonts->Clear();
    io.FontGlobalScale = 1.4f;
    g_title_font = nullptr;
    return;
  }
  io.FontGlobalScale = 1.0f / scale;  // glyphs are rasterised at device pixels, laid out in CSS px
  io.FontDefault = body;
}

ImFont* title_font() {
  // In a window this short (400% zoom on a laptop: 200 CSS px) a large title would push the name
  // field and the main button out of view; the body size says the same.
  constexpr float kShortWindow = 360;
  if (!g_title_font || ImGui::GetMainViewport()->WorkSize.y < kShortWindow) return ImGui::GetFont();
  return g_title_font;
}

void apply_theme(float scale, bool more_contrast) {
  ImGuiStyle& s = ImGui::GetStyle();
  s = ImGuiStyle();
  ImGui::StyleColorsLight(&s);
  s.WindowPadding = ImVec2(24, 24);
  s.FramePadding = ImVec2(14, 12);
  s.ItemSpacing = ImVec2(12, 14);
  s.FrameRounding = 10;
  s.WindowRounding = 0;
  s.WindowBorderSize = 0;
  s.FrameBorderSize = 1;
  s.Colors[ImGuiCol_WindowBg] = ImGui::ColorConvertU32ToFloat4(kBackground);
  s.Colors[ImGuiCol_Text] = ImVec4(0.12f, 0.16f, 0.19f, 1.0f);
  s.Colors[ImGuiCol_FrameBg] = ImVec4(1, 1, 1, 1);
  s.Colors[ImGuiCol_Border] = ImVec4(0.55f, 0.58f, 0.56f, 1.0f);
  s.Colors[ImGuiCol_Button] = ImVec4(0.88f, 0.89f, 0.86f, 1.0f);
  s.Colors[ImGuiCol_ButtonHovered] = ImVec4(0.80f, 0.83f, 0.79f, 1.0f);
  s.Colors[ImGuiCol_ButtonActive] = ImVec4(0.72f, 0.76f, 0.71f, 1.0f);
  s.Colors[ImGuiCol_NavHighlight] = ImGui::ColorConvertU32ToFloat4(kAccent);
  s.Colors[ImGuiCol_CheckMark] = ImGui::ColorConvertU32ToFloat4(kAccent);
  if (more_contrast) {
    s.FrameBorderSize = 2;
    s.Colors[ImGuiCol_WindowBg] = ImVec4(1, 1, 1, 1);
    s.Colors[ImGuiCol_Text] = ImVec4(0, 0, 0, 1);
    s.Colors[ImGuiCol_Border] = ImVec4(0, 0, 0, 1);
    s.Colors[ImGuiCol_Separator] = ImVec4(0, 0, 0, 1);
    s.Colors[ImGuiCol_Button] = ImVec4(1, 1, 1, 1);
    s.Colors[ImGuiCol_ButtonHovered] = ImVec4(0.85f, 0.85f, 0.85f, 1.0f);
    s.Colors[ImGuiCol_ButtonActive] = ImVec4(0.7f, 0.7f, 0.7f, 1.0f);
    s.Colors[ImGuiCol_TextDisabled] = ImVec4(0.3f, 0.3f, 0.3f, 1.0f);
  }
  s.ScaleAllSizes(scale);
}

}  // namespace treff::ui
