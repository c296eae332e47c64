#include "server/accounts/photo_check.h"

#include <csetjmp>
#include <cstdio>

#include <jpeglib.h>

namespace treff::server {
namespace {

// libjpeg reports fatal errors by calling error_exit, which must not return: jump back out.
struct ErrorManager {
  jpeg_error_mgr base;
  std::jmp_buf jump;
  char message[JMSG_LENGTH_MAX];
};

void on_error(j_common_ptr info) {
  auto* errors = reinterpret_cast<ErrorManager*>(info->err);
  (*info->err->format_message)(info, errors->message);
  std::longjmp(errors->jump, 1);
}

void ignore_message(j_common_ptr) {}

const Error kNotAPhoto{"bad-photo", "This is not a photo the server can read; please choose a JPEG or PNG picture."};

}  // namespace

Status check_photo(std::string_view jpeg) {
  if (jpeg.size() > kMaxPhotoBytes) return Error{"photo-too-large", "The photo is too large: at most 256 KB."};
  if (jpeg.empty()) return kNotAPhoto;

  jpeg_decompress_struct info{};
  ErrorManager errors{};
  info.err = jpeg_std_error(&errors.base);
  errors.base.error_exit = on_error;
  errors.base.output_message = ignore_message;
  // Nothing below may own a C++ object with a destructor: longjmp skips them (the row buffer
  // belongs to libjpeg's pool and goes with jpeg_destroy_decompress).
  if (setjmp(errors.jump)) {
    jpeg_destroy_decompress(&info);
    return kNotAPhoto;
  }
  jpeg_create_decompress(&info);
  jpeg_mem_src(&info, reinterpret_cast<const unsigned char*>(jpeg.data()), static_cast<unsigned long>(jpeg.size()));
  if (jpeg_read_header(&info, TRUE) != JPEG_HEADER_OK) {
    jpeg_destroy_decompress(&info);
    return kNotAPhoto;
  }
  if (info.image_width == 0 || info.image_height == 0 || info.image_width > kMaxPhotoSide ||
      info.image_height > kMaxPhotoSide) {
    jpeg_destroy_decompress(&info);
    return Error{"photo-too-large", "The photo has too many pixels: at most 256 by 256."};
  }
  jpeg_start_decompress(&info);
  JSAMPARRAY row = (*info.mem->alloc_sarray)(reinterpret_cast<j_common_ptr>(&info), JPOOL_IMAGE,
                                              info.output_width * static_cast<JDIMENSION>(info.output_components), 1);
  while (info.output_scanline < info.output_height) jpeg_read_scanlines(&info, row, 1);
  // A file cut short decodes with a warning and grey rows; refuse it rather than show that.
  const bool truncated = errors.base.num_warnings > 0;
  jpeg_finish_decompress(&info);
  jpeg_destroy_decompress(&info);
  if (truncated) return kNotAPhoto;
  return Ok{};
}

}  // namespace treff::server
