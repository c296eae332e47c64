#include "core/server_list.h"

#include <algorithm>

#include <nlohmann/json.hpp>

#include "core/text_rules.h"

namespace treff {
namespace {

using json = nlohmann::json;

Error bad_entry(std::size_t index, const std::string& what) {
  return Error{"bad-server-list", "servers.json, entry " + std::to_string(index + 1) + ": " + what};
}

// A text field of an entry; absent counts as empty, any other type is an error.
bool text_field(const json& entry, const char* key, std::string& out) {
  const auto it = entry.find(key);
  if (it == entry.end()) return true;
  if (!it->is_string()) return false;
  out = it->get<std::string>();
  return true;
}

// A character of a host name, an IPv4 or a bracketed IPv6 address, or the port after it.
bool is_host_char(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '.' || c == '-' ||
         c == ':' || c == '[' || c == ']';
}

}  // namespace

std::string normalize_server_url(std::string_view url) {
  std::string_view rest;
  if (url.substr(0, 8) == "https://") rest = url.substr(8);
  else if (url.substr(0, 7) == "http://") rest = url.substr(7);
  else return {};
  if (!rest.empty() && rest.back() == '/') rest.remove_suffix(1);
  if (rest.empty() || rest.size() > 253) return {};
  // A path, query, user info or anything else: not an origin.
  if (!std::all_of(rest.begin(), rest.end(), is_host_char)) return {};
  return std::string(url.substr(0, url.size() - (url.back() == '/' ? 1 : 0)));
}

std::string normalize_janus_url(std::string_view url) {
  std::string_view rest;
  if (url.substr(0, 6) == "wss://") rest = url.substr(6);
  else if (url.substr(0, 5) == "ws://") rest = url.substr(5);
  else return {};
  const std::size_t slash = rest.find('/');
  const std::string_view host = rest.substr(0, slash);
  const std::string_view path = slash == std::string_view::npos ? std::string_view() : rest.substr(slash);
  if (host.empty() || host.size() > 253 || path.size() > 200) return {};
  if (!std::all_of(host.begin(), host.end(), is_host_char)) return {};
  for (char c : path) {
    const bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '.' ||
                    c == '-' || c == '_' || c == '/';
    if (!ok) return {};  // a query, a fragment or anything a CSP source would not take as it is
  }
  return std::string(url);
}

std::string signaling_url_of(const ServerEntry& server) {
  return server.kind == ServerKind::Janus ? server.url : signaling_url_of(server.url);
}

std::string signaling_url_of(const std::string& server_url) {
  if (server_url.rfind("https://", 0) == 0) return "wss://" + server_url.substr(8) + "/ws";
  if (server_url.rfind("http://", 0) == 0) return "ws://" + server_url.substr(7) + "/ws";
  return {};
}

Result<std::vector<ServerEntry>> parse_server_list(std::string_view json_text) {
  const json list = json::parse(json_text, nullptr, false);
  if (list.is_discarded()) return Error{"bad-server-list", "servers.json is not valid JSON."};
  if (!list.is_array()) return Error{"bad-server-list", "servers.json must be a JSON array of servers."};
  if (list.size() > kMaxServers)
    return Error{"bad-server-list", "servers.json lists more than " + std::to_string(kMaxServers) + " servers."};
  std::vector<ServerEntry> out;
  for (std::size_t i = 0; i < list.size(); ++i) {
    const json& e = list[i];
    if (!e.is_object()) return bad_entry(i, "must be an object with name, url and description.");
    ServerEntry s;
    std::string url;
    std::string kind = "treff";
    if (!text_field(e, "name", s.name) || !text_field(e, "url", url) || !text_field(e, "description", s.description) ||
        !text_field(e, "kind", kind))
      return bad_entry(i, "name, url, description and kind must be strings.");
    if (kind != "treff" && kind != "janus") return bad_entry(i, "the kind must be \"treff\" or \"janus\".");
    s.kind = kind == "janus" ? ServerKind::Janus : ServerKind::Treff;
    auto name = check_display_name(s.name);
    if (!name) return bad_entry(i, "the name must have 1 to 64 characters.");
    s.name = name.value();
    if (s.kind == ServerKind::Janus) {
      s.url = normalize_janus_url(url);
      if (s.url.empty()) return bad_entry(i, "a Janus url must be ws:// or wss:// with a host and at most a path.");
    } else {
      s.url = normalize_server_url(url);
      if (s.url.empty()) return bad_entry(i, "the url must be http:// or https:// with a host, and nothing after it.");
    }
    const auto length = utf8_length(s.description);
    if (!length || *length > 200) return bad_entry(i, "the description must be text of at most 200 characters.");
    out.push_back(std::move(s));
  }
  return out;
}

std::string server_list_json(const std::vector<ServerEntry>& servers) {
  json list = json::array();
  for (const auto& s : servers) {
    json entry{{"name", s.name}, {"url", s.url}, {"description", s.description}};
    if (s.kind == ServerKind::Janus) entry["kind"] = "janus";
    list.push_back(std::move(entry));
  }
  return list.dump(-1, ' ', false, json::error_handler_t::replace);
}

}  // namespace treff
