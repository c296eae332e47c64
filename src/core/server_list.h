// The list of servers a start screen offers (servers.json): each with a name, where it is and a
// short description, and which kind of signaling it speaks: a Treff server (its page's URL:
// scheme, host, port; no path) or a Janus VideoRoom (the URL of Janus's WebSocket transport).
// Checked the same way by the server that serves the file and by the client that reads it.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "core/result.h"

namespace treff {

enum class ServerKind { Treff, Janus };

struct ServerEntry {
  std::string name;         // 1..64 characters
  // Treff: "https://treff.example" or "http://127.0.0.1:8080"; Janus: "wss://janus.example/janus"
  // or "ws://127.0.0.1:8188".
  std::string url;
  std::string description;  // up to 200 characters, may be empty
  ServerKind kind = ServerKind::Treff;  // "kind": "treff" (the default) or "janus"
};

constexpr std::size_t kMaxServers = 50;

// Parses and checks a servers.json text: a JSON array of {"name", "url", "description", "kind"}.
// The error names the entry and field that is wrong.
Result<std::vector<ServerEntry>> parse_server_list(std::string_view json_text);
std::string server_list_json(const std::vector<ServerEntry>& servers);

// "https://host[:port]" with nothing after it; a trailing "/" is dropped. Empty when not a plain
// http(s) origin.
std::string normalize_server_url(std::string_view url);

// "wss://host[:port][/path]" (or ws://) with nothing else; empty when it is not.
std::string normalize_janus_url(std::string_view url);

// The signaling WebSocket of a Treff server: "https://h" -> "wss://h/ws", "http://h:1" -> "ws://h:1/ws".
std::string signaling_url_of(const std::string& server_url);
// ...and of any entry: a Janus entry's url is its WebSocket already.
std::string signaling_url_of(const ServerEntry& server);

}  // namespace treff
