#include "ui/widgets.h"

#include <algorithm>
#include <cfloat>
#include <string>
#include <vector>

#include <imgui_internal.h>  // FindRenderedTextEnd: the visible part of a "label###id"

#include "ui/any_text.h"
#include "ui/automation.h"
#include "ui/catalog.h"
#include "ui/screen_scroll.h"
#include "ui/screens.h"
#include "ui/video_layer.h"

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

float begin_column_screen(const char* id, float max_width) {
  begin_screen(id);
  const float width = std::min(max_width, ImGui::GetContentRegionAvail().x - 16);
  ImGui::SetCursorPos(ImVec2((ImGui::GetWindowWidth() - width) / 2, 24 + kTouchTarget));
  ImGui::BeginGroup();
  return width;
}

std::optional<Language> end_column_screen(float width) {
  ImGui::Dummy(ImVec2(width, 24));  // room below the last widget when the screen scrolls
  ImGui::EndGroup();
  auto language = language_picker();
  end_screen();
  return language;
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

// A label laid out on one to three lines at a common scale of the font.
struct LabelLayout {
  std::vector<std::string> lines;
  float scale = 1;
};

// The widest line when `words` are split before the word indices in `breaks`.
float widest_line(const std::vector<std::string>& words, const std::vector<std::size_t>& breaks,
                  std::vector<std::string>* lines = nullptr) {
  float widest = 0;
  std::size_t from = 0;
  for (std::size_t b = 0; b <= breaks.size(); ++b) {
    const std::size_t to = b < breaks.size() ? breaks[b] : words.size();
    std::string line;
    for (std::size_t i = from; i < to; ++i) line += (i > from ? " " : "") + words[i];
    widest = std::max(widest, ImGui::CalcTextSize(line.c_str()).x);
    if (lines) lines->push_back(line);
    from = to;
  }
  return widest;
}

// The layout that keeps the text largest inside `room` × `height`: "Mikrofon | einschalten",
// "Turn | microphone | off" on a narrow phone. Never cut off: when even three lines do not fit,
// the text is made as small as it has to be.
LabelLayout fit_label(const std::string& text, float room, float height) {
  std::vector<std::string> words;
  for (std::size_t from = 0; from <= text.size();) {
    const std::size_t space = std::min(text.find(' ', from), text.size());
    if (space > from) words.push_back(text.substr(from, space - from));
    from = space + 1;
  }
  const float line_h = ImGui::GetTextLineHeight() * 1.1f;
  LabelLayout best;
  auto consider = [&](const std::vector<std::size_t>& breaks) {
    const std::size_t count = breaks.size() + 1;
    if (count > 1 && height <= 0) return;
    float scale = std::min(1.0f, room / std::max(1.0f, widest_line(words, breaks)));
    if (count > 1) scale = std::min(scale, (height - 8) / (count * line_h));
    // Fewer lines win unless more lines make the text clearly larger.
    if (!best.lines.empty() && scale <= best.scale + 0.05f) return;
    best.lines.clear();
    best.scale = scale;
    widest_line(words, breaks, &best.lines);
  };
  consider({});
  for (std::size_t a = 1; a < words.size(); ++a) {
    consider({a});
    for (std::size_t b = a + 1; b < words.size(); ++b) consider({a, b});
  }
  return best;
}

}  // namespace

bool button(const char* label, ImVec2 size, bool wants_focus) {
  if (wants_focus) automation::next_focus_request();
  const float room = size.x - 2 * ImGui::GetStyle().FramePadding.x;
  const std::string visible(label, ImGui::FindRenderedTextEnd(label));
  if (ImGui::CalcTextSize(visible.c_str()).x <= room || room <= 0) {
    const bool clicked = ImGui::Button(label, size);
    return automation::take_press() || clicked;
  }

  // Too wide (narrow phones, long German words): the button is drawn without its label, which is
  // then drawn in the layout that keeps it largest.
  const LabelLayout layout = fit_label(visible, room, size.y);
  automation::next_label(visible);
  const bool clicked = ImGui::Button((std::string("##") + label).c_str(), size);
  automation::clear_next();  // a clipped button reports nothing: the label must not pass on
  const ImVec2 a = ImGui::GetItemRectMin(), b = ImGui::GetItemRectMax();
  ImFont* font = ImGui::GetFont();
  const float fs = ImGui::GetFontSize() * layout.scale, line_h = fs * 1.1f;
  const ImU32 color = ImGui::GetColorU32(ImGuiCol_Text);
  const float top = (a.y + b.y) / 2 - line_h * layout.lines.size() / 2;
  for (std::size_t i = 0; i < layout.lines.size(); ++i) {
    const char* line = layout.lines[i].c_str();
    const float w = font->CalcTextSizeA(fs, FLT_MAX, 0.0f, line).x;
    ImGui::GetWindowDrawList()->AddText(font, fs, ImVec2((a.x + b.x - w) / 2, top + i * line_h), color, line);
  }
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

void rule(float width) {
  const ImVec2 a = ImGui::GetCursorScreenPos();
  ImGui::GetWindowDrawList()->AddLine(ImVec2(a.x, a.y + 4), ImVec2(a.x + width, a.y + 4), IM_COL32(190, 190, 180, 255), 1.0f);
  ImGui::Dummy(ImVec2(width, 9));
}

// The person's video, fitted into the rectangle with its aspect ratio kept, or their initials.
void draw_tile(ImDrawList* dl, const Tile& t, ImVec2 a, ImVec2 b, bool large) {
  dl->AddRectFilled(a, b, kTileBackground, 10.0f);
  const float w = b.x - a.x, h = b.y - a.y;
  const bool picture = t.video && t.camera_on;
  if (picture) {  // shown by the browser under the canvas (ui/video_layer.h)
    float vw = w, vh = w / t.aspect;
    if (vh > h) {
      vh = h;
      vw = h * t.aspect;
    }
    const ImVec2 p(a.x + (w - vw) / 2, a.y + (h - vh) / 2);
    video_layer::show(dl, t.video, p, ImVec2(p.x + vw, p.y + vh), 10.0f, t.mirror);
  }
  // Name (and "you"), on a dark band at the bottom. In a narrow thumbnail a little smaller rather
  // than cut short so soon, then without "(You)" (screen readers still hear it), and then cut at
  // its end: the left for a name written right to left.
  std::string label = t.is_self ? t.name + " (" + tr(Text::You) + ")" : t.name;
  const float room = w - 16 - (t.mic_on ? 0 : 32);
  float fs = ImGui::GetFontSize() * (large ? 1.1f : 0.9f);
  ImVec2 ls = any_text_size(label, fs);
  if (!large && ls.x > room) {
    fs *= std::max(0.75f, room / ls.x);
    ls = any_text_size(label, fs);
    if (ls.x > room && t.is_self) ls = any_text_size(label = t.name, fs);
  }
  const bool cut_on_left = ls.x > room && starts_right_to_left(label);
  const ImVec2 band_a(a.x, b.y - ls.y - 12), band_b(b.x, b.y);
  if (!picture) {
    // The initials, in the space above the band; left out where a short thumbnail has no room.
    const float r = std::min(w * 0.25f, (band_a.y - a.y) * 0.35f);
    if (r >= 10) {
      const ImVec2 c(a.x + w / 2, (a.y + band_a.y) / 2);
      dl->AddCircleFilled(c, r, kAccent, 48);
      const float size = r * 0.9f;
      const ImVec2 ts = any_text_size(t.initials, size);
      draw_any_text(dl, ImVec2(c.x - ts.x / 2, c.y - ts.y / 2), size, IM_COL32_WHITE, t.initials);
    }
  }
  dl->AddRectFilled(band_a, band_b, IM_COL32(0, 0, 0, 140), 10.0f, ImDrawFlags_RoundCornersBottom);
  dl->PushClipRect(ImVec2(a.x + 8, band_a.y), ImVec2(b.x - (t.mic_on ? 8 : 40), b.y), true);
  draw_any_text(dl, ImVec2(cut_on_left ? a.x + 8 + room - ls.x : a.x + 8, band_a.y + 6), fs, IM_COL32_WHITE, label);
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

void progress_bar(float width, float fraction, ImU32 color) {
  ImDrawList* dl = ImGui::GetWindowDrawList();
  const ImVec2 m = ImGui::GetCursorScreenPos();
  dl->AddRectFilled(m, ImVec2(m.x + width, m.y + 6), IM_COL32(220, 220, 212, 255), 3.0f);
  dl->AddRectFilled(m, ImVec2(m.x + width * std::clamp(fraction, 0.0f, 1.0f), m.y + 6), color, 3.0f);
  ImGui::Dummy(ImVec2(width, 8));
}

}  // namespace treff::ui
