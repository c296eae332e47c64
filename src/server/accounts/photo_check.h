// Whether uploaded bytes are a photo the server will keep and show to others: a JPEG that
// libjpeg-turbo decodes completely, of at most 256 KiB and 256x256 pixels (the client crops and
// scales before upload). The size is read from the header before anything is decoded, so a small
// file that claims 30,000 x 30,000 pixels (an image bomb) costs nothing.
#pragma once

#include <cstddef>
#include <string_view>

#include "core/result.h"

namespace treff::server {

constexpr std::size_t kMaxPhotoBytes = 256 * 1024;
constexpr int kMaxPhotoSide = 256;

Status check_photo(std::string_view jpeg);

}  // namespace treff::server
