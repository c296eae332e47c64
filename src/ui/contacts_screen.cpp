// "My contacts": who is online now, to ring (ui/online_contacts.cpp); the people of the list as
// large photos with their names and presence (pages of them, with arrows, when they do not fit),
// the chosen person's details below, removing with a question first; contact requests to answer;
// and "New contact", a search of the organisation from which a request is sent. The seed has the
// online part as a screen of its own ("Beeldcontact"); here it heads the list, so one screen
// after the login holds both.
#include <algorithm>
#include <string>
#include <utility>

#include "ui/account_catalog.h"
#include "ui/account_screens.h"
#include "ui/connection_catalog.h"
#include "ui/screens.h"
#include "ui/any_text.h"
#include "ui/automation.h"
#include "ui/calling_screens.h"
#include "ui/widgets.h"

namespace treff::ui {
namespace {

constexpr float kGap = 16;
constexpr float kSmallPhoto = 64;
constexpr int kRowsPerPage = 2;

// A row with a small photo, a name and a line under it; `width` wide, as tall as a touch target or
// the photo.
void person_row(const PersonCard& p, const std::string& line, float width) {
  ImDrawList* dl = ImGui::GetWindowDrawList();
  const ImVec2 a = ImGui::GetCursorScreenPos();
  draw_person_photo(dl, p, a, ImVec2(a.x + kSmallPhoto, a.y + kSmallPhoto));
  ImGui::Dummy(ImVec2(kSmallPhoto, kSmallPhoto));
  ImGui::SameLine(0, 12);
  ImGui::BeginGroup();
  const float text_w = width - kSmallPhoto - 12;
  text_block(p.name.c_str(), text_w, kAccent);
  if (!line.empty()) text_block(line.c_str(), text_w);
  ImGui::EndGroup();
}

// Two buttons side by side in `width`; which one was pressed (1 or 2), 0 for none.
int button_pair(const char* first, const char* second, float width, bool first_filled, bool disabled) {
  const float w = (width - kGap) / 2;
  int pressed = 0;
  ImGui::BeginDisabled(disabled);
  if (first_filled ? filled_button(first, ImVec2(w, kTouchTarget), kPrimaryButton) : button(first, ImVec2(w, kTouchTarget)))
    pressed = 1;
  ImGui::SameLine(0, kGap);
  if (button(second, ImVec2(w, kTouchTarget))) pressed = 2;
  ImGui::EndDisabled();
  return pressed;
}

void draw_header(const ContactsView& view, ContactsState& state, float width, ContactsIntents& out) {
  ImGui::PushFont(title_font());
  text_block(tr(AccountText::ContactsTitle), width);
  ImGui::PopFont();
  text_block(tr_with_name(AccountText::ContactsOf, view.my_name).c_str(), width);
  const float w = (width - 2 * kGap) / 3;
  const char* search_label = state.search_open ? tr(AccountText::CloseSearch) : tr(AccountText::NewContact);
  if (filled_button((std::string(search_label) + "###new-contact").c_str(), ImVec2(w, kTouchTarget), kPrimaryButton,
                    ImGui::IsWindowAppearing())) {
    state.search_open = !state.search_open;
    state.focus_search = state.search_open;
  }
  ImGui::SameLine(0, kGap);
  out.my_details |= button(tr(AccountText::MyDetails), ImVec2(w, kTouchTarget));
  ImGui::SameLine(0, kGap);
  out.log_out |= button(tr(AccountText::LogOut), ImVec2(w, kTouchTarget));
  if (view.error) text_block(view.error, width, kWarning);
  if (!view.notice.empty()) text_block(view.notice.c_str(), width, kGood);
  ImGui::Spacing();
}

void draw_search(const ContactsView& view, ContactsState& state, float width, ContactsIntents& out) {
  if (automation::take_escape()) {
    state.search_open = false;
    return;
  }
  ImGui::TextUnformatted(tr(AccountText::FindPerson));
  const float button_w = std::min(160.0f, width / 3);
  out.search |= text_field("##find", tr(AccountText::FindPerson), state.query, sizeof state.query,
                           width - button_w - kGap, {"off", std::exchange(state.focus_search, false)});
  ImGui::SameLine(0, kGap);
  out.search |= button(tr(AccountText::Search), ImVec2(button_w, kTouchTarget));
  if (view.searched && view.found.empty()) text_block(tr(AccountText::NobodyFound), width);
  for (const FoundPerson& f : view.found) {
    ImGui::PushID(f.card.id);
    person_row(f.card, f.card.email, width);
    if (f.state == FoundState::CanAsk) {
      ImGui::BeginDisabled(view.busy);
      if (button(tr(AccountText::SendRequest), ImVec2(width, kTouchTarget))) out.request = f.card.id;
      ImGui::EndDisabled();
    } else if (f.state == FoundState::AlreadyContact) {
      text_block(tr(AccountText::AlreadyContact), width);
    } else if (f.state == FoundState::Waiting) {
      text_block(tr(AccountText::WaitingForAnswer), width);
    }
    ImGui::PopID();
    ImGui::Spacing();
  }
  rule(width);
  ImGui::Spacing();
}

void draw_requests(const ContactsView& view, float width, ContactsIntents& out) {
  if (view.asking_me.empty()) return;
  text_block(tr(AccountText::RequestsTitle), width, kAccent);
  for (const PersonCard& p : view.asking_me) {
    ImGui::PushID(p.id);
    person_row(p, tr_with_name(AccountText::WantsContact, p.name), width);
    const int pressed = button_pair(tr(AccountText::Accept), tr(AccountText::Decline), width, true, view.busy);
    if (pressed == 1) out.accept = p.id;
    if (pressed == 2) out.decline = p.id;
    ImGui::PopID();
    ImGui::Spacing();
  }
  rule(width);
  ImGui::Spacing();
}

// The photos, a page at a time; the selected one framed.
void draw_grid(const ContactsView& view, ContactsState& state, float width) {
  if (view.contacts.empty()) {
    text_block(tr(AccountText::NoContactsYet), width);
    return;
  }
  const int columns = std::max(2, static_cast<int>((width + kGap) / (150 + kGap)));
  const float tile = (width - (columns - 1) * kGap) / static_cast<float>(columns);
  const int per_page = columns * kRowsPerPage;
  const int count = static_cast<int>(view.contacts.size());
  const int pages = (count + per_page - 1) / per_page;
  state.page = std::clamp(state.page, 0, pages - 1);
  const float name_h = ImGui::GetTextLineHeightWithSpacing() + 8;
  ImDrawList* dl = ImGui::GetWindowDrawList();
  const ImVec2 origin = ImGui::GetCursorScreenPos();
  const int first = state.page * per_page, last = std::min(count, first + per_page);
  for (int i = first; i < last; ++i) {
    const PersonCard& p = view.contacts[static_cast<std::size_t>(i)];
    const int k = i - first, column = k % columns, row = k / columns;
    const ImVec2 a(origin.x + column * (tile + kGap), origin.y + row * (tile + name_h + kGap));
    const ImVec2 b(a.x + tile, a.y + tile);
    ImGui::SetCursorScreenPos(a);
    ImGui::PushID(p.id);
    const bool clicked = ImGui::InvisibleButton("photo", ImVec2(tile, tile + name_h));
    const bool selected = state.selected == p.id;
    automation::report_last_item(automation::Role::Thumbnail, p.name, selected, presence_words(p.presence));
    if (automation::take_press() || clicked) {
      state.selected = p.id;  // a second click keeps it chosen: no toggle to surprise anyone
      state.confirm_remove = 0;
    }
    ImGui::PopID();
    draw_person_photo(dl, p, a, b);
    if (selected || ImGui::IsItemHovered()) dl->AddRect(a, b, selected ? kAccent : IM_COL32(120, 120, 120, 255), 10.0f, 0, selected ? 4.0f : 2.0f);
    const ImVec2 ts = any_text_size(p.name, ImGui::GetFontSize(), tile);
    draw_any_text(dl, ImVec2(a.x + std::max(0.0f, (tile - ts.x) / 2), b.y + 4), ImGui::GetFontSize(),
                  ImGui::GetColorU32(ImGuiCol_Text), p.name, tile);
  }
  const int rows = (last - first + columns - 1) / columns;
  ImGui::SetCursorScreenPos(ImVec2(origin.x, origin.y + rows * (tile + name_h + kGap)));
  ImGui::Dummy(ImVec2(width, 0));
  if (pages > 1) {
    const float w = (width - 2 * kGap) / 3;
    ImGui::BeginDisabled(state.page == 0);
    if (button(tr(AccountText::PreviousPage), ImVec2(w, kTouchTarget))) --state.page;
    ImGui::EndDisabled();
    ImGui::SameLine(0, kGap);
    const std::string page = tr_with_name(AccountText::PageOf, std::to_string(state.page + 1) + " / " + std::to_string(pages));
    // Drawn, not laid out: text on a line with buttons would sit on their text's baseline, lower.
    const ImVec2 ps = ImGui::CalcTextSize(page.c_str());
    const ImVec2 at = ImGui::GetCursorScreenPos();
    const ImVec2 text_at(at.x + (w - ps.x) / 2, at.y + (kTouchTarget - ps.y) / 2);
    ImGui::GetWindowDrawList()->AddText(text_at, ImGui::GetColorU32(ImGuiCol_Text), page.c_str());
    report_text(page.c_str(), text_at, ImVec2(text_at.x + ps.x, text_at.y + ps.y));
    ImGui::SetCursorScreenPos(ImVec2(at.x + w + kGap, at.y));
    ImGui::BeginDisabled(state.page + 1 >= pages);
    if (button(tr(AccountText::NextPage), ImVec2(w, kTouchTarget))) ++state.page;
    ImGui::EndDisabled();
  }
}

// The selected person's details, and removing them (after a question).
void draw_selected(const ContactsView& view, ContactsState& state, float width, ContactsIntents& out) {
  const auto it = std::find_if(view.contacts.begin(), view.contacts.end(),
                               [&](const PersonCard& p) { return p.id == state.selected; });
  if (it == view.contacts.end()) {
    state.selected = state.confirm_remove = 0;
    return;
  }
  const PersonCard& p = *it;
  ImGui::Spacing();
  rule(width);
  ImGui::Spacing();
  ImGui::PushFont(title_font());
  text_block(p.name.c_str(), width);
  ImGui::PopFont();
  auto line = [&](AccountText caption, const std::string& value) {
    if (value.empty()) return;
    text_block((std::string(tr(caption)) + ": " + value).c_str(), width);
  };
  line(AccountText::Email, p.email);
  line(AccountText::Phone, p.phone);
  line(AccountText::Organisation, p.organisation);
  if (!p.about.empty()) text_block(p.about.c_str(), width);
  ImGui::Spacing();
  ImGui::PushID(p.id);
  if (state.confirm_remove != p.id) {
    ImGui::BeginDisabled(view.busy);
    if (button(tr(AccountText::RemoveContact), ImVec2(std::min(width, 320.0f), kTouchTarget))) state.confirm_remove = p.id;
    ImGui::EndDisabled();
  } else {
    text_block(tr_with_name(AccountText::ConfirmRemove, p.name).c_str(), width, kWarning);
    const float w = (width - kGap) / 2;
    ImGui::BeginDisabled(view.busy);
    if (filled_button(tr(AccountText::YesRemove), ImVec2(w, kTouchTarget), kDangerButton, true)) {
      out.remove = p.id;
      state.confirm_remove = 0;
    }
    ImGui::EndDisabled();
    ImGui::SameLine(0, kGap);
    if (button(tr(AccountText::Cancel), ImVec2(w, kTouchTarget)) || automation::take_escape()) state.confirm_remove = 0;
  }
  ImGui::PopID();
}

void draw_asked(const ContactsView& view, float width) {
  if (view.asked.empty()) return;
  ImGui::Spacing();
  rule(width);
  text_block(tr(AccountText::AskedTitle), width, kAccent);
  for (const PersonCard& p : view.asked) {
    ImGui::PushID(p.id);
    person_row(p, tr(AccountText::WaitingForAnswer), width);
    ImGui::PopID();
  }
}

}  // namespace

ContactsIntents draw_contacts_screen(const ContactsView& view, ContactsState& state) {
  ContactsIntents out;
  const float width = begin_column_screen("contacts", 760);
  draw_header(view, state, width, out);
  if (view.online.available) out.calling = draw_online_contacts(view.online, state.chosen, width);
  if (state.search_open) draw_search(view, state, width, out);
  draw_requests(view, width, out);
  draw_grid(view, state, width);
  draw_selected(view, state, width, out);
  draw_asked(view, width);
  ImGui::Spacing();
  rule(width);
  out.rooms |= button(tr(AccountText::CallByLink), ImVec2(std::min(width, 320.0f), kTouchTarget));
  out.test_connection |= button(tr(ConnectionText::TestConnection), ImVec2(std::min(width, 320.0f), kTouchTarget));
  out.language = end_column_screen(width);
  return out;
}

}  // namespace treff::ui
