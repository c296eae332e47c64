#include "app/server_choice.h"

#include <utility>

namespace treff {

ServerChoice::ServerChoice(const std::string& page_origin, std::string link_server)
    : link_server_(std::move(link_server)) {
  servers_.push_back(ServerEntry{"", page_origin, ""});
  if (!link_server_.empty() && normalize_server_url(link_server_) == page_origin) link_server_.clear();
}

void ServerChoice::set_list(std::string_view json_text) {
  loaded_ = true;
  if (auto list = parse_server_list(json_text)) {
    for (auto& s : list.value())
      if (s.url != servers_.front().url) servers_.push_back(std::move(s));
  }
  if (link_server_.empty()) return;
  std::string wanted = normalize_server_url(link_server_);
  if (wanted.empty()) wanted = normalize_janus_url(link_server_);
  for (std::size_t i = 0; i < servers_.size(); ++i) {
    if (!wanted.empty() && servers_[i].url == wanted) {
      chosen_ = i;
      return;
    }
  }
  refused_ = link_server_;
}

void ServerChoice::choose_next() { chosen_ = (chosen_ + 1) % servers_.size(); }

std::string ServerChoice::link_query() const {
  if (is_page_server()) return {};
  static constexpr char kHex[] = "0123456789ABCDEF";
  std::string query = "?server=";
  for (const unsigned char c : current().url) {
    const bool plain = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' ||
                       c == '.' || c == '_' || c == '~';
    if (plain) {
      query += static_cast<char>(c);
    } else {
      query += '%';
      query += kHex[c >> 4];
      query += kHex[c & 15];
    }
  }
  return query;
}

}  // namespace treff
