// A TLS connection to the test's server as a browser makes it: to 127.0.0.1, asking for
// "localhost" (SNI), which the test certificates are made for.
#pragma once

#include <boost/asio/ssl.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/ssl.hpp>

#include <string>

namespace treff::test {

// A client context that trusts only `trusted_cert`, or with an empty name any certificate (each
// test certificate is its own issuer, and some tests swap them under a running server).
boost::asio::ssl::context tls_client_context(const std::string& trusted_cert = "");

// Connects `stream` to 127.0.0.1:port and completes the TLS handshake; throws when either fails.
void tls_connect(boost::beast::ssl_stream<boost::beast::tcp_stream>& stream, unsigned short port);

}  // namespace treff::test
