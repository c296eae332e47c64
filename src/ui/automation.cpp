#include "ui/automation.h"

#include <imgui.h>
#include <imgui_internal.h>
#include <nlohmann/json.hpp>

#include <map>
#include <optional>

namespace treff::ui::automation {
namespace {

struct Pending {
  std::optional<Role> role;
  std::optional<std::string> label;
  std::optional<std::string> value;
};

std::map<ImGuiID, ImRect> g_rects;  // every item added this frame
std::vector<Node> g_building;
std::vector<Node> g_done;
Pending g_next;

}  // namespace

void enable() { ImGui::GetCurrentContext()->TestEngineHookItems = true; }

void begin_frame() {
  g_building.clear();
  g_rects.clear();
  g_next = {};
}

void end_frame() { g_done.swap(g_building); }

void report_last_item(Role role, const std::string& label) {
  ImGuiContext& g = *ImGui::GetCurrentContext();
  Node n;
  n.id = ImGui::GetItemID();
  n.label = label;
  n.role = role;
  const ImVec2 a = ImGui::GetItemRectMin(), b = ImGui::GetItemRectMax();
  n.x = a.x, n.y = a.y, n.w = b.x - a.x, n.h = b.y - a.y;
  n.disabled = (g.CurrentItemFlags & ImGuiItemFlags_Disabled) != 0;
  n.focused = g.NavId == n.id && !g.NavDisableHighlight;
  g_building.push_back(std::move(n));
}

const std::vector<Node>& nodes() { return g_done; }

void next_role(Role role) { g_next.role = role; }
void next_label(const std::string& label) { g_next.label = label; }
void next_value(const std::string& value) { g_next.value = value; }

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
                     {"disabled", n.disabled},
                     {"focused", n.focused}};
    if (n.role == Role::Checkbox) j["checked"] = n.checked;
    if (n.role == Role::Input) j["value"] = n.value;
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
  n.x = rect->second.Min.x, n.y = rect->second.Min.y;
  n.w = rect->second.GetWidth(), n.h = rect->second.GetHeight();
  n.disabled = (ctx->CurrentItemFlags & ImGuiItemFlags_Disabled) != 0;
  n.focused = ctx->NavId == id && ctx->NavDisableHighlight == false;
  g_building.push_back(std::move(n));
  g_next = {};
}

void ImGuiTestEngineHook_Log(ImGuiContext*, const char*, ...) {}
const char* ImGuiTestEngine_FindItemDebugLabel(ImGuiContext*, ImGuiID) { return nullptr; }
