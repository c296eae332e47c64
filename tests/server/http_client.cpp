#include "http_client.h"

#include <boost/asio.hpp>
#include <boost/beast/core.hpp>

#include <sys/wait.h>

#include <cstdio>
#include <cstdlib>

namespace treff::test {

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace http = beast::http;

HttpResponse http_request(unsigned short port, http::verb verb, const std::string& target, const std::string& body,
                          HttpHeaders headers) {
  asio::io_context ioc;
  beast::tcp_stream stream(ioc);
  stream.connect(asio::ip::tcp::endpoint(asio::ip::make_address("127.0.0.1"), port));
  http::request<http::string_body> req{verb, target, 11};
  req.set(http::field::host, "127.0.0.1:" + std::to_string(port));
  for (auto& [f, v] : headers) req.set(f, v);
  req.body() = body;
  req.prepare_payload();
  http::write(stream, req);
  beast::flat_buffer buf;
  http::response_parser<http::string_body> parser;
  parser.body_limit(64 * 1024 * 1024);
  parser.skip(verb == http::verb::head);
  http::read(stream, buf, parser);
  return parser.release();
}

std::string answer_before_body(unsigned short port, const std::string& header) {
  asio::io_context ioc;
  asio::ip::tcp::socket socket(ioc);
  socket.connect({asio::ip::make_address("127.0.0.1"), port});
  asio::write(socket, asio::buffer(header));
  std::string answer;
  boost::system::error_code ec;
  char chunk[4096];
  while (answer.find("\r\n\r\n{") == std::string::npos || answer.back() != '}') {
    const std::size_t n = socket.read_some(asio::buffer(chunk), ec);
    if (ec) break;
    answer.append(chunk, n);
  }
  return answer;
}

HttpResponse api(unsigned short port, http::verb verb, const std::string& target, const std::string& json_body,
                 const std::string& cookie) {
  HttpHeaders headers{{http::field::origin, "http://127.0.0.1:" + std::to_string(port)}};
  if (verb != http::verb::get) headers.emplace_back(http::field::content_type, "application/json");
  if (!cookie.empty()) headers.emplace_back(http::field::cookie, cookie);
  return http_request(port, verb, target, verb == http::verb::get ? "" : json_body, headers);
}

std::string cookie_of(const HttpResponse& response) {
  const std::string set(response[http::field::set_cookie]);
  return set.substr(0, set.find(';'));
}

std::pair<int, std::string> run_server_command(const std::string& args, const std::string& prefix) {
  const char* binary = std::getenv("TREFF_SERVER_BINARY");
  const std::string cmd = prefix + std::string(binary && *binary ? binary : TREFF_SERVER_BINARY) + " " + args + " 2>&1";
  std::FILE* p = ::popen(cmd.c_str(), "r");
  std::string out;
  char chunk[512];
  while (std::size_t n = std::fread(chunk, 1, sizeof chunk, p)) out.append(chunk, n);
  const int status = ::pclose(p);
  return {WIFEXITED(status) ? WEXITSTATUS(status) : -1, out};
}

}  // namespace treff::test
