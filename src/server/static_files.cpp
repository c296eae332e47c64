#include "server/static_files.h"

#include <sys/stat.h>

#include <system_error>

namespace treff::server {
namespace fs = std::filesystem;

namespace {

TextResponse text_response(const http::request<http::string_body>& req, http::status status,
                           std::string body) {
  return plain_text_response(req.version(), req.keep_alive(), status, std::move(body));
}

bool ends_with(std::string_view s, std::string_view suffix) {
  return s.size() >= suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}

// True when the Accept-Encoding header lists `coding` without q=0.
bool accepts_encoding(std::string_view header, std::string_view coding) {
  std::size_t pos = 0;
  while (pos <= header.size()) {
    std::size_t comma = header.find(',', pos);
    if (comma == std::string_view::npos) comma = header.size();
    std::string_view item = header.substr(pos, comma - pos);
    while (!item.empty() && item.front() == ' ') item.remove_prefix(1);
    std::string_view name = item.substr(0, item.find(';'));
    while (!name.empty() && name.back() == ' ') name.remove_suffix(1);
    if (name == coding) {
      const bool refused = item.find("q=0") != std::string_view::npos &&
                           item.find("q=0.") == std::string_view::npos;
      return !refused;
    }
    pos = comma + 1;
  }
  return false;
}

}  // namespace

TextResponse plain_text_response(unsigned http_version, bool keep_alive, http::status status, std::string body) {
  TextResponse res{status, http_version};
  res.set(http::field::server, "treff-server");
  res.set(http::field::content_type, "text/plain; charset=utf-8");
  res.set("X-Content-Type-Options", "nosniff");
  res.keep_alive(keep_alive);
  res.body() = std::move(body);
  res.prepare_payload();
  return res;
}

std::string map_target_to_relative_path(std::string_view target) {
  target = target.substr(0, target.find_first_of("?#"));
  if (target.empty() || target.front() != '/') return {};
  if (target.find_first_of(std::string_view("\\%\0", 3)) != std::string_view::npos) return {};
  // "/invite" opens the client too: it reads the invitation from the fragment (#token).
  if (target == "/" || target == "/index.html" || target == "/invite") return "index.html";
  // Room links: /r/<room> opens the client, which reads the room from the URL.
  if (target.rfind("/r/", 0) == 0 && target.find('/', 3) == std::string_view::npos) return "index.html";
  std::string path(target.substr(1));
  std::size_t start = 0;
  while (start <= path.size()) {
    std::size_t end = path.find('/', start);
    if (end == std::string::npos) end = path.size();
    std::string_view seg(path.data() + start, end - start);
    if (seg.empty() || seg.front() == '.') return {};  // "..", ".git", "//"
    start = end + 1;
  }
  return path;
}

std::string_view mime_type_for(std::string_view path) {
  struct Entry { std::string_view ext, type; };
  static constexpr Entry table[] = {
      {".html", "text/html; charset=utf-8"}, {".js", "text/javascript; charset=utf-8"},
      {".wasm", "application/wasm"},         {".css", "text/css; charset=utf-8"},
      {".json", "application/json"},         {".png", "image/png"},
      {".svg", "image/svg+xml"},             {".ico", "image/x-icon"},
      {".ttf", "font/ttf"},                  {".woff2", "font/woff2"},
      {".txt", "text/plain; charset=utf-8"}, {".ogg", "audio/ogg"},
      {".wav", "audio/wav"},
  };
  for (const auto& e : table)
    if (ends_with(path, e.ext)) return e.type;
  return "application/octet-stream";
}

StaticFiles::StaticFiles(fs::path root) : root_(std::move(root)) {}

StaticResponse StaticFiles::respond(const http::request<http::string_body>& req) const {
  if (req.method() != http::verb::get && req.method() != http::verb::head) {
    auto res = text_response(req, http::status::method_not_allowed, "Only GET and HEAD are allowed.\n");
    res.set(http::field::allow, "GET, HEAD");
    return res;
  }
  const std::string relative = map_target_to_relative_path(req.target());
  if (relative.empty()) return text_response(req, http::status::bad_request, "Bad path.\n");

  const fs::path path = root_ / relative;
  struct stat st {};
  if (::stat(path.c_str(), &st) != 0 || !S_ISREG(st.st_mode))
    return text_response(req, http::status::not_found, "Not found: " + std::string(req.target()) + "\n");

  // Validator of the original file; the compressed siblings are made from it.
  const std::string etag = "\"" + std::to_string(st.st_size) + "-" + std::to_string(st.st_mtime) + "\"";

  std::string chosen = path.string();
  std::string_view encoding;
  const auto accept = req[http::field::accept_encoding];
  for (auto [coding, suffix] : {std::pair<std::string_view, std::string_view>{"br", ".br"}, {"gzip", ".gz"}}) {
    struct stat cst {};
    const std::string candidate = path.string() + std::string(suffix);
    if (accepts_encoding(accept, coding) && ::stat(candidate.c_str(), &cst) == 0 &&
        cst.st_mtime >= st.st_mtime) {
      chosen = candidate;
      encoding = coding;
      break;
    }
  }
  const std::string tagged = encoding.empty() ? etag : etag.substr(0, etag.size() - 1) + "-" + std::string(encoding) + "\"";

  auto set_common = [&](auto& res) {
    res.set(http::field::server, "treff-server");
    res.set(http::field::content_type, mime_type_for(relative));
    res.set(http::field::cache_control, "no-cache");
    res.set(http::field::etag, tagged);
    res.set(http::field::vary, "Accept-Encoding");
    res.set("X-Content-Type-Options", "nosniff");
    if (!encoding.empty()) res.set(http::field::content_encoding, encoding);
    res.keep_alive(req.keep_alive());
  };

  if (req[http::field::if_none_match] == tagged) {
    TextResponse res{http::status::not_modified, req.version()};
    set_common(res);
    return res;
  }

  http::file_body::value_type body;
  boost::beast::error_code ec;
  body.open(chosen.c_str(), boost::beast::file_mode::scan, ec);
  if (ec) return text_response(req, http::status::internal_server_error, "Cannot read the file.\n");
  const auto size = body.size();

  if (req.method() == http::verb::head) {
    TextResponse res{http::status::ok, req.version()};
    set_common(res);
    res.content_length(size);
    return res;
  }
  FileResponse res{std::piecewise_construct, std::make_tuple(std::move(body)),
                   std::make_tuple(http::status::ok, req.version())};
  set_common(res);
  res.content_length(size);
  return res;
}

}  // namespace treff::server
