#include "ui/automation.h"

#include <imgui.h>
#include <imgui_internal.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <cstring>
#include <map>
#include <optional>
#include <utility>

namespace treff::ui::automation {
namespace {

struct Pending {
  std::optional<Role> role;
  std::optional<std::string> label;
  std::optional<std::string> value;
  std::string autocomplete;
  bool secret = false;
  bool read_only = false;
  bool select_all = false;
  bool focus_request = false;
};

// What the DOM mirror asked of one widget.
struct Request {
  bool press = false;
  bool submit = false;
  std::optional<std::string> text;
};

std::map<ImGuiID, ImRect> g_rects;  // every item added this frame
std::vector<Node> g_building;
std::vector<Node> g_done;
Pending g_next;
std::map<unsigned, Request> g_requests;
bool g_escape = false;
unsigned g_focused = 0;
bool g_focus_moved = false;  // since the last frame

bool last_item_disabled() { return (ImGui::GetCurrentContext()->CurrentItemFlags & ImGuiItemFlags_Disabled) != 0; }

// The request for the widget drawn last, if the mirror made one.
Request* last_item_request() {
  auto it = g_requests.find(ImGui::GetItemID());
  return it == g_requests.end() ? nullptr : &it->second;
}

}  // namespace

void enable() { ImGui::GetCurrentContext()->TestEngineHookItems = true; }

void begin_frame() {
  g_building.clear();
  g_rects.clear();
  g_next = {};
}

void end_frame() {
  g_done.swap(g_building);
  g_requests.clear();  // requests for widgets that were not drawn: their screen is gone
  g_escape = false;    // nothing open to close
  g_focus_moved = false;  // this frame brought it into view
}

void next_focus_request() { g_next.focus_request = true; }

void report_last_item(Role role, const std::string& label, bool pressed, const std::string& detail) {
  Node n;
  n.id = ImGui::GetItemID();
  n.label = label;
  n.role = role;
  n.pressed = pressed;
  n.checked = role == Role::Checkbox && pressed;  // a choice drawn by hand (a photo to ring)
  n.detail = detail;
  const ImVec2 a = ImGui::GetItemRectMin(), b = ImGui::GetItemRectMax();
  n.x = a.x, n.y = a.y, n.w = b.x - a.x, n.h = b.y - a.y;
  n.disabled = last_item_disabled();
  n.focus_request = g_next.focus_request;
  g_building.push_back(std::move(n));
  g_next = {};
}

void request_press(unsigned id) { g_requests[id].press = true; }
void request_text(unsigned id, std::string text) { g_requests[id].text = std::move(text); }
void request_submit(unsigned id) { g_requests[id].submit = true; }
void request_escape() { g_escape = true; }
bool has_requests() { return !g_requests.empty() || g_escape || g_focus_moved; }
void note_focus(unsigned id) {
  g_focus_moved |= id != g_focused;
  g_focused = id;
}
unsigned focused_widget() { return g_focused; }
const std::vector<Node>& building() { return g_building; }
bool take_escape() { return std::exchange(g_escape, false); }

bool take_press() {
  Request* r = last_item_request();
  if (!r || !r->press) return false;
  r->press = false;
  return !last_item_disabled();
}

bool take_text(unsigned id, char* buf, std::size_t size) {
  auto it = g_requests.find(id);
  Request* r = it == g_requests.end() ? nullptr : &it->second;
  if (!r || !r->text || size == 0) return false;
  std::size_t n = std::min(r->text->size(), size - 1);
  // Never end inside a UTF-8 sequence: back up to the lead byte of a cut character.
  if (n < r->text->size())
    while (n > 0 && (static_cast<unsigned char>((*r->text)[n]) & 0xC0) == 0x80) --n;
  std::memcpy(buf, r->text->data(), n);
  buf[n] = '\0';
  r->text.reset();
  return true;
}

bool take_submit() {
  Request* r = last_item_request();
  if (!r || !r->submit) return false;
  r->submit = false;
  return !last_item_disabled();
}

const std::vector<Node>& nodes() { return g_done; }

void next_role(Role role) { g_next.role = role; }
void next_label(const std::string& label) { g_next.label = label; }
void next_value(const std::string& value) { g_next.value = value; }
void next_autocomplete(const char* hint) { g_next.autocomplete = hint; }
void next_secret() { g_next.secret = true; }
void next_read_only() { g_next.read_only = true; }
void next_select_all() { g_next.select_all = true; }
void clear_next() { g_next = {}; }

void add_text(const std::string& label, float x, float y, float w, float h) {
  Node n;
  n.label = label;
  n.role = Role::Text;
  n.x = x, n.y = y, n.w = w, n.h = h;
  g_building.push_back(std::move(n));
}

const char* role_name(Role role) {
  switch (role) {
    case Role::Button: return "button";
    case Role::Input: return "input";
    case Role::Checkbox: return "checkbox";
    case Role::Thumbnail: return "thumbnail";
    case Role::Text: return "text";
  }
  return "button";
}

std::string to_json() {
  nlohmann::json out = nlohmann::json::array();
  for (const Node& n : g_done) {
    nlohmann::json j{{"id", n.id},
                     {"label", n.label},
                     {"role", role_name(n.role)},
                     {"rect", {{"x", n.x}, {"y", n.y}, {"w", n.w}, {"h", n.h}}},
                     {"disabled", n.disabled}};
    if (n.role == Role::Thumbnail) j["pressed"] = n.pressed;
    if (!n.detail.empty()) j["detail"] = n.detail;
    if (n.focus_request) j["focusRequest"] = true;
    if (n.role == Role::Checkbox) j["checked"] = n.checked;
    if (n.role == Role::Input) {
      j["value"] = n.value;
      j["autocomplete"] = n.autocomplete.empty() ? "off" : n.autocomplete;
      if (n.secret) j["secret"] = true;
      if (n.read_only) j["readOnly"] = true;
      if (n.select_all) j["selectAll"] = true;
    }
    out.push_back(std::move(j));
  }
  return out.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

}  // namespace treff::ui::automation

using namespace treff::ui::automation;

// Dear ImGui calls these for every item when TestEngineHookItems is set.
void ImGuiTestEngineHook_ItemAdd(ImGuiContext*, const ImRect& bb, ImGuiID id) {
  if (id != 0) g_rects[id] = bb;
}

void ImGuiTestEngineHook_ItemInfo(ImGuiContext* ctx, ImGuiID id, const char* label, ImGuiItemStatusFlags flags) {
  auto rect = g_rects.find(id);
  if (rect == g_rects.end()) return;
  Node n;
  n.id = id;
  const char* end = ImGui::FindRenderedTextEnd(label);  // drop "##id" suffixes
  n.label = g_next.label.value_or(std::string(label, end));
  n.role = g_next.role.value_or((flags & ImGuiItemStatusFlags_Checkable) ? Role::Checkbox : Role::Button);
  n.checked = (flags & ImGuiItemStatusFlags_Checked) != 0;
  n.value = g_next.value.value_or("");
  n.autocomplete = g_next.autocomplete;
  n.secret = g_next.secret;
  n.read_only = g_next.read_only;
  n.select_all = g_next.select_all;
  n.x = rect->second.Min.x, n.y = rect->second.Min.y;
  n.w = rect->second.GetWidth(), n.h = rect->second.GetHeight();
  n.disabled = (ctx->CurrentItemFlags & ImGuiItemFlags_Disabled) != 0;
  n.focus_request = g_next.focus_request;
  g_building.push_back(std::move(n));
  g_next = {};
}

void ImGuiTestEngineHook_Log(ImGuiContext*, const char*, ...) {}
const char* ImGuiTestEngine_FindItemDebugLabel(ImGuiContext*, ImGuiID) { return nullptr; }
