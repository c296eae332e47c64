#include "server/accounts/photo_check.h"

#include <gtest/gtest.h>

#include "../../server/jpeg_maker.h"

namespace treff::server {
namespace {

TEST(PhotoCheck, ASmallJpegThatDecodesIsAPhoto) {
  EXPECT_TRUE(check_photo(test::make_jpeg(256, 256)));
  EXPECT_TRUE(check_photo(test::make_jpeg(40, 30)));
}

TEST(PhotoCheck, WhatIsNotAJpegIsRefused) {
  for (const std::string& bad : {std::string(), std::string("hello"), std::string("\xFF\xD8\xFF\xE0 not really"),
                                std::string("\x89PNG\r\n\x1a\n", 8), std::string("<svg onload=alert(1)>")}) {
    auto s = check_photo(bad);
    ASSERT_FALSE(s);
    EXPECT_EQ(s.error().code, "bad-photo");
  }
}

TEST(PhotoCheck, AFileCutShortIsRefused) {
  const std::string jpeg = test::make_jpeg(200, 200);
  EXPECT_EQ(check_photo(jpeg.substr(0, jpeg.size() / 2)).error().code, "bad-photo");
}

TEST(PhotoCheck, TooManyPixelsAreRefusedBeforeDecoding) {
  EXPECT_EQ(check_photo(test::make_jpeg(257, 100)).error().code, "photo-too-large");
  // A few KB that claim 30,000 x 30,000 pixels: refused from the header.
  EXPECT_EQ(check_photo(test::with_claimed_size(test::make_jpeg(64, 64), 30000, 30000)).error().code, "photo-too-large");
}

TEST(PhotoCheck, MoreThan256KiBIsRefused) {
  std::string big = test::make_jpeg(256, 256, 100);
  big.resize(kMaxPhotoBytes + 1, '\0');
  EXPECT_EQ(check_photo(big).error().code, "photo-too-large");
}

}  // namespace
}  // namespace treff::server
