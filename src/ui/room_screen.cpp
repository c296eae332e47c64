#include <algorithm>
#include <string>
#include <utility>

#include "ui/audio_catalog.h"
#include "ui/automation.h"
#include "ui/calling_catalog.h"
#include "ui/catalog.h"
#include "ui/screen_scroll.h"
#include "ui/screens.h"
#include "ui/widgets.h"

namespace treff::ui {
namespace {

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

// The organisation's people, online first, each rung into this room with a click; the offline
// ones are listed (greyed) so that nobody is looked for in vain.
void draw_colleagues(const RoomView& view, float width, RoomIntents& out) {
  text_block(tr(CallingText::CallColleague), width, kAccent);
  if (!view.ring_note.empty()) text_block(view.ring_note.c_str(), width, kWarning);
  if (view.colleagues.empty()) {
    text_block(tr(CallingText::NoColleagues), width);
    return;
  }
  text_block(tr(CallingText::CallColleagueHow), width);
  for (const auto& person : view.colleagues) {
    const std::string label = person.label + "###colleague-" + std::to_string(person.id);
    ImGui::BeginDisabled(!person.reachable);
    if (button(label.c_str(), ImVec2(width, kTouchTarget))) out.call_colleague = person.id;
    ImGui::EndDisabled();
  }
}

// The room menu, below its button at the top right of the stage: the invite link, whether the room
// is locked and, for the host, the password to lock it with or the button to remove it.
void draw_room_menu(const RoomView& view, RoomMenu& menu, ImVec2 top_right, float width, float visible_bottom,
                    RoomIntents& out) {
  // On a short screen what does not fit below the button is scrolled to (wheel, finger, or keyboard
  // focus), the menu moving up over the stage; nothing of it is ever cut off for the keyboard.
  scroll::place_window("room-menu", ImVec2(top_right.x - width, top_right.y), width, 0.0f, visible_bottom);
  ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(16, 16));
  ImGui::PushStyleVar(ImGuiStyleVar_WindowBorderSize, 1.0f);
  ImGui::Begin("room-menu", nullptr, ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove |
                                         ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoScrollWithMouse);
  scroll::unclip();
  const float inner = width - 32;
  // A window that has just opened is measured in its first frame (it is as tall as what it drew
  // before) and most of its items are clipped then: keyboard focus is asked for in the frame after.
  const bool focus = !ImGui::IsWindowAppearing() && std::exchange(menu.focus_first, false);

  // Invite: the link, copied with one press (or selected for copying by hand), or shared.
  text_block(tr(Text::InviteTitle), inner, kAccent);
  char link[1024] = {};
  view.link.copy(link, sizeof link - 1);
  FieldOptions link_field;
  link_field.read_only = true;
  link_field.wants_focus = link_field.select_all = std::exchange(menu.select_link, false);
  text_field("##link", tr(Text::RoomLink), link, sizeof link, inner, link_field);
  if (view.can_share) {
    const float half = (inner - 8) / 2;
    if (primary_button(tr(Text::CopyLink), half, focus)) out.copy_link = true;
    ImGui::SameLine(0, 8);
    if (button(tr(Text::ShareLink), ImVec2(half, kTouchTarget))) out.share_link = true;
  } else if (primary_button(tr(Text::CopyLink), inner, focus)) {
    out.copy_link = true;
  }
  if (menu.invite == InviteStatus::Copied) text_block(tr(Text::LinkCopied), inner, kGood);
  if (menu.invite == InviteStatus::CopyFailed) text_block(tr(Text::CopyByHand), inner, kWarning);
  ImGui::Separator();
  if (view.can_record) {
    const char* label = view.recording ? tr(AudioText::StopRecording) : tr(AudioText::RecordCall);
    if (button((std::string(label) + "###record").c_str(), ImVec2(inner, kTouchTarget))) out.toggle_recording = true;
    if (!view.recording_result.empty())
      text_block(view.recording_result.c_str(), inner, view.recording_failed ? kWarning : kGood);
    ImGui::Separator();
  }
  if (view.can_call_colleagues) {
    draw_colleagues(view, inner, out);
    ImGui::Separator();
  }

  // The password.
  text_block(view.locked ? tr(Text::RoomIsLocked) : tr(Text::RoomIsOpen), inner);
  if (!view.is_host) {
    text_block(tr_with_name(Text::OnlyHostLocks, view.host_name).c_str(), inner);
  } else if (view.locked) {
    if (button(tr(Text::UnlockRoom), ImVec2(inner, kTouchTarget))) out.unlock = true;
  } else {
    ImGui::TextUnformatted(tr(Text::Password));
    FieldOptions secret{"new-password"};
    secret.secret = true;
    if (text_field("##room-password", tr(Text::Password), menu.password, sizeof menu.password, inner, secret))
      out.lock = true;
    if (menu.error) text_block(menu.error, inner, kWarning);
    if (button(tr(Text::LockRoom), ImVec2(inner, kTouchTarget))) out.lock = true;
  }
  scroll::finish_window();
  ImGui::End();
  ImGui::PopStyleVar(2);
}

// Where the thumbnails go in their strip: so many columns, and each tile's size.
struct StripGrid {
  int columns = 1;
  ImVec2 tile;
};

// The rows and columns that make the largest 4:3 picture fit in each tile: six people in a
// phone's strip are three by two, in a landscape column two by three. A tile fills its cell's
// width, and is at most square: a picture keeps its shape inside it.
StripGrid strip_grid(int n, float width, float height, float gap) {
  StripGrid best;
  float best_picture = -1;
  for (int columns = 1; columns <= std::max(n, 1); ++columns) {
    const int rows = (std::max(n, 1) + columns - 1) / columns;
    const float cell_w = (width - gap * (columns - 1)) / columns, cell_h = (height - gap * (rows - 1)) / rows;
    const float picture = std::min(cell_w, cell_h * 4 / 3);
    if (picture <= best_picture) continue;
    best_picture = picture;
    best.columns = columns;
    best.tile = ImVec2(cell_w, std::min(cell_h, cell_w));
  }
  return best;
}

// The smallest thumbnail worth showing (CSS px high): a face and the name on it can still be told
// apart. Smaller, the thumbnails come a page at a time.
constexpr float kMinThumbnailHeight = 72;

// The thumbnails of one page: which (first, count), in which grid, and how many pages there are.
struct ThumbnailPage {
  int first = 0, count = 0;
  int page = 0, pages = 1;
  StripGrid grid;
};

ThumbnailPage thumbnail_page(int n, int wanted_page, float width, float height, float gap) {
  ThumbnailPage p;
  p.count = n;
  p.grid = strip_grid(n, width, height, gap);
  if (n <= 1 || p.grid.tile.y >= kMinThumbnailHeight) return p;
  // Room for the page buttons and the page number under the thumbnails.
  const float room = height - kTouchTarget - gap - ImGui::GetFontSize() - gap;
  int per_page = 1;
  for (int k = n - 1; k > 1; --k) {
    if (strip_grid(k, width, room, gap).tile.y >= kMinThumbnailHeight) {
      per_page = k;
      break;
    }
  }
  p.grid = strip_grid(per_page, width, room, gap);
  p.pages = (n + per_page - 1) / per_page;
  p.page = std::clamp(wanted_page, 0, p.pages - 1);
  p.first = p.page * per_page;
  p.count = std::min(per_page, n - p.first);
  return p;
}

}  // namespace

RoomIntents draw_room_screen(const RoomView& view, RoomMenu& menu, ThumbnailPages& pages) {
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
  if (!view.recording_note.empty()) lines.push_back(view.recording_note.c_str());
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
  // The caller's contacts are being rung: who, how long they still have, and "Stop".
  if (view.ringing) {
    ImGui::SetCursorScreenPos(ImVec2(origin.x + pad, top));
    out.stop_ringing = draw_ring_bar(*view.ringing, size.x - 2 * pad);
    top = ImGui::GetCursorScreenPos().y + 6;
  }
  // Without this click the others stay silent: first on the screen, and first in Tab order.
  if (view.sound_blocked) {
    const float w = std::min(size.x - 2 * pad, 420.0f);
    ImGui::SetCursorScreenPos(ImVec2(origin.x + (size.x - w) / 2, top));
    if (primary_button(tr(Text::HearOthers), w)) out.hear_others = true;
    top += kTouchTarget + 6;
  }

  // Stage (large view) and strip (thumbnails): strip on the right in landscape, below in portrait.
  const float stage_bottom = origin.y + size.y - toolbar_h;
  ImVec2 stage_a(origin.x + pad, top), stage_b, strip_a, strip_b;
  if (landscape) {
    // More than three people get a wider strip, for two columns of thumbnails with names in them.
    const float strip_w = std::clamp(size.x * (view.tiles.size() > 3 ? 0.3f : 0.2f), 140.0f, 300.0f);
    stage_b = ImVec2(origin.x + size.x - strip_w - 2 * pad, stage_bottom);
    strip_a = ImVec2(stage_b.x + pad, top);
    strip_b = ImVec2(origin.x + size.x - pad, stage_bottom);
  } else {
    // More than three people get a taller strip, for two rows of thumbnails.
    const float strip_h = std::clamp(size.y * (view.tiles.size() > 3 ? 0.3f : 0.18f), 100.0f, 260.0f);
    stage_b = ImVec2(origin.x + size.x - pad, stage_bottom - strip_h - pad);
    strip_a = ImVec2(origin.x + pad, stage_b.y + pad);
    strip_b = ImVec2(origin.x + size.x - pad, stage_bottom);
  }
  const auto shown = [&out](const Tile& t, float height) {
    float& tallest = out.shown_heights[t.id];
    tallest = std::max(tallest, height);
  };
  if (view.large >= 0 && view.large < static_cast<int>(view.tiles.size())) {
    draw_tile(dl, view.tiles[static_cast<std::size_t>(view.large)], stage_a, stage_b, true);
    shown(view.tiles[static_cast<std::size_t>(view.large)], stage_b.y - stage_a.y);
  }

  // The room menu's button, at the top right of the stage; its label says whether the room is locked.
  // Drawn (and so in Tab order) before the thumbnails and the toolbar, as it is read: top first, and
  // the open menu's contents right after its button.
  const std::string menu_label = std::string(view.locked ? tr(Text::RoomMenuLocked) : tr(Text::RoomMenu)) + "###room";
  const float menu_w = ImGui::CalcTextSize(menu_label.c_str(), nullptr, true).x + 2 * ImGui::GetStyle().FramePadding.x;
  ImGui::SetCursorScreenPos(ImVec2(stage_b.x - menu_w - 8, stage_a.y + 8));
  const bool focus_button = std::exchange(menu.focus_button, false);
  if (button(menu_label.c_str(), ImVec2(menu_w, kTouchTarget), focus_button)) out.toggle_menu = true;
  // Escape closes the open menu, and focus goes back to its button (as with any menu).
  if (menu.open && automation::take_escape()) out.close_menu = true;
  const ImVec2 menu_anchor(stage_b.x - 8, ImGui::GetItemRectMax().y + 6);
  if (menu.open)
    draw_room_menu(view, menu, menu_anchor, std::min(420.0f, stage_b.x - stage_a.x - 16), origin.y + size.y - pad, out);

  // Thumbnails: buttons, so mouse, touch and keyboard (Tab + Enter, through the mirror) can pick who
  // is large. In the grid of rows and columns that gives each the largest picture; when that would
  // make them too small to see a face, a page at a time with buttons to turn the pages.
  const int n = static_cast<int>(view.tiles.size());
  const ThumbnailPage page = thumbnail_page(n, pages.page, strip_b.x - strip_a.x, strip_b.y - strip_a.y, pad);
  pages.page = page.page;
  const StripGrid& grid = page.grid;
  for (int i = page.first; i < page.first + page.count; ++i) {
    const Tile& t = view.tiles[static_cast<std::size_t>(i)];
    const int column = (i - page.first) % grid.columns, row = (i - page.first) / grid.columns;
    const ImVec2 a(strip_a.x + column * (grid.tile.x + pad), strip_a.y + row * (grid.tile.y + pad));
    const ImVec2 b(a.x + grid.tile.x, a.y + grid.tile.y);
    ImGui::SetCursorScreenPos(a);
    ImGui::PushID(t.id.c_str());
    const bool clicked = ImGui::InvisibleButton(t.name.c_str(), ImVec2(b.x - a.x, b.y - a.y));
    automation::report_last_item(automation::Role::Thumbnail, t.name, i == view.large, tile_detail(t));
    if (automation::take_press() || clicked) out.pick = t.id;
    ImGui::PopID();
    draw_tile(dl, t, a, b, false);
    shown(t, b.y - a.y);
    if (i == view.large) dl->AddRect(a, b, IM_COL32_WHITE, 10.0f, 0, 3.0f);
  }
  if (page.pages > 1) {
    // The page buttons under the thumbnails (after them in Tab order), half the strip's width each.
    const float bw = (strip_b.x - strip_a.x - pad) / 2, y = strip_b.y - kTouchTarget;
    ImGui::SetCursorScreenPos(ImVec2(strip_a.x, y));
    ImGui::BeginDisabled(page.page == 0);
    if (button(tr(Text::PreviousPeople), ImVec2(bw, kTouchTarget))) --pages.page;
    ImGui::EndDisabled();
    ImGui::SetCursorScreenPos(ImVec2(strip_a.x + bw + pad, y));
    ImGui::BeginDisabled(page.page + 1 >= page.pages);
    if (button(tr(Text::NextPeople), ImVec2(bw, kTouchTarget))) ++pages.page;
    ImGui::EndDisabled();
    std::string of = tr(Text::PageOfPages);
    of.replace(of.find("{page}"), 6, std::to_string(page.page + 1));
    of.replace(of.find("{pages}"), 7, std::to_string(page.pages));
    const ImVec2 ts = ImGui::CalcTextSize(of.c_str());
    const ImVec2 at(strip_a.x + (strip_b.x - strip_a.x - ts.x) / 2, y - pad / 2 - ts.y);
    dl->AddText(at, ImGui::GetColorU32(ImGuiCol_Text), of.c_str());
    report_text(of.c_str(), at, ImVec2(at.x + ts.x, at.y + ts.y));
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

  ImGui::End();
  ImGui::PopStyleVar();
  return out;
}

}  // namespace treff::ui
