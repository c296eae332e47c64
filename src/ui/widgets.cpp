#include "ui/widgets.h"

#include <algorithm>
#include <cfloat>
#include <string>

#include <imgui_internal.h>  // FindRenderedTextEnd: the visible part of a "label###id"

#include "ui/any_text.h"
#include "ui/automation.h"
#include "ui/catalog.h"
#include "ui/screen_scroll.h"
#include "ui/screens.h"

namespace treff::ui {

void begin_screen(const char* id) {
  scroll::place_screen(id);
  ImGui::Begin(id, nullptr, kScreenFlags | ImGuiWindowFlags_NoScrollWithMouse);
  scroll::unclip();
}

void end_screen() {
  scroll::finish_window();
  ImGui::End();
}

float screen_height() { return ImGui::GetMainViewport()->WorkSize.y; }

ScreenColumns screen_columns(float min_width, float max_column) {
  constexpr float kGap = 48, kPhoneColumn = 420;
  const float avail = ImGui::GetContentRegionAvail().x, window = ImGui::GetWindowWidth();
  ScreenColumns c;
  c.side_by_side = avail >= min_width;
  if (c.side_by_side) {
    c.width = std::min(max_column, (avail - kGap) / 2);
    c.left = (window - 2 * c.width - kGap) / 2;
    c.right = c.left + c.width + kGap;
  } else {
    c.width = std::min(avail, kPhoneColumn);
    c.left = c.right = (window - c.width) / 2;
  }
  return c;
}

bool text_field(const char* id, const char* caption, char* buf, std::size_t size, float width,
                const FieldOptions& options) {
  if (!options.read_only) automation::take_text(ImGui::GetID(id), buf, size);
  ImGui::SetNextItemWidth(width);
  automation::next_role(automation::Role::Input);
  automation::next_label(caption);
  automation::next_value(buf);
  automation::next_autocomplete(options.autocomplete);
  if (options.secret) automation::next_secret();
  if (options.read_only) automation::next_read_only();
  if (options.select_all) automation::next_select_all();
  if (options.wants_focus) automation::next_focus_request();
  const ImGuiInputTextFlags flags = ImGuiInputTextFlags_EnterReturnsTrue |
                                    (options.secret ? ImGuiInputTextFlags_Password : 0) |
                                    (options.read_only ? ImGuiInputTextFlags_ReadOnly : 0);
  const bool entered = ImGui::InputText(id, buf, size, flags);
  automation::clear_next();
  return automation::take_submit() || entered;
}

namespace {

// Splits a label at the space that makes its longer half shortest: "Mikrofon | einschalten".
// Returns the position of that space, or npos when the label has none.
std::size_t best_break(const std::string& text) {
  std::size_t best = std::string::npos;
  float best_width = 0;
  for (std::size_t at = text.find(' '); at != std::string::npos; at = text.find(' ', at + 1)) {
    const float w = std::max(ImGui::CalcTextSize(text.c_str(), text.c_str() + at).x,
                             ImGui::CalcTextSize(text.c_str() + at + 1).x);
    if (best == std::string::npos || w < best_width) best = at, best_width = w;
  }
  return best;
}

}  // namespace

bool button(const char* label, ImVec2 size, bool wants_focus) {
  if (wants_focus) automation::next_focus_request();
  const float room = size.x - 2 * ImGui::GetStyle().FramePadding.x;
  const std::string visible(label, ImGui::FindRenderedTextEnd(label));
  const float width = ImGui::CalcTextSize(visible.c_str()).x;
  if (width <= room || room <= 0) {
    const bool clicked = ImGui::Button(label, size);
    return automation::take_press() || clicked;
  }

  // Too wide (narrow phones, long German words): two lines where that keeps the text larger than
  // shrinking it onto one would, otherwise one smaller line; never cut off.
  const float one_line = std::max(0.6f, room / width);
  const std::size_t cut = best_break(visible);
  const float line_h = ImGui::GetTextLineHeight();
  if (cut != std::string::npos && size.y > 0) {
    const float half = std::max(ImGui::CalcTextSize(visible.c_str(), visible.c_str() + cut).x,
                                ImGui::CalcTextSize(visible.c_str() + cut + 1).x);
    const float two_lines = std::min({1.0f, room / half, (size.y - 8) / (2 * line_h)});
    if (two_lines > one_line + 0.05f) {
      automation::next_label(visible);
      const bool clicked = ImGui::Button((std::string("##") + label).c_str(), size);
      automation::clear_next();  // a clipped button reports nothing: the label must not pass on
      const ImVec2 a = ImGui::GetItemRectMin(), b = ImGui::GetItemRectMax();
      ImFont* font = ImGui::GetFont();
      const float fs = ImGui::GetFontSize() * two_lines;
      const ImU32 color = ImGui::GetColorU32(ImGuiCol_Text);
      const std::string lines[2] = {visible.substr(0, cut), visible.substr(cut + 1)};
      const float top = (a.y + b.y) / 2 - fs * 1.1f;
      for (int i = 0; i < 2; ++i) {
        const float w = font->CalcTextSizeA(fs, FLT_MAX, 0.0f, lines[i].c_str()).x;
        ImGui::GetWindowDrawList()->AddText(font, fs, ImVec2((a.x + b.x - w) / 2, top + i * fs * 1.1f), color,
                                            lines[i].c_str());
      }
      return automation::take_press() || clicked;
    }
  }
  ImGui::SetWindowFontScale(one_line);
  const bool clicked = ImGui::Button(label, size);
  ImGui::SetWindowFontScale(1.0f);
  return automation::take_press() || clicked;
}

bool filled_button(const char* label, ImVec2 size, const ButtonColors& colors, bool wants_focus) {
  ImGui::PushStyleColor(ImGuiCol_Button, colors.normal);
  ImGui::PushStyleColor(ImGuiCol_ButtonHovered, colors.hovered);
  ImGui::PushStyleColor(ImGuiCol_ButtonActive, colors.active);
  ImGui::PushStyleColor(ImGuiCol_Text, IM_COL32_WHITE);
  const bool pressed = button(label, size, wants_focus);
  ImGui::PopStyleColor(4);
  return pressed;
}

bool primary_button(const char* label, float width, bool wants_focus) {
  return filled_button(label, ImVec2(width, kTouchTarget), kPrimaryButton, wants_focus);
}

bool check_box(const char* label, bool& value) {
  // The box is as tall as the text's frame: padding makes it a 48 px target.
  ImGui::PushStyleVar(ImGuiStyleVar_FramePadding,
                      ImVec2(ImGui::GetStyle().FramePadding.x, (kTouchTarget - ImGui::GetFontSize()) / 2));
  bool changed = ImGui::Checkbox(label, &value);
  ImGui::PopStyleVar();
  if (automation::take_press()) {
    value = !value;
    changed = true;
  }
  return changed;
}

void report_text(const char* text, ImVec2 a, ImVec2 b) { automation::add_text(text, a.x, a.y, b.x - a.x, b.y - a.y); }

void text_block(const char* text, float width, ImU32 color) {
  if (!font_has_all(ImGui::GetFont(), text)) {  // e.g. a message that quotes a name
    const ImVec2 a = ImGui::GetCursorScreenPos(), size = any_text_size(text, ImGui::GetFontSize(), width);
    draw_any_text(ImGui::GetWindowDrawList(), a, ImGui::GetFontSize(), color ? color : ImGui::GetColorU32(ImGuiCol_Text),
                  text, width);
    ImGui::Dummy(size);
    report_text(text, a, ImVec2(a.x + size.x, a.y + size.y));
    return;
  }
  if (color) ImGui::PushStyleColor(ImGuiCol_Text, color);
  ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + width);
  ImGui::TextUnformatted(text);
  report_text(text, ImGui::GetItemRectMin(), ImGui::GetItemRectMax());
  ImGui::PopTextWrapPos();
  if (color) ImGui::PopStyleColor();
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
    const float size = r * 0.9f;
    const ImVec2 ts = any_text_size(t.initials, size);
    draw_any_text(dl, ImVec2(c.x - ts.x / 2, c.y - ts.y / 2), size, IM_COL32_WHITE, t.initials);
  }
  // Name (and "you"), on a dark band at the bottom.
  std::string label = t.is_self ? t.name + " (" + tr(Text::You) + ")" : t.name;
  const float fs = ImGui::GetFontSize() * (large ? 1.1f : 0.9f);
  const ImVec2 ls = any_text_size(label, fs);
  const ImVec2 band_a(a.x, b.y - ls.y - 12), band_b(b.x, b.y);
  dl->AddRectFilled(band_a, band_b, IM_COL32(0, 0, 0, 140), 10.0f, ImDrawFlags_RoundCornersBottom);
  dl->PushClipRect(band_a, ImVec2(b.x - (t.mic_on ? 8 : 40), b.y), true);
  draw_any_text(dl, ImVec2(a.x + 8, band_a.y + 6), fs, IM_COL32_WHITE, label);
  dl->PopClipRect();
  if (!t.mic_on) {  // a red dot with a slash: microphone off
    const ImVec2 c(b.x - 20, band_a.y + (band_b.y - band_a.y) / 2);
    dl->AddCircleFilled(c, 11, kWarning, 24);
    dl->AddLine(ImVec2(c.x - 6, c.y - 6), ImVec2(c.x + 6, c.y + 6), IM_COL32_WHITE, 2.5f);
  }
  if (t.speaking) dl->AddRect(a, b, kSpeaker, 10.0f, 0, 4.0f);
  // What is wrong, in words, over the picture or initials (and to screen readers); just above the
  // name, clear of the buttons at the top of the stage.
  if (!t.notice.empty()) {
    const float nfs = ImGui::GetFontSize() * (large ? 1.0f : 0.8f);
    const float wrap = w - 24;
    const ImVec2 ns = any_text_size(t.notice, nfs, wrap);
    const ImVec2 na(a.x + 8, std::max(a.y + 8, band_a.y - 4 - ns.y - 8)), nb(b.x - 8, band_a.y - 4);
    dl->AddRectFilled(na, nb, IM_COL32(255, 244, 214, 240), 8.0f);
    dl->PushClipRect(na, nb, true);
    draw_any_text(dl, ImVec2(na.x + 4, na.y + 4), nfs, IM_COL32(60, 45, 0, 255), t.notice, wrap);
    dl->PopClipRect();
    report_text(t.notice.c_str(), na, nb);
  }
}

std::optional<Language> language_picker() {
  constexpr Language kAll[] = {Language::Dutch, Language::German, Language::English};
  constexpr float kGap = 8, kLeft = 12, kRight = 12;  // ImGui clips 12 px (half the padding) from the edge
  float text = 0;
  for (Language l : kAll) text += ImGui::CalcTextSize(tr(Text::LanguageName, l)).x;
  // In a narrow window (a small phone, 400% zoom) the buttons lose padding rather than the edge.
  const float room = ImGui::GetWindowWidth() - kLeft - kRight - 2 * kGap - text;
  const float padding = std::clamp(room / 6, 4.0f, ImGui::GetStyle().FramePadding.x);
  const float total = text + 6 * padding + 2 * kGap;
  const ImVec2 keep = ImGui::GetCursorPos();
  ImGui::SetCursorPos(ImVec2(std::max(kLeft, ImGui::GetWindowWidth() - total - kRight), 12));
  std::optional<Language> picked;
  ImGui::PushStyleVar(ImGuiStyleVar_FramePadding, ImVec2(padding, ImGui::GetStyle().FramePadding.y));
  for (Language l : kAll) {
    const char* name = tr(Text::LanguageName, l);
    const ImVec2 size(ImGui::CalcTextSize(name).x + 2 * padding, kTouchTarget);
    const bool pressed = l == language() ? filled_button(name, size, kPrimaryButton) : button(name, size);
    if (pressed) picked = l;
    ImGui::SameLine(0, kGap);
  }
  ImGui::PopStyleVar();
  ImGui::NewLine();
  ImGui::SetCursorPos(keep);
  return picked;
}

}  // namespace treff::ui
