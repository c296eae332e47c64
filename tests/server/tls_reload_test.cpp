// A renewed certificate is taken on SIGHUP: new connections get it, one already open goes on, and
// files that cannot be used leave the certificate in use in place.
#include <gtest/gtest.h>
#include <openssl/x509.h>
#include <signal.h>
#include <unistd.h>

#include <boost/asio/ssl.hpp>
#include <boost/beast/ssl.hpp>
#include <boost/beast/websocket/ssl.hpp>

#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <thread>

#include "server_process.h"
#include "tls_client.h"
#include "ws_client.h"

namespace treff::test {
namespace {

namespace asio = boost::asio;

// The organisation named in the certificate the server presents to a new connection.
std::string presented_organisation(unsigned short port) {
  asio::io_context ioc;
  auto tls = tls_client_context();
  beast::ssl_stream<beast::tcp_stream> stream(ioc, tls);
  tls_connect(stream, port);
  X509* cert = SSL_get_peer_certificate(stream.native_handle());
  char org[256] = {};
  X509_NAME_get_text_by_NID(X509_get_subject_name(cert), NID_organizationName, org, sizeof org);
  X509_free(cert);
  return org;
}

std::string presented_after_hangup(const ServerProcess& server, const std::string& expected) {
  kill(server.pid(), SIGHUP);
  std::string seen;
  for (int i = 0; i < 150 && (seen = presented_organisation(server.port())) != expected; ++i)
    std::this_thread::sleep_for(std::chrono::milliseconds(20));  // the signal is handled in a moment
  return seen;
}

TEST(TlsReload, ARenewedCertificateIsTakenOnHangupWithoutDroppingAnyone) {
  const auto dir = std::filesystem::temp_directory_path() / ("treff-reload-" + std::to_string(getpid()));
  const auto [cert, key] = make_certificate(dir, "First");
  // The open call below stays quiet while the test polls for seconds: a long peer timeout keeps the
  // server from (rightly) counting it gone, which is not what this test is about.
  ServerProcess server({"--root", make_site_folder().string(), "--tls-cert", cert, "--tls-key", key,
                        "--peer-timeout-seconds", "60"});
  ASSERT_EQ(presented_organisation(server.port()), "First");

  // Someone in a call over the first certificate.
  asio::io_context ioc;
  auto tls = tls_client_context();
  websocket::stream<beast::ssl_stream<beast::tcp_stream>> ws(ioc, tls);
  tls_connect(ws.next_layer(), server.port());
  ws.handshake("localhost", "/ws");

  make_certificate(dir, "Renewed");
  EXPECT_EQ(presented_after_hangup(server, "Renewed"), "Renewed");

  // Broken files: logged, and the renewed certificate stays in use.
  std::ofstream(cert) << "not a certificate";
  EXPECT_EQ(presented_after_hangup(server, "-"), "Renewed");

  // The call that was open goes on.
  ws.write(asio::buffer(std::string(R"({"v":1,"type":"join","room":"r","name":"Anna","mic":true,"camera":true})")));
  beast::flat_buffer buf;
  ws.read(buf);
  EXPECT_NE(beast::buffers_to_string(buf.data()).find("\"joined\""), std::string::npos);
  std::filesystem::remove_all(dir);
}

}  // namespace
}  // namespace treff::test
