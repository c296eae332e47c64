// Static files and the WebSocket handshake of the real treff-server, over plain HTTP and TLS.
#include <gtest/gtest.h>

#include <boost/asio/ssl.hpp>
#include <boost/beast/http.hpp>
#include <boost/beast/ssl.hpp>

#include <cstdio>
#include <cstdlib>

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

Response get(unsigned short port, const std::string& target, std::vector<std::pair<http::field, std::string>> headers = {},
             http::verb verb = http::verb::get) {
  asio::io_context ioc;
  beast::tcp_stream stream(ioc);
  stream.connect(tcp::endpoint(asio::ip::make_address("127.0.0.1"), port));
  http::request<http::string_body> req{verb, target, 11};
  req.set(http::field::host, "127.0.0.1:" + std::to_string(port));
  for (auto& [f, v] : headers) req.set(f, v);
  http::write(stream, req);
  beast::flat_buffer buf;
  http::response_parser<http::string_body> parser;
  parser.skip(verb == http::verb::head);
  http::read(stream, buf, parser);
  return parser.release();
}

// Sends raw bytes and returns the status line; for targets an HTTP library would normalise.
std::string raw_status(unsigned short port, const std::string& request) {
  asio::io_context ioc;
  tcp::socket s(ioc);
  s.connect(tcp::endpoint(asio::ip::make_address("127.0.0.1"), port));
  asio::write(s, asio::buffer(request));
  std::string out(256, '\0');
  beast::error_code ec;
  out.resize(s.read_some(asio::buffer(out), ec));
  return out.substr(0, out.find("\r\n"));
}

class StaticFiles : public ::testing::Test {
 protected:
  std::filesystem::path site = make_site_folder();
  ServerProcess server{{"--root", site.string()}};
};

TEST_F(StaticFiles, IndexAndRoomLinksServeTheClient) {
  for (const char* target : {"/", "/index.html", "/r/familie-jansen", "/r/abc?lang=de"}) {
    Response r = get(server.port(), target);
    EXPECT_EQ(r.result(), http::status::ok) << target;
    EXPECT_EQ(r[http::field::content_type], "text/html; charset=utf-8");
    EXPECT_NE(r.body().find("<title>Treff</title>"), std::string::npos);
  }
}

TEST_F(StaticFiles, WasmHasItsMimeTypeAndPrecompressedVariants) {
  Response plain = get(server.port(), "/treff.wasm");
  EXPECT_EQ(plain[http::field::content_type], "application/wasm");
  EXPECT_EQ(plain.body().size(), 8u);
  EXPECT_EQ(plain[http::field::content_encoding], "");

  Response gz = get(server.port(), "/treff.wasm", {{http::field::accept_encoding, "gzip, deflate, br"}});
  EXPECT_EQ(gz[http::field::content_encoding], "gzip");  // no .br sibling for the wasm
  EXPECT_EQ(gz.body(), "GZIP-BYTES");
  EXPECT_EQ(gz[http::field::content_type], "application/wasm");
  EXPECT_EQ(gz[http::field::vary], "Accept-Encoding");

  Response br = get(server.port(), "/treff.js", {{http::field::accept_encoding, "gzip, br"}});
  EXPECT_EQ(br[http::field::content_encoding], "br");
  EXPECT_EQ(br.body(), "BROTLI-BYTES");

  Response refused = get(server.port(), "/treff.js", {{http::field::accept_encoding, "br;q=0"}});
  EXPECT_EQ(refused[http::field::content_encoding], "");
}

TEST_F(StaticFiles, RevalidationGivesNotModified) {
  Response first = get(server.port(), "/treff.js");
  EXPECT_EQ(first[http::field::cache_control], "no-cache");
  const std::string etag(first[http::field::etag]);
  ASSERT_FALSE(etag.empty());
  Response again = get(server.port(), "/treff.js", {{http::field::if_none_match, etag}});
  EXPECT_EQ(again.result(), http::status::not_modified);
  EXPECT_TRUE(again.body().empty());
}

TEST_F(StaticFiles, HeadGivesLengthWithoutBody) {
  Response r = get(server.port(), "/treff.wasm", {}, http::verb::head);
  EXPECT_EQ(r.result(), http::status::ok);
  EXPECT_EQ(r[http::field::content_length], "8");
}

TEST_F(StaticFiles, MissingHiddenAndEscapingPathsAreRefused) {
  EXPECT_EQ(get(server.port(), "/nothing.js").result(), http::status::not_found);
  EXPECT_EQ(get(server.port(), "/.secret").result(), http::status::bad_request);
  EXPECT_EQ(get(server.port(), "/r/a/b").result(), http::status::not_found);
  EXPECT_EQ(raw_status(server.port(), "GET /../../etc/passwd HTTP/1.1\r\nHost: x\r\n\r\n"), "HTTP/1.1 400 Bad Request");
  EXPECT_EQ(raw_status(server.port(), "GET /%2e%2e/etc/passwd HTTP/1.1\r\nHost: x\r\n\r\n"), "HTTP/1.1 400 Bad Request");
  EXPECT_EQ(get(server.port(), "/", {}, http::verb::post).result(), http::status::method_not_allowed);
}

TEST_F(StaticFiles, MalformedAndHugeRequestsGetBadRequest) {
  EXPECT_EQ(raw_status(server.port(), "THIS IS NOT HTTP\r\n\r\n"), "HTTP/1.1 400 Bad Request");
  const std::string huge = "GET / HTTP/1.1\r\nHost: x\r\nX-Big: " + std::string(20000, 'a') + "\r\n\r\n";
  EXPECT_EQ(raw_status(server.port(), huge), "HTTP/1.1 400 Bad Request");
}

TEST_F(StaticFiles, WebSocketOnlyAtWsAndOnlyFromAllowedOrigins) {
  EXPECT_THROW(WsClient(server.port(), "/chat"), boost::system::system_error);
  EXPECT_THROW(WsClient(server.port(), "/ws", "https://evil.example"), boost::system::system_error);
  WsClient same_origin(server.port(), "/ws", "http://127.0.0.1:" + std::to_string(server.port()));
  EXPECT_EQ(same_origin.join("r", "Anna")["type"], "joined");
}

TEST(ExtraOrigins, ListedOriginMayConnect) {
  ServerProcess server({"--allow-origin", "https://treff.example"});
  WsClient c(server.port(), "/ws", "https://treff.example");
  EXPECT_EQ(c.join("r", "Anna")["type"], "joined");
}

TEST(Tls, ServesHttpsAndSecureWebSocket) {
  const auto dir = std::filesystem::temp_directory_path() / ("treff-tls-" + std::to_string(getpid()));
  const auto [cert, key] = make_certificate(dir);
  const auto site = make_site_folder();
  ServerProcess server({"--root", site.string(), "--tls-cert", cert, "--tls-key", key});

  asio::io_context ioc;
  auto tls = tls_client_context(cert);
  websocket::stream<beast::ssl_stream<beast::tcp_stream>> ws(ioc, tls);
  tls_connect(ws.next_layer(), server.port());
  ws.handshake("localhost", "/ws");
  ws.write(asio::buffer(std::string(R"({"v":1,"type":"join","room":"r","name":"Anna","mic":true,"camera":true})")));
  beast::flat_buffer buf;
  ws.read(buf);
  EXPECT_NE(beast::buffers_to_string(buf.data()).find("\"joined\""), std::string::npos);

  // A plain-HTTP client on the TLS port gets nothing served.
  EXPECT_EQ(raw_status(server.port(), "GET / HTTP/1.1\r\nHost: x\r\n\r\n").rfind("HTTP/1.1 200", 0), std::string::npos);
}

TEST(Startup, PortInUseIsReportedClearly) {
  ServerProcess first;
  const std::string cmd = std::string(TREFF_SERVER_BINARY) + " --port " + std::to_string(first.port()) + " 2>&1";
  FILE* p = popen(cmd.c_str(), "r");
  char buf[1024] = {};
  const std::size_t n = fread(buf, 1, sizeof buf - 1, p);
  EXPECT_NE(WEXITSTATUS(pclose(p)), 0);
  EXPECT_NE(std::string(buf, n).find("cannot listen"), std::string::npos) << buf;
}

// Writes `text` to a fresh file and returns its path.
std::string temp_file(const std::string& text) {
  char path[] = "/tmp/treff-servers-XXXXXX";
  const int fd = mkstemp(path);
  const auto written = write(fd, text.data(), text.size());
  close(fd);
  EXPECT_EQ(written, static_cast<ssize_t>(text.size()));
  return path;
}

TEST(ServerList, ServedAsCheckedJson) {
  ServerProcess none;
  const Response empty = get(none.port(), "/servers.json");
  EXPECT_EQ(empty.result(), http::status::ok);
  EXPECT_EQ(empty[http::field::content_type], "application/json");
  EXPECT_EQ(empty.body(), "[]");

  const std::string file = temp_file(R"([{"name":" Buurthuis ","url":"https://treff.buurt.nl/","description":"Wijk"}])");
  ServerProcess listed({"--servers", file});
  EXPECT_EQ(get(listed.port(), "/servers.json").body(),
            R"([{"description":"Wijk","name":"Buurthuis","url":"https://treff.buurt.nl"}])");
  std::remove(file.c_str());
}

TEST(ServerList, ABadFileStopsTheServerWithTheEntryNamed) {
  const std::string file = temp_file(R"([{"name":"A","url":"https://a.org"},{"name":"B","url":"https://b.org/x"}])");
  const std::string cmd = std::string(TREFF_SERVER_BINARY) + " --port 0 --servers " + file + " 2>&1";
  FILE* p = popen(cmd.c_str(), "r");
  char buf[1024] = {};
  const std::size_t n = fread(buf, 1, sizeof buf - 1, p);
  EXPECT_EQ(WEXITSTATUS(pclose(p)), 2);
  EXPECT_NE(std::string(buf, n).find("entry 2: the url"), std::string::npos) << buf;
  std::remove(file.c_str());
}

}  // namespace
}  // namespace treff::test
