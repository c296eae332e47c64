#include "server/net.h"

#include <chrono>
#include <cstdio>
#include <ctime>

namespace treff::server {

bool is_expected_disconnect(const beast::error_code& ec) {
  return ec == asio::error::operation_aborted || ec == asio::error::eof ||
         ec == asio::error::connection_reset || ec == asio::error::broken_pipe ||
         ec == beast::error::timeout || ec == websocket::error::closed ||
         ec == http::error::end_of_stream || ec == ssl::error::stream_truncated;
}

void log_line(const std::string& text) {
  const std::time_t now = std::chrono::system_clock::to_time_t(std::chrono::system_clock::now());
  char stamp[32];
  std::strftime(stamp, sizeof stamp, "%Y-%m-%dT%H:%M:%SZ", std::gmtime(&now));
  std::fprintf(stderr, "%s treff-server: %s\n", stamp, text.c_str());
}

std::string remote_address(const tcp::socket& socket) {
  beast::error_code ec;
  const auto endpoint = socket.remote_endpoint(ec);
  return ec ? std::string("unknown") : endpoint.address().to_string();
}

}  // namespace treff::server
