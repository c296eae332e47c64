#include "tls_client.h"

namespace treff::test {
namespace asio = boost::asio;

asio::ssl::context tls_client_context(const std::string& trusted_cert) {
  asio::ssl::context tls(asio::ssl::context::tls_client);
  if (trusted_cert.empty()) {
    tls.set_verify_mode(asio::ssl::verify_none);
  } else {
    tls.load_verify_file(trusted_cert);
    tls.set_verify_mode(asio::ssl::verify_peer);
  }
  return tls;
}

void tls_connect(boost::beast::ssl_stream<boost::beast::tcp_stream>& stream, unsigned short port) {
  boost::beast::get_lowest_layer(stream).connect(asio::ip::tcp::endpoint(asio::ip::make_address("127.0.0.1"), port));
  SSL_set_tlsext_host_name(stream.native_handle(), "localhost");
  stream.handshake(asio::ssl::stream_base::client);
}

}  // namespace treff::test
