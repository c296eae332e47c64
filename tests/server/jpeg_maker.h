// JPEG files for the photo tests, made with libjpeg-turbo: real pictures, and broken ones.
#pragma once

#include <string>

namespace treff::test {

// A width x height JPEG of a colour gradient.
std::string make_jpeg(int width, int height, int quality = 85);

// `jpeg` with the size in its frame header replaced: a small file that claims huge dimensions.
std::string with_claimed_size(std::string jpeg, int width, int height);

}  // namespace treff::test
