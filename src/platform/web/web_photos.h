// Account photos in the browser (wasm/photos.js): loading a person's photo into a GL texture, and
// making a new one from a chosen file or the running camera, cropped square and scaled down.
#pragma once

#include <string>
#include <vector>

#include "platform/video_placement.h"

namespace treff::platform {

// Starts loading the photo at `path` (an /api/photos address) into `texture`. Returns a request
// number that take_loaded_photos() reports.
unsigned load_photo(const std::string& path, unsigned texture);
struct LoadedPhoto {
  unsigned request = 0;
  bool ok = false;  // false: the server refused it or it was no image (initials are shown)
};
std::vector<LoadedPhoto> take_loaded_photos();

// A new photo: the middle square, at most `max_side` px, as a JPEG of at most `max_bytes`, shown
// in `texture` as soon as it is cut. From a file the person picks (call it in the frame after
// their press: the browser opens a file chooser only shortly after a click) or from the camera's
// picture now.
unsigned choose_photo_file(int max_side, int max_bytes, unsigned texture);
unsigned photo_from_camera(VideoHandle camera, int max_side, int max_bytes, unsigned texture);
struct PickedPhoto {
  unsigned request = 0;
  std::string error;  // "" or "cancelled", "not-an-image", "no-camera", "encode-failed"
  std::string jpeg;
  int side = 0;       // px
};
std::vector<PickedPhoto> take_picked_photos();

}  // namespace treff::platform
