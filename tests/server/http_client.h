// One HTTP request to the server under test, over a fresh connection, with the answer's status,
// headers and body. For the JSON API: a session cookie is carried by the test as a header.
#pragma once

#include <boost/beast/http.hpp>

#include <string>
#include <utility>
#include <vector>

namespace treff::test {

using HttpResponse = boost::beast::http::response<boost::beast::http::string_body>;
using HttpHeaders = std::vector<std::pair<boost::beast::http::field, std::string>>;

HttpResponse http_request(unsigned short port, boost::beast::http::verb verb, const std::string& target,
                          const std::string& body = "", HttpHeaders headers = {});

// A JSON request as the client's own page sends it: Content-Type application/json, the server's
// own Origin, and `cookie` (the "name=value" of a Set-Cookie) when given.
HttpResponse api(unsigned short port, boost::beast::http::verb verb, const std::string& target,
                 const std::string& json_body = "{}", const std::string& cookie = "");

// Sends `header` (a whole request head, ending in an empty line) and never the body it announces;
// returns what the server answered by then, up to the end of a JSON body. For limits that must
// hold before a body is read.
std::string answer_before_body(unsigned short port, const std::string& header);

// "name=value" of a response's Set-Cookie header ("" without one).
std::string cookie_of(const HttpResponse& response);

// Runs `treff-server <args>` to its end, after `prefix` (e.g. an nsenter into the mount namespace
// of a running server); returns its exit status and what it printed (both streams).
std::pair<int, std::string> run_server_command(const std::string& args, const std::string& prefix = "");

}  // namespace treff::test
