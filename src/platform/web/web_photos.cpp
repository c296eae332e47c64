#include "platform/web/web_photos.h"

#include <emscripten.h>

#include <utility>

#include "platform/web/event_wakeup.h"

extern "C" {
void treff_photo_load(unsigned request, const char* path, unsigned texture);
void treff_photo_choose_file(unsigned request, int max_side, int max_bytes, unsigned texture);
void treff_photo_from_camera(unsigned request, unsigned video, int max_side, int max_bytes, unsigned texture);
}

namespace treff::platform {
namespace {
unsigned g_next_request = 1;
std::vector<LoadedPhoto> g_loaded;
std::vector<PickedPhoto> g_picked;
}  // namespace

unsigned load_photo(const std::string& path, unsigned texture) {
  const unsigned request = g_next_request++;
  treff_photo_load(request, path.c_str(), texture);
  return request;
}

std::vector<LoadedPhoto> take_loaded_photos() { return std::exchange(g_loaded, {}); }

unsigned choose_photo_file(int max_side, int max_bytes, unsigned texture) {
  const unsigned request = g_next_request++;
  treff_photo_choose_file(request, max_side, max_bytes, texture);
  return request;
}

unsigned photo_from_camera(VideoHandle camera, int max_side, int max_bytes, unsigned texture) {
  const unsigned request = g_next_request++;
  treff_photo_from_camera(request, camera, max_side, max_bytes, texture);
  return request;
}

std::vector<PickedPhoto> take_picked_photos() { return std::exchange(g_picked, {}); }

}  // namespace treff::platform

extern "C" EMSCRIPTEN_KEEPALIVE void treff_photo_loaded(unsigned request, int ok) {
  treff::platform::g_loaded.push_back({request, ok != 0});
  treff::platform::wake();
}

// `error`, `jpeg` valid only during the call.
extern "C" EMSCRIPTEN_KEEPALIVE void treff_photo_picked(unsigned request, const char* error, const char* jpeg, int size,
                                                        int side) {
  treff::platform::g_picked.push_back(
      {request, error, std::string(jpeg, static_cast<std::size_t>(size)), side});
  treff::platform::wake();
}
