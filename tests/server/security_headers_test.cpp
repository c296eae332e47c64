// Every response of the real treff-server carries the headers that hold browsers to what the page
// needs; HSTS only over TLS.
#include <gtest/gtest.h>

#include <boost/asio/ssl.hpp>
#include <boost/beast/http.hpp>
#include <boost/beast/ssl.hpp>

#include <cstdio>
#include <cstdlib>
#include <fstream>

#include <unistd.h>

#include "server_process.h"
#include "tls_client.h"
#include "ws_client.h"

namespace treff::test {
namespace {

namespace asio = boost::asio;
namespace http = beast::http;
using tcp = asio::ip::tcp;
using Response = http::response<http::string_body>;

template <class Stream>
Response get_over(Stream& stream, const std::string& target) {
  http::request<http::string_body> req{http::verb::get, target, 11};
  req.set(http::field::host, "localhost");
  http::write(stream, req);
  beast::flat_buffer buf;
  Response res;
  http::read(stream, buf, res);
  return res;
}

Response get(unsigned short port, const std::string& target) {
  asio::io_context ioc;
  beast::tcp_stream stream(ioc);
  stream.connect(tcp::endpoint(asio::ip::make_address("127.0.0.1"), port));
  return get_over(stream, target);
}

void expect_protective_headers(const Response& res, const std::string& what) {
  const std::string csp(res["Content-Security-Policy"]);
  EXPECT_NE(csp.find("default-src 'none'"), std::string::npos) << what << ": " << csp;
  EXPECT_NE(csp.find("script-src 'self' 'wasm-unsafe-eval'"), std::string::npos) << what;
  EXPECT_NE(csp.find("frame-ancestors 'none'"), std::string::npos) << what;
  EXPECT_EQ(csp.find("unsafe-inline"), std::string::npos) << what;
  EXPECT_EQ(res["X-Content-Type-Options"], "nosniff") << what;
  EXPECT_EQ(res["Referrer-Policy"], "no-referrer") << what;
  EXPECT_NE(std::string(res["Permissions-Policy"]).find("camera=(self), microphone=(self), display-capture=(self)"),
            std::string::npos) << what;
}

TEST(SecurityHeaders, OnEveryResponseAndNoHstsOverPlainHttp) {
  const auto site = make_site_folder();
  ServerProcess server({"--root", site.string()});
  for (const char* target : {"/", "/r/familie", "/treff.wasm", "/servers.json", "/nowhere", "/../etc/passwd"}) {
    const Response res = get(server.port(), target);
    expect_protective_headers(res, target);
    EXPECT_TRUE(res["Strict-Transport-Security"].empty()) << target;
  }
}

TEST(SecurityHeaders, TheServersOfferedMayBeReachedAndNothingElse) {
  char path[] = "/tmp/treff-servers-XXXXXX";
  const int fd = mkstemp(path);
  const std::string list = R"([{"name":"Buurthuis","url":"https://treff.buurt.nl"}])";
  EXPECT_EQ(write(fd, list.data(), list.size()), static_cast<ssize_t>(list.size()));
  close(fd);
  ServerProcess server({"--servers", path});
  const std::string csp(get(server.port(), "/")["Content-Security-Policy"]);
  EXPECT_NE(csp.find("connect-src 'self' wss://treff.buurt.nl/ws;"), std::string::npos) << csp;
  std::remove(path);
}

TEST(SecurityHeaders, HstsOverTls) {
  const auto dir = std::filesystem::temp_directory_path() / ("treff-hsts-" + std::to_string(getpid()));
  const auto [cert, key] = make_certificate(dir);
  const auto site = make_site_folder();
  ServerProcess server({"--root", site.string(), "--tls-cert", cert, "--tls-key", key});
  asio::io_context ioc;
  auto tls = tls_client_context(cert);
  beast::ssl_stream<beast::tcp_stream> stream(ioc, tls);
  tls_connect(stream, server.port());
  const Response res = get_over(stream, "/");
  EXPECT_EQ(res.result(), http::status::ok);
  expect_protective_headers(res, "https /");
  EXPECT_EQ(res["Strict-Transport-Security"], "max-age=31536000");
  std::filesystem::remove_all(dir);
}

}  // namespace
}  // namespace treff::test
