// "Online now": as the seed's Beeldcontact screen, the contacts who are online at this moment as
// photos; clicking one or more chooses them, and "Start beeldcontact" (or "Alleen bellen") rings
// them. A contact in a call is shown but cannot be chosen.
#include <algorithm>
#include <string>

#include "ui/any_text.h"
#include "ui/automation.h"
#include "ui/calling_catalog.h"
#include "ui/calling_screens.h"
#include "ui/screens.h"
#include "ui/widgets.h"

namespace treff::ui {
namespace {

constexpr float kGap = 16;
constexpr float kPhoto = 120;

bool is_chosen(const std::vector<int>& chosen, int id) { return std::find(chosen.begin(), chosen.end(), id) != chosen.end(); }

// One contact: photo (framed and ticked when chosen) and name under it; a click toggles.
void person_choice(const PersonCard& p, std::vector<int>& chosen, ImVec2 a, float side, float name_h) {
  ImDrawList* dl = ImGui::GetWindowDrawList();
  const ImVec2 b(a.x + side, a.y + side);
  ImGui::SetCursorScreenPos(a);
  ImGui::PushID(p.id);
  const bool callable = p.presence == PresenceMark::Online;
  const bool on = is_chosen(chosen, p.id);
  const bool clicked = ImGui::InvisibleButton("choose", ImVec2(side, side + name_h));
  std::string detail = presence_words(p.presence);
  if (on) detail += std::string(", ") + tr(CallingText::Chosen);
  automation::report_last_item(automation::Role::Checkbox, p.name, on, detail);
  if ((automation::take_press() || clicked) && callable) {
    if (on) chosen.erase(std::remove(chosen.begin(), chosen.end(), p.id), chosen.end());
    else chosen.push_back(p.id);
  }
  ImGui::PopID();
  draw_person_photo(dl, p, a, b);
  if (on) {
    dl->AddRect(a, b, kAccent, 10.0f, 0, 5.0f);
    const ImVec2 c(a.x + 18, a.y + 18);  // a tick in a disc at the top left
    dl->AddCircleFilled(c, 14, kAccent, 24);
    dl->AddPolyline(std::vector<ImVec2>{ImVec2(c.x - 7, c.y), ImVec2(c.x - 2, c.y + 5), ImVec2(c.x + 7, c.y - 5)}.data(), 3,
                    IM_COL32_WHITE, 0, 3.0f);
  } else if (ImGui::IsItemHovered() && callable) {
    dl->AddRect(a, b, IM_COL32(120, 120, 120, 255), 10.0f, 0, 2.0f);
  }
  const ImVec2 ts = any_text_size(p.name, ImGui::GetFontSize(), side);
  draw_any_text(dl, ImVec2(a.x + std::max(0.0f, (side - ts.x) / 2), b.y + 4), ImGui::GetFontSize(),
                ImGui::GetColorU32(ImGuiCol_Text), p.name, side);
}

}  // namespace

OnlineContactsIntents draw_online_contacts(const OnlineContactsView& view, std::vector<int>& chosen, float width) {
  OnlineContactsIntents out;
  // Who went offline (or into a call) is no longer chosen.
  chosen.erase(std::remove_if(chosen.begin(), chosen.end(),
                              [&](int id) {
                                return std::none_of(view.online.begin(), view.online.end(), [id](const PersonCard& p) {
                                  return p.id == id && p.presence == PresenceMark::Online;
                                });
                              }),
               chosen.end());
  text_block(tr(CallingText::OnlineNow), width, kAccent);
  if (!view.outcome.empty()) {
    text_block(view.outcome.c_str(), width, kWarning);
    out.dismiss = button(tr(CallingText::Dismiss), ImVec2(std::min(width, 160.0f), kTouchTarget));
  }
  if (view.problem) text_block(view.problem, width, kWarning);
  out.voice = draw_voice_mail(view.voice, width);
  // The photos' place is held (a row) while there are none, so that the list below does not move
  // under the person's hand when someone comes online: only a second row moves it.
  const int columns = std::max(2, static_cast<int>((width + kGap) / (kPhoto + kGap)));
  const float side = std::min(kPhoto, (width - (columns - 1) * kGap) / static_cast<float>(columns));
  const float name_h = ImGui::GetTextLineHeightWithSpacing() + 8;
  const float row_h = side + name_h;
  const char* hint = view.connecting ? tr(CallingText::Connecting)
                     : view.online.empty() ? tr(CallingText::NobodyOnline) : tr(CallingText::ChooseWhom);
  float hint_h = 0;  // as tall as the tallest of the three, whichever shows
  for (CallingText t : {CallingText::Connecting, CallingText::NobodyOnline, CallingText::ChooseWhom})
    hint_h = std::max(hint_h, ImGui::CalcTextSize(tr(t), nullptr, false, width).y);
  const float hint_top = ImGui::GetCursorScreenPos().y;
  text_block(hint, width);
  ImGui::Dummy(ImVec2(width, std::max(0.0f, hint_top + hint_h - ImGui::GetCursorScreenPos().y)));
  const ImVec2 origin = ImGui::GetCursorScreenPos();
  const int count = view.connecting ? 0 : static_cast<int>(view.online.size());
  for (int i = 0; i < count; ++i) {
    const ImVec2 a(origin.x + (i % columns) * (side + kGap), origin.y + (i / columns) * (row_h + kGap));
    person_choice(view.online[static_cast<std::size_t>(i)], chosen, a, side, name_h);
  }
  const int rows = std::max(1, (count + columns - 1) / columns);
  ImGui::SetCursorScreenPos(ImVec2(origin.x, origin.y + rows * (row_h + kGap)));
  ImGui::Dummy(ImVec2(width, 0));
  const float w = (width - kGap) / 2;
  ImGui::BeginDisabled(chosen.empty());
  out.start = filled_button(tr(CallingText::StartCall), ImVec2(w, kTouchTarget), kPrimaryButton);
  ImGui::SameLine(0, kGap);
  out.sound_only = button(tr(CallingText::SoundOnlyCall), ImVec2(w, kTouchTarget));
  ImGui::EndDisabled();
  if (view.offer_notifications) {
    text_block(tr(CallingText::NotificationsWhy), width);
    out.allow_notifications = button(tr(CallingText::AllowNotifications), ImVec2(std::min(width, 320.0f), kTouchTarget));
  }
  ImGui::Spacing();
  rule(width);
  ImGui::Spacing();
  return out;
}

}  // namespace treff::ui
