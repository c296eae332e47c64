// Fuzzes what treff-server does with an HTTP request, from raw bytes: Beast's parser with the
// server's limits, then the routes that read parameters from it: the static files (the target
// mapped to a file below the site folder, room links, precompressed variants, revalidation) and
// the caller's address from X-Forwarded-For behind a trusted proxy. Whatever comes, nothing is
// served from outside the site folder.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include <boost/beast/http.hpp>

#include <unistd.h>

#include "server/client_address.h"
#include "server/static_files.h"

namespace {

namespace fs = std::filesystem;
namespace http = boost::beast::http;

// A small site, made once per process: index.html, a wasm file with its .br sibling, a hidden file.
const fs::path& site() {
  static const fs::path root = [] {
    const fs::path dir = fs::temp_directory_path() / ("treff-fuzz-site-" + std::to_string(::getpid()));
    fs::create_directories(dir);
    std::ofstream(dir / "index.html") << "<!doctype html><title>Treff</title>";
    std::ofstream(dir / "treff.wasm") << "wasm";
    std::ofstream(dir / "treff.wasm.br") << "br";
    std::ofstream(dir / ".secret") << "hidden";
    return dir;
  }();
  return root;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static const treff::server::StaticFiles files(site());
  static const std::vector<std::string> proxies{"127.0.0.1", "::1"};
  http::request_parser<http::string_body> parser;
  parser.header_limit(8 * 1024);
  parser.body_limit(8 * 1024);
  parser.eager(true);
  boost::beast::error_code ec;
  parser.put(boost::asio::buffer(data, size), ec);
  if (ec || !parser.is_header_done()) return 0;
  const auto& request = parser.get();

  const std::string relative = treff::server::map_target_to_relative_path(request.target());
  if (!relative.empty()) {
    const fs::path resolved = (site() / relative).lexically_normal();
    const std::string root = site().string();
    if (resolved.string().compare(0, root.size(), root) != 0) std::abort();  // outside the site
  }
  auto response = files.respond(request);
  if (auto* file = std::get_if<treff::server::FileResponse>(&response)) {
    if (file->result() == http::status::ok && !file->body().is_open()) std::abort();
  }
  const std::string caller = treff::server::client_address("127.0.0.1", request["X-Forwarded-For"], proxies);
  if (caller.empty()) std::abort();
  return 0;
}
