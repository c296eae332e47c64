// Serves the built client from one folder: index.html for "/" and for room links "/r/<room>",
// the right MIME types (.wasm as application/wasm), precompressed .br/.gz siblings when the
// browser accepts them, and revalidation with ETag (file names carry no hash, so every response
// is "no-cache": cheap 304s, never a stale client after an update).
#pragma once

#include <boost/beast/http.hpp>

#include <filesystem>
#include <string>
#include <variant>

namespace treff::server {

namespace http = boost::beast::http;

using FileResponse = http::response<http::file_body>;
using TextResponse = http::response<http::string_body>;
using StaticResponse = std::variant<TextResponse, FileResponse>;

class StaticFiles {
 public:
  explicit StaticFiles(std::filesystem::path root);

  StaticResponse respond(const http::request<http::string_body>& request) const;

  const std::filesystem::path& root() const { return root_; }

 private:
  std::filesystem::path root_;
};

// The file a request target names below the root, or empty for targets that must not be served
// (".." segments, backslashes, NUL, percent-encoding, hidden files).
std::string map_target_to_relative_path(std::string_view target);

std::string_view mime_type_for(std::string_view path);

// A short plain-text answer (errors, refusals), with the server's usual headers.
TextResponse plain_text_response(unsigned http_version, bool keep_alive, http::status status, std::string body);

}  // namespace treff::server
