#include "ui/screens.h"

#include <algorithm>
#include <utility>

#include "ui/automation.h"
#include "ui/catalog.h"

namespace treff::ui {
namespace {

constexpr ImU32 kBackground = IM_COL32(245, 245, 240, 255);
constexpr ImU32 kTileBackground = IM_COL32(47, 62, 70, 255);
constexpr ImU32 kAccent = IM_COL32(47, 111, 94, 255);
constexpr ImU32 kSpeaker = IM_COL32(120, 200, 120, 255);
constexpr ImU32 kWarning = IM_COL32(196, 52, 52, 255);
constexpr float kTouchTarget = 48.0f;  // CSS px; at least 44 for fingers

const ImGuiWindowFlags kScreenFlags = ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove |
                                      ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoBringToFrontOnFocus;

void begin_screen(const char* id) {
  const ImGuiViewport* vp = ImGui::GetMainViewport();
  ImGui::SetNextWindowPos(vp->WorkPos);
  ImGui::SetNextWindowSize(vp->WorkSize);
  ImGui::Begin(id, nullptr, kScreenFlags);
}

// The person's video, fitted into the rectangle with its aspect ratio kept, or their initials.
void draw_tile(ImDrawList* dl, const Tile& t, ImVec2 a, ImVec2 b, bool large) {
  dl->AddRectFilled(a, b, kTileBackground, 10.0f);
  const float w = b.x - a.x, h = b.y - a.y;
  if (t.texture && t.camera_on) {
    float vw = w, vh = w / t.aspect;
    if (vh > h) {
      vh = h;
      vw = h * t.aspect;
    }
    const ImVec2 p(a.x + (w - vw) / 2, a.y + (h - vh) / 2);
    dl->AddImageRounded(t.texture, p, ImVec2(p.x + vw, p.y + vh), ImVec2(0, 0), ImVec2(1, 1), IM_COL32_WHITE, 10.0f);
  } else {
    const float r = std::min(w, h) * 0.25f;
    const ImVec2 c(a.x + w / 2, a.y + h / 2);
    dl->AddCircleFilled(c, r, kAccent, 48);
    ImFont* font = ImGui::GetFont();
    const float size = r * 0.9f;
    const ImVec2 ts = font->CalcTextSizeA(size, FLT_MAX, 0.0f, t.initials.c_str());
    dl->AddText(font, size, ImVec2(c.x - ts.x / 2, c.y - ts.y / 2), IM_COL32_WHITE, t.initials.c_str());
  }
  // Name (and "you"), on a dark band at the bottom.
  std::string label = t.is_self ? t.name + " (" + tr(Text::You) + ")" : t.name;
  const float fs = ImGui::GetFontSize() * (large ? 1.1f : 0.9f);
  const ImVec2 ls = ImGui::GetFont()->CalcTextSizeA(fs, w - 16, 0.0f, label.c_str());
  const ImVec2 band_a(a.x, b.y - ls.y - 12), band_b(b.x, b.y);
  dl->AddRectFilled(band_a, band_b, IM_COL32(0, 0, 0, 140), 10.0f, ImDrawFlags_RoundCornersBottom);
  dl->PushClipRect(band_a, ImVec2(b.x - (t.mic_on ? 8 : 40), b.y), true);
  dl->AddText(ImGui::GetFont(), fs, ImVec2(a.x + 8, band_a.y + 6), IM_COL32_WHITE, label.c_str());
  dl->PopClipRect();
  if (!t.mic_on) {  // a red dot with a slash: microphone off
    const ImVec2 c(b.x - 20, band_a.y + (band_b.y - band_a.y) / 2);
    dl->AddCircleFilled(c, 11, kWarning, 24);
    dl->AddLine(ImVec2(c.x - 6, c.y - 6), ImVec2(c.x + 6, c.y + 6), IM_COL32_WHITE, 2.5f);
  }
  if (t.speaking) dl->AddRect(a, b, kSpeaker, 10.0f, 0, 4.0f);
}

// A text field with a hidden ImGui label. The person types into the DOM mirror's real <input> over
// it (phone keyboards, paste, autofill), whose text arrives here before the field is drawn; the
// automation tree gets the visible caption and the text. True on Enter.
bool text_field(const char* id, const char* caption, const char* autocomplete, char* buf, std::size_t size, float width,
                bool wants_focus, bool secret = false) {
  automation::take_text(ImGui::GetID(id), buf, size);
  ImGui::SetNextItemWidth(width);
  automation::next_role(automation::Role::Input);
  automation::next_label(caption);
  automation::next_value(buf);
  automation::next_autocomplete(autocomplete);
  if (secret) automation::next_secret();
  if (wants_focus) automation::next_focus_request();
  const ImGuiInputTextFlags flags = ImGuiInputTextFlags_EnterReturnsTrue | (secret ? ImGuiInputTextFlags_Password : 0);
  const bool entered = ImGui::InputText(id, buf, size, flags);
  automation::clear_next();
  return automation::take_submit() || entered;
}

// A button pressed by mouse, touch, or through the DOM mirror (keyboard, screen reader). A label
// wider than the button (narrow windows, long German words) is drawn smaller rather than cut off.
bool button(const char* label, ImVec2 size, bool wants_focus = false) {
  if (wants_focus) automation::next_focus_request();
  const float room = size.x - 2 * ImGui::GetStyle().FramePadding.x;
  const float width = ImGui::CalcTextSize(label, nullptr, true).x;
  const float scale = width > room && room > 0 ? std::max(0.6f, room / width) : 1.0f;
  ImGui::SetWindowFontScale(scale);
  const bool clicked = ImGui::Button(label, size);
  ImGui::SetWindowFontScale(1.0f);
  return automation::take_press() || clicked;
}

// What a screen reader says after a person's name: you, microphone off, camera off, speaking.
std::string tile_detail(const Tile& t) {
  std::string detail;
  auto add = [&detail](Text text) { detail += (detail.empty() ? "" : ", ") + std::string(tr(text)); };
  if (t.is_self) add(Text::You);
  if (!t.mic_on) add(Text::Muted);
  if (!t.camera_on) add(Text::CameraIsOff);
  if (t.speaking) add(Text::Speaking);
  return detail;
}

void report_text(const char* text, ImVec2 a, ImVec2 b) { automation::add_text(text, a.x, a.y, b.x - a.x, b.y - a.y); }

struct ButtonColors {
  ImU32 normal, hovered, active;
};
constexpr ButtonColors kPrimaryButton{kAccent, IM_COL32(38, 92, 78, 255), IM_COL32(30, 75, 63, 255)};
constexpr ButtonColors kDangerButton{kWarning, IM_COL32(170, 40, 40, 255), IM_COL32(140, 30, 30, 255)};

// A button filled with a strong colour and white text.
bool filled_button(const char* label, ImVec2 size, const ButtonColors& colors, bool wants_focus = false) {
  ImGui::PushStyleColor(ImGuiCol_Button, colors.normal);
  ImGui::PushStyleColor(ImGuiCol_ButtonHovered, colors.hovered);
  ImGui::PushStyleColor(ImGuiCol_ButtonActive, colors.active);
  ImGui::PushStyleColor(ImGuiCol_Text, IM_COL32_WHITE);
  const bool pressed = button(label, size, wants_focus);
  ImGui::PopStyleColor(4);
  return pressed;
}

bool primary_button(const char* label, float width, bool wants_focus = false) {
  return filled_button(label, ImVec2(width, kTouchTarget), kPrimaryButton, wants_focus);
}

}  // namespace

namespace {
ImFont* g_title_font = nullptr;
}  // namespace

void load_fonts(float dpr) {
  ImGuiIO& io = ImGui::GetIO();
  static const ImWchar ranges[] = {0x0020, 0x017F, 0x2010, 0x2027, 0};
  // The title size is used for the join prompt's title only: rasterising just its characters (in
  // all three languages) halves the time the font atlas takes, which the join prompt waits for.
  static ImVector<ImWchar> title_ranges;
  if (title_ranges.empty()) {
    ImFontGlyphRangesBuilder builder;
    for (Language l : {Language::Dutch, Language::German, Language::English}) builder.AddText(tr(Text::JoinTitle, l));
    builder.BuildRanges(&title_ranges);
  }
  const float scale = dpr < 1.0f ? 1.0f : dpr;
  ImFontConfig config;
  config.OversampleH = 2;
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

ImFont* title_font() { return g_title_font ? g_title_font : ImGui::GetFont(); }

void apply_theme(float scale) {
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
  s.ScaleAllSizes(scale);
}

bool draw_join_screen(JoinForm& form) {
  begin_screen("join");
  const float width = std::min(ImGui::GetContentRegionAvail().x, 420.0f);
  const float x = (ImGui::GetWindowWidth() - width) / 2;
  ImGui::SetCursorPos(ImVec2(x, std::max(24.0f, ImGui::GetWindowHeight() * 0.18f)));
  ImGui::BeginGroup();
  ImGui::PushFont(title_font());
  ImGui::TextUnformatted(tr(Text::JoinTitle));
  ImGui::PopFont();
  ImGui::Spacing();
  ImGui::TextUnformatted(tr(Text::YourName));
  // Keyboard focus starts in the name field: type a name (or keep the remembered one), press Enter.
  bool submit = text_field("##name", tr(Text::YourName), "name", form.name, sizeof form.name, width, ImGui::IsWindowAppearing());
  ImGui::TextUnformatted(tr(Text::RoomName));
  submit |= text_field("##room", tr(Text::RoomName), "off", form.room, sizeof form.room, width, false);
  if (form.ask_password) {  // the server said the room is locked
    ImGui::TextUnformatted(tr(Text::Password));
    submit |= text_field("##password", tr(Text::Password), "off", form.password, sizeof form.password, width,
                         std::exchange(form.focus_password, false), true);
  }
  if (form.error) {
    ImGui::PushStyleColor(ImGuiCol_Text, kWarning);
    ImGui::PushTextWrapPos(x + width);
    ImGui::TextUnformatted(form.error);
    report_text(form.error, ImGui::GetItemRectMin(), ImGui::GetItemRectMax());
    ImGui::PopTextWrapPos();
    ImGui::PopStyleColor();
  }
  ImGui::Spacing();
  ImGui::BeginDisabled(form.busy);
  submit |= primary_button(form.busy ? tr(Text::Joining) : tr(Text::Join), width);
  ImGui::EndDisabled();
  ImGui::EndGroup();
  ImGui::End();
  return submit && !form.busy;
}

namespace {

// The room menu, below its button at the top right of the stage: whether the room is locked and,
// for the host, the password to lock it with or the button to remove it.
void draw_room_menu(const RoomView& view, RoomMenu& menu, ImVec2 top_right, float width, RoomIntents& out) {
  ImGui::SetNextWindowPos(top_right, ImGuiCond_Always, ImVec2(1.0f, 0.0f));
  ImGui::SetNextWindowSize(ImVec2(width, 0.0f));
  ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(16, 16));
  ImGui::PushStyleVar(ImGuiStyleVar_WindowBorderSize, 1.0f);
  ImGui::Begin("room-menu", nullptr, ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove |
                                         ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_AlwaysAutoResize);
  const float inner = width - 32;
  auto line = [inner](const char* text) {
    ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + inner);
    ImGui::TextUnformatted(text);
    report_text(text, ImGui::GetItemRectMin(), ImGui::GetItemRectMax());
    ImGui::PopTextWrapPos();
  };
  line(view.locked ? tr(Text::RoomIsLocked) : tr(Text::RoomIsOpen));
  // A new auto-sized window is measured, not shown, in its first frame, and its items are not
  // reported then: keyboard focus is asked for in the frame after.
  const bool focus = !ImGui::IsWindowAppearing() && std::exchange(menu.focus_first, false);
  if (!view.is_host) {
    line(tr_with_name(Text::OnlyHostLocks, view.host_name).c_str());
  } else if (view.locked) {
    if (button(tr(Text::UnlockRoom), ImVec2(inner, kTouchTarget), focus)) out.unlock = true;
  } else {
    ImGui::TextUnformatted(tr(Text::Password));
    if (text_field("##room-password", tr(Text::Password), "new-password", menu.password, sizeof menu.password, inner,
                   focus, true))
      out.lock = true;
    if (menu.error) {
      ImGui::PushStyleColor(ImGuiCol_Text, kWarning);
      line(menu.error);
      ImGui::PopStyleColor();
    }
    if (primary_button(tr(Text::LockRoom), inner)) out.lock = true;
  }
  ImGui::End();
  ImGui::PopStyleVar(2);
}

}  // namespace

RoomIntents draw_room_screen(const RoomView& view, RoomMenu& menu) {
  RoomIntents out;
  const ImGuiViewport* vp = ImGui::GetMainViewport();
  ImGui::SetNextWindowPos(vp->WorkPos);
  ImGui::SetNextWindowSize(vp->WorkSize);
  ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(12, 12));
  ImGui::Begin("room", nullptr, kScreenFlags);
  ImDrawList* dl = ImGui::GetWindowDrawList();
  const ImVec2 origin = ImGui::GetWindowPos();
  const ImVec2 size = ImGui::GetWindowSize();
  const float pad = 12, toolbar_h = kTouchTarget + 2 * pad;
  const bool landscape = size.x >= size.y;

  // Notices and help on top of everything else in the stage area.
  float top = origin.y + pad;
  std::vector<const char*> lines;
  if (view.notice) lines.push_back(view.notice);
  lines.insert(lines.end(), view.help.begin(), view.help.end());
  for (const char* line : lines) {
    const ImVec2 ts = ImGui::CalcTextSize(line, nullptr, false, size.x - 4 * pad);
    dl->AddRectFilled(ImVec2(origin.x + pad, top), ImVec2(origin.x + size.x - pad, top + ts.y + 16),
                      IM_COL32(255, 244, 214, 255), 8.0f);
    dl->AddText(ImGui::GetFont(), ImGui::GetFontSize(), ImVec2(origin.x + 2 * pad, top + 8), IM_COL32(60, 45, 0, 255),
                line, nullptr, size.x - 4 * pad);
    report_text(line, ImVec2(origin.x + pad, top), ImVec2(origin.x + size.x - pad, top + ts.y + 16));
    top += ts.y + 16 + 6;
  }

  // Stage (large view) and strip (thumbnails): strip on the right in landscape, below in portrait.
  const float stage_bottom = origin.y + size.y - toolbar_h;
  ImVec2 stage_a(origin.x + pad, top), stage_b, strip_a, strip_b;
  if (landscape) {
    const float strip_w = std::clamp(size.x * 0.2f, 140.0f, 260.0f);
    stage_b = ImVec2(origin.x + size.x - strip_w - 2 * pad, stage_bottom);
    strip_a = ImVec2(stage_b.x + pad, top);
    strip_b = ImVec2(origin.x + size.x - pad, stage_bottom);
  } else {
    const float strip_h = std::clamp(size.y * 0.18f, 100.0f, 200.0f);
    stage_b = ImVec2(origin.x + size.x - pad, stage_bottom - strip_h - pad);
    strip_a = ImVec2(origin.x + pad, stage_b.y + pad);
    strip_b = ImVec2(origin.x + size.x - pad, stage_bottom);
  }
  if (view.large >= 0 && view.large < static_cast<int>(view.tiles.size()))
    draw_tile(dl, view.tiles[static_cast<std::size_t>(view.large)], stage_a, stage_b, true);

  // Thumbnails: buttons, so mouse, touch and keyboard (Tab + Enter, through the mirror) can pick who
  // is large.
  const int n = static_cast<int>(view.tiles.size());
  for (int i = 0; i < n; ++i) {
    const Tile& t = view.tiles[static_cast<std::size_t>(i)];
    ImVec2 a, b;
    if (landscape) {
      const float h = std::min((strip_b.y - strip_a.y - pad * (n - 1)) / std::max(n, 1), (strip_b.x - strip_a.x) * 0.75f);
      a = ImVec2(strip_a.x, strip_a.y + i * (h + pad));
      b = ImVec2(strip_b.x, a.y + h);
    } else {
      const float w = std::min((strip_b.x - strip_a.x - pad * (n - 1)) / std::max(n, 1), (strip_b.y - strip_a.y) * 4 / 3);
      a = ImVec2(strip_a.x + i * (w + pad), strip_a.y);
      b = ImVec2(a.x + w, strip_b.y);
    }
    ImGui::SetCursorScreenPos(a);
    ImGui::PushID(t.id.c_str());
    const bool clicked = ImGui::InvisibleButton(t.name.c_str(), ImVec2(b.x - a.x, b.y - a.y));
    automation::report_last_item(automation::Role::Thumbnail, t.name, i == view.large, tile_detail(t));
    if (automation::take_press() || clicked) out.pick = t.id;
    ImGui::PopID();
    draw_tile(dl, t, a, b, false);
    if (i == view.large) dl->AddRect(a, b, IM_COL32_WHITE, 10.0f, 0, 3.0f);
  }

  // Toolbar. The ids after "###" stay when the labels change, so keyboard focus stays on a toggle.
  const std::string mic_label = std::string(view.mic_on ? tr(Text::MicOff) : tr(Text::MicOn)) + "###mic";
  const std::string cam_label = std::string(view.camera_on ? tr(Text::CameraOff) : tr(Text::CameraOn)) + "###camera";
  const bool appearing = ImGui::IsWindowAppearing();
  const float bw = std::min(240.0f, (size.x - 4 * pad) / 3);
  ImGui::SetCursorScreenPos(ImVec2(origin.x + (size.x - 3 * bw - 2 * pad) / 2, stage_bottom + pad));
  ImGui::BeginDisabled(!view.has_mic);
  // Keyboard focus starts on the microphone toggle, the control people look for first.
  if (button(mic_label.c_str(), ImVec2(bw, kTouchTarget), appearing && view.has_mic)) out.toggle_mic = true;
  ImGui::EndDisabled();
  ImGui::SameLine(0, pad);
  ImGui::BeginDisabled(!view.has_camera);
  if (button(cam_label.c_str(), ImVec2(bw, kTouchTarget))) out.toggle_camera = true;
  ImGui::EndDisabled();
  ImGui::SameLine(0, pad);
  if (filled_button(tr(Text::Leave), ImVec2(bw, kTouchTarget), kDangerButton, appearing && !view.has_mic))
    out.leave = true;

  // The room menu's button, at the top right of the stage; its label says whether the room is locked.
  const std::string menu_label = std::string(view.locked ? tr(Text::RoomMenuLocked) : tr(Text::RoomMenu)) + "###room";
  const float menu_w = ImGui::CalcTextSize(menu_label.c_str(), nullptr, true).x + 2 * ImGui::GetStyle().FramePadding.x;
  ImGui::SetCursorScreenPos(ImVec2(stage_b.x - menu_w - 8, stage_a.y + 8));
  if (button(menu_label.c_str(), ImVec2(menu_w, 0))) out.toggle_menu = true;
  const ImVec2 menu_anchor(stage_b.x - 8, ImGui::GetItemRectMax().y + 6);

  ImGui::End();
  ImGui::PopStyleVar();
  if (menu.open) draw_room_menu(view, menu, menu_anchor, std::min(360.0f, stage_b.x - stage_a.x - 16), out);
  return out;
}

bool draw_left_screen(const char* message) {
  begin_screen("left");
  const float width = std::min(ImGui::GetContentRegionAvail().x, 420.0f);
  ImGui::SetCursorPos(ImVec2((ImGui::GetWindowWidth() - width) / 2, ImGui::GetWindowHeight() * 0.25f));
  ImGui::BeginGroup();
  ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + width);
  ImGui::TextUnformatted(message);
  report_text(message, ImGui::GetItemRectMin(), ImGui::GetItemRectMax());
  ImGui::PopTextWrapPos();
  ImGui::Spacing();
  const bool rejoin = primary_button(tr(Text::Rejoin), width, ImGui::IsWindowAppearing());
  ImGui::EndGroup();
  ImGui::End();
  return rejoin;
}

}  // namespace treff::ui
