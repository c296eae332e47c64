// The list of Treff servers a start screen offers (servers.json): each with a name, the URL of
// its page (scheme, host, port; no path) and a short description. Checked the same way by the
// server that serves the file and by the client that reads it.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "core/result.h"

namespace treff {

struct ServerEntry {
  std::string name;         // 1..64 characters
  std::string url;          // "https://treff.example" or "http://127.0.0.1:8080"
  std::string description;  // up to 200 characters, may be empty
};

constexpr std::size_t kMaxServers = 50;

// Parses and checks a servers.json text: a JSON array of {"name", "url", "description"}. The error
// names the entry and field that is wrong.
Result<std::vector<ServerEntry>> parse_server_list(std::string_view json_text);
std::string server_list_json(const std::vector<ServerEntry>& servers);

// "https://host[:port]" with nothing after it; a trailing "/" is dropped. Empty when not a plain
// http(s) origin.
std::string normalize_server_url(std::string_view url);

// The signaling WebSocket of a server: "https://h" -> "wss://h/ws", "http://h:1" -> "ws://h:1/ws".
std::string signaling_url_of(const std::string& server_url);

}  // namespace treff
