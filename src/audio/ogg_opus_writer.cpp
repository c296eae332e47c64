#include "audio/ogg_opus_writer.h"

#include <opusenc.h>

namespace treff::audio {
namespace {

Error writer_error(const char* what, int code) {
  return Error{"audio-writer", std::string(what) + ": " + ope_strerror(code)};
}

// libopusenc's comment list, freed when the encoder has copied it.
struct Comments {
  OggOpusComments* list = ope_comments_create();
  ~Comments() { if (list) ope_comments_destroy(list); }
};

// How far libopusenc may hold back a page before handing it out: 200 ms keeps the pages small
// enough to stream, at about 1 % of the file in page headers.
constexpr int kMuxingDelaySamples = kSampleRate / 5;

}  // namespace

void OggOpusWriter::Free::operator()(OggOpusEnc* e) const { ope_encoder_destroy(e); }

OggOpusWriter::~OggOpusWriter() = default;

Result<OggOpusWriter> OggOpusWriter::create(const Options& options) {
  if (options.channels != 1 && options.channels != 2)
    return Error{"audio-writer", "A recording is mono or stereo."};
  if (options.input_rate < 8000 || options.input_rate > 192000)
    return Error{"audio-writer", "The sound's sample rate is out of range."};
  Comments comments;
  if (!comments.list) return writer_error("Ogg Opus comments", OPE_ALLOC_FAIL);
  if (!options.title.empty()) ope_comments_add(comments.list, "TITLE", options.title.c_str());
  int err = OPE_OK;
  OggOpusEnc* e = ope_encoder_create_pull(comments.list, options.input_rate, options.channels, 0, &err);
  if (err != OPE_OK || !e) return writer_error("Ogg Opus encoder", err);
  OggOpusWriter writer(e, options.channels);
  if (options.voice) {
    err = ope_encoder_ctl(e, OPUS_SET_APPLICATION(OPUS_APPLICATION_VOIP));
    if (err != OPE_OK) return writer_error("Ogg Opus voice tuning", err);
  }
  err = ope_encoder_ctl(e, OPUS_SET_BITRATE(options.bitrate));
  if (err != OPE_OK) return writer_error("Ogg Opus bitrate", err);
  err = ope_encoder_ctl(e, OPE_SET_MUXING_DELAY(kMuxingDelaySamples));
  if (err != OPE_OK) return writer_error("Ogg Opus page delay", err);
  return writer;
}

Status OggOpusWriter::write(const float* pcm, int samples_per_channel) {
  if (finished_) return Error{"audio-writer", "The recording has already ended."};
  if (samples_per_channel < 0) return Error{"audio-writer", "A negative number of samples."};
  if (samples_per_channel == 0) return Ok{};
  const int err = ope_encoder_write_float(encoder_.get(), pcm, samples_per_channel);
  if (err != OPE_OK) return writer_error("Ogg Opus encode", err);
  samples_written_ += samples_per_channel;
  collect_pages(false);
  return Ok{};
}

Status OggOpusWriter::finish() {
  if (finished_) return Ok{};
  finished_ = true;
  const int err = ope_encoder_drain(encoder_.get());
  if (err != OPE_OK) return writer_error("Ogg Opus end", err);
  collect_pages(true);
  return Ok{};
}

std::vector<std::uint8_t> OggOpusWriter::take_bytes() {
  std::vector<std::uint8_t> out;
  out.swap(pending_);
  return out;
}

void OggOpusWriter::collect_pages(bool flush) {
  unsigned char* page = nullptr;
  opus_int32 length = 0;
  while (ope_encoder_get_page(encoder_.get(), &page, &length, flush ? 1 : 0))
    pending_.insert(pending_.end(), page, page + length);
}

}  // namespace treff::audio
