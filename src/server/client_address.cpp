#include "server/client_address.h"

#include <boost/asio/ip/address.hpp>

#include <algorithm>

namespace treff::server {
namespace {

bool is_trusted(const std::string& address, const std::vector<std::string>& trusted) {
  return std::find(trusted.begin(), trusted.end(), address) != trusted.end();
}

std::string trimmed(std::string_view s) {
  const auto first = s.find_first_not_of(" \t");
  if (first == std::string_view::npos) return {};
  const auto last = s.find_last_not_of(" \t");
  return std::string(s.substr(first, last - first + 1));
}

// The canonical text of an address (so "::ffff:..." and "0:0::1" compare as the kernel reports
// them), or "" when it is none.
std::string canonical(const std::string& text) {
  boost::system::error_code ec;
  const auto address = boost::asio::ip::make_address(text, ec);
  return ec ? std::string() : address.to_string();
}

}  // namespace

bool is_ip_address(const std::string& text) { return !canonical(text).empty(); }

std::string client_address(const std::string& peer, std::string_view forwarded_for,
                           const std::vector<std::string>& trusted_proxies) {
  if (!is_trusted(peer, trusted_proxies)) return peer;
  while (!forwarded_for.empty()) {
    const auto comma = forwarded_for.rfind(',');
    const std::string entry = trimmed(comma == std::string_view::npos ? forwarded_for : forwarded_for.substr(comma + 1));
    forwarded_for = comma == std::string_view::npos ? std::string_view() : forwarded_for.substr(0, comma);
    const std::string address = canonical(entry);
    if (address.empty()) return peer;
    if (!is_trusted(address, trusted_proxies)) return address;
  }
  return peer;
}

}  // namespace treff::server
