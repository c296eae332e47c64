// Short names for the Boost.Asio/Beast types the server uses.
#pragma once

#include <boost/asio.hpp>
#include <boost/asio/ssl.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <boost/beast/ssl.hpp>
#include <boost/beast/websocket.hpp>

namespace treff::server {

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace http = beast::http;
namespace websocket = beast::websocket;
namespace ssl = asio::ssl;
using tcp = asio::ip::tcp;

using PlainStream = beast::tcp_stream;
using TlsStream = beast::ssl_stream<beast::tcp_stream>;

// Errors that are part of normal life (a peer closing, a timeout, shutdown) and not worth a log line.
bool is_expected_disconnect(const beast::error_code& ec);

void log_line(const std::string& text);

// The IP address a connection comes from, "unknown" if the socket cannot tell.
std::string remote_address(const tcp::socket& socket);
inline std::string remote_address(beast::tcp_stream& stream) { return remote_address(stream.socket()); }

}  // namespace treff::server
