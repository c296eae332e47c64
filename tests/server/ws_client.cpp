#include "ws_client.h"

#include <gtest/gtest.h>

namespace treff::test {
namespace asio = boost::asio;
using tcp = asio::ip::tcp;

WsClient::WsClient(unsigned short port, const std::string& target, const std::string& origin,
                   const std::string& forwarded_for, const std::string& cookie) {
  beast::get_lowest_layer(ws_).connect(tcp::endpoint(asio::ip::make_address("127.0.0.1"), port));
  ws_.set_option(websocket::stream_base::decorator([origin, forwarded_for, cookie](websocket::request_type& req) {
    if (!origin.empty()) req.set(beast::http::field::origin, origin);
    if (!cookie.empty()) req.set(beast::http::field::cookie, cookie);
    if (!forwarded_for.empty()) req.set("X-Forwarded-For", forwarded_for);
  }));
  ws_.handshake("127.0.0.1:" + std::to_string(port), target);
}

void WsClient::send(const std::string& text) {
  ws_.text(true);
  ws_.write(asio::buffer(text));
}

void WsClient::send_binary(const std::string& bytes) {
  ws_.binary(true);
  ws_.write(asio::buffer(bytes));
}

std::optional<std::string> WsClient::receive(int timeout_ms) {
  if (closed_) return std::nullopt;
  if (!reading_) {
    reading_ = true;
    read_done_ = false;
    ws_.async_read(buffer_, [this](beast::error_code ec, std::size_t) {
      read_done_ = true;
      read_result_ = ec;
    });
  }
  // A read that times out stays pending: the next receive() goes on waiting for the same message,
  // so "nothing arrived within a second" can be checked on a connection that is used afterwards.
  ioc_.restart();
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::milliseconds(timeout_ms);
  while (!read_done_ && ioc_.run_one_until(deadline) > 0) {
  }
  if (!read_done_) return std::nullopt;
  reading_ = false;
  if (read_result_) {
    closed_ = true;
    return std::nullopt;
  }
  std::string text = beast::buffers_to_string(buffer_.data());
  buffer_.consume(buffer_.size());
  return text;
}

json WsClient::next(int timeout_ms) {
  auto text = receive(timeout_ms);
  if (!text) {
    ADD_FAILURE() << "no message arrived (closed: " << closed_ << ", code " << close_code() << ")";
    return json::object();
  }
  json j = json::parse(*text, nullptr, false);
  if (j.is_discarded()) ADD_FAILURE() << "not JSON: " << *text;
  return j;
}

void WsClient::say_goodbye(int code) {
  beast::error_code ec;
  ws_.close(static_cast<websocket::close_code>(code), ec);
  closed_ = true;
}

void WsClient::close_abruptly() {
  beast::error_code ec;
  beast::get_lowest_layer(ws_).socket().close(ec);
  closed_ = true;
}

json WsClient::join(const std::string& room, const std::string& name) {
  send(json{{"v", 1}, {"type", "join"}, {"room", room}, {"name", name}, {"mic", true}, {"camera", true}});
  return next();
}

}  // namespace treff::test
