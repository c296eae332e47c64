#include "app/photo_textures.h"

#include <cstdint>

#include "app/webgl_renderer.h"
#include "platform/web/web_photos.h"

namespace treff::app {
ImTextureID PhotoTextures::get(int id, const std::string& path) {
  Entry& e = by_person_[id];
  if (e.path != path) {  // a new photo (or none any more)
    delete_image_texture(e.texture);
    e = Entry{path};
    if (!path.empty()) {
      e.texture = create_image_texture();
      e.request = platform::load_photo(path, e.texture);
    }
  }
  // A texture is only handed out once filled: the renderer skips frames whose draw data did not
  // change, so the photo appears with a new texture id, never by new content under an old one.
  return e.ready ? reinterpret_cast<ImTextureID>(static_cast<std::uintptr_t>(e.texture)) : nullptr;
}

bool PhotoTextures::take_loaded() {
  bool any = false;
  for (const auto& loaded : platform::take_loaded_photos()) {
    for (auto& [id, e] : by_person_) {
      if (e.request != loaded.request) continue;
      e.ready = loaded.ok;
      any = true;
    }
  }
  return any;
}

bool PhotoTextures::shows(int id, const std::string& path) const {
  const auto it = by_person_.find(id);
  return it != by_person_.end() && it->second.ready && it->second.path == path && !path.empty();
}

void PhotoTextures::clear() {
  for (auto& [id, e] : by_person_) delete_image_texture(e.texture);
  by_person_.clear();
}

}  // namespace treff::app
