// Fuzzes servers.json as the server reads it at start and the client reads it from the page's
// server: whatever the text, the parser gives a list or an error, and a list it accepts is written
// back (server_list_json, what /servers.json serves) as a text it accepts again, unchanged.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "core/server_list.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const auto list = treff::parse_server_list(std::string_view(reinterpret_cast<const char*>(data), size));
  if (!list) {
    if (list.error().message.empty()) std::abort();  // every refusal says why
    return 0;
  }
  const std::string served = treff::server_list_json(list.value());
  const auto again = treff::parse_server_list(served);
  if (!again || treff::server_list_json(again.value()) != served) std::abort();
  return 0;
}
