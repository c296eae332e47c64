// The account photos shown on screen, one GL texture per person, loaded from the server when a
// screen first asks for them and again when the person's photo version changes.
#pragma once

#include <imgui.h>

#include <map>
#include <string>

namespace treff::app {

class PhotoTextures {
 public:
  // The texture of `path` (an /api/photos address of person `id`), or null while it loads, when it
  // failed, or for "" (no photo): initials are shown then.
  ImTextureID get(int id, const std::string& path);
  // Takes the finished loads; true when a photo came.
  bool take_loaded();
  // Whether the photo at `path` of person `id` is loaded and shown.
  bool shows(int id, const std::string& path) const;
  // Forgets every photo (logging out: the next person on this page sees none of them).
  void clear();

 private:
  struct Entry {
    std::string path;
    unsigned texture = 0;
    unsigned request = 0;
    bool ready = false;
  };
  std::map<int, Entry> by_person_;
};

}  // namespace treff::app
