// Which server a person's rooms are on. The page's own server comes first; servers.json adds the
// others a start screen may offer. A link to a room on another server carries it as
// "?server=<url>", and is followed only when that server is in the list: a page never connects
// to a server its own server does not vouch for. Platform-free.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "core/server_list.h"

namespace treff {

class ServerChoice {
 public:
  // `link_server`: the ?server= of the link the page was opened with ("" when none).
  ServerChoice(const std::string& page_origin, std::string link_server);

  // servers.json arrived; `json_text` empty or invalid: only the page's server is offered.
  void set_list(std::string_view json_text);
  // A join may start: the list is known, or the link did not ask for another server.
  bool ready() const { return loaded_ || link_server_.empty(); }

  // The page's server first (its name empty: the screens call it "this server").
  const std::vector<ServerEntry>& servers() const { return servers_; }
  const ServerEntry& current() const { return servers_[chosen_]; }
  void choose_next();
  // The page's own server (where the accounts are): a contact's call is there.
  void choose_page_server() { chosen_ = 0; }
  bool is_page_server() const { return chosen_ == 0; }
  // The link's server when it is not in the list (then no join may start); "" otherwise.
  const std::string& refused() const { return refused_; }
  // The page may connect to the current server: the list is known and the link's server is in it.
  bool may_connect() const { return ready() && refused_.empty(); }

  std::string signaling_url() const { return signaling_url_of(current()); }
  ServerKind kind() const { return current().kind; }
  // What a room link needs after "/r/<room>": "?server=<url, encoded>" for another server.
  std::string link_query() const;

 private:
  std::vector<ServerEntry> servers_;
  std::size_t chosen_ = 0;
  std::string link_server_;
  std::string refused_;
  bool loaded_ = false;
};

}  // namespace treff
