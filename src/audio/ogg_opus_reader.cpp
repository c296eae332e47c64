#include "audio/ogg_opus_reader.h"

#include <ogg/ogg.h>
#include <opus.h>

#include <cstring>
#include <memory>

#include "audio/opus_voice.h"

namespace treff::audio {
namespace {

Error not_opus(const std::string& why) { return Error{"audio-not-opus", why}; }
Error damaged(const std::string& why) { return Error{"audio-damaged", why}; }

std::uint32_t le32(const unsigned char* p) {
  return static_cast<std::uint32_t>(p[0]) | static_cast<std::uint32_t>(p[1]) << 8 |
         static_cast<std::uint32_t>(p[2]) << 16 | static_cast<std::uint32_t>(p[3]) << 24;
}
std::uint16_t le16(const unsigned char* p) {
  return static_cast<std::uint16_t>(p[0] | p[1] << 8);
}

// RFC 7845, 5.1: the identification header. Only channel mapping family 0 (mono, stereo).
Status read_head(const ogg_packet& packet, OggOpusFile& file) {
  const unsigned char* p = packet.packet;
  if (packet.bytes < 19 || std::memcmp(p, "OpusHead", 8) != 0)
    return not_opus("The file is not Ogg Opus: its first packet is no OpusHead.");
  if ((p[8] & 0xF0) != 0) return not_opus("The file uses an Ogg Opus version this reader does not know.");
  file.channels = p[9];
  file.pre_skip = le16(p + 10);
  file.input_rate = le32(p + 12);
  const int family = p[18];
  if (family != 0 || (file.channels != 1 && file.channels != 2))
    return not_opus("Only mono and stereo Ogg Opus files are accepted.");
  return Ok{};
}

// RFC 7845, 5.2: the comment header, every length checked against what is left.
Status read_tags(const ogg_packet& packet, OggOpusFile& file, const OggOpusLimits& limits) {
  const unsigned char* p = packet.packet;
  const std::size_t size = static_cast<std::size_t>(packet.bytes);
  if (size < 16 || std::memcmp(p, "OpusTags", 8) != 0)
    return not_opus("The file is not Ogg Opus: its second packet is no OpusTags.");
  if (size > limits.max_comment_bytes) return damaged("The file's comments are too long.");
  std::size_t at = 8;
  auto read_string = [&](std::string& out) -> bool {
    if (size - at < 4) return false;
    const std::uint32_t n = le32(p + at);
    at += 4;
    if (size - at < n) return false;
    out.assign(reinterpret_cast<const char*>(p + at), n);
    at += n;
    return true;
  };
  if (!read_string(file.vendor) || size - at < 4) return damaged("The file's comment header is cut short.");
  const std::uint32_t count = le32(p + at);
  at += 4;
  for (std::uint32_t i = 0; i < count; ++i) {
    std::string comment;
    if (!read_string(comment)) return damaged("The file's comment header is cut short.");
    file.comments.push_back(std::move(comment));
  }
  return Ok{};
}

struct SyncState {
  ogg_sync_state sync;
  ogg_stream_state stream;
  bool stream_open = false;
  SyncState() { ogg_sync_init(&sync); }
  ~SyncState() {
    ogg_sync_clear(&sync);
    if (stream_open) ogg_stream_clear(&stream);
  }
};

}  // namespace

Result<OggOpusFile> read_ogg_opus(const std::uint8_t* data, std::size_t size,
                                  const OggOpusLimits& limits) {
  if (size < 4 || std::memcmp(data, "OggS", 4) != 0)
    return not_opus("The file is not an Ogg file.");
  if (size > 0x7fffffff) return damaged("The file is too large.");
  auto state = std::make_unique<SyncState>();
  char* buffer = ogg_sync_buffer(&state->sync, static_cast<long>(size));
  if (!buffer) return damaged("The file is too large.");
  std::memcpy(buffer, data, size);
  ogg_sync_wrote(&state->sync, static_cast<long>(size));

  OggOpusFile file;
  std::int64_t packet_samples = 0;
  std::int64_t last_granule = -1;
  long packet_number = 0;
  bool ended = false;
  ogg_page page;
  for (;;) {
    const int got = ogg_sync_pageout(&state->sync, &page);
    if (got == 0) break;  // no complete page left
    if (got < 0) return damaged("Part of the file is damaged (an Ogg page fails its checksum).");
    if (ended) return damaged("The file goes on after its stream has ended.");
    if (!state->stream_open) {
      if (!ogg_page_bos(&page)) return not_opus("The file does not start an Ogg stream.");
      ogg_stream_init(&state->stream, ogg_page_serialno(&page));
      state->stream_open = true;
    } else if (ogg_page_serialno(&page) != state->stream.serialno) {
      return not_opus("The file holds more than one stream.");
    }
    if (ogg_stream_pagein(&state->stream, &page) != 0) return damaged("An Ogg page does not fit its stream.");
    if (ogg_page_granulepos(&page) >= 0) last_granule = ogg_page_granulepos(&page);
    ended = ogg_page_eos(&page) != 0;
    ogg_packet packet;
    for (;;) {
      const int out = ogg_stream_packetout(&state->stream, &packet);
      if (out == 0) break;
      if (out < 0) return damaged("Part of the file is missing (a gap between Ogg pages).");
      if (packet_number == 0) {
        if (auto head = read_head(packet, file); !head) return head.error();
      } else if (packet_number == 1) {
        if (auto tags = read_tags(packet, file, limits); !tags) return tags.error();
      } else {
        if (file.packets.size() >= limits.max_packets) return damaged("The file is too long.");
        const int n = opus_packet_get_nb_samples(packet.packet, static_cast<opus_int32>(packet.bytes), 48000);
        if (n <= 0) return damaged("The file holds a packet that is not Opus.");
        packet_samples += n;
        file.packets.emplace_back(packet.packet, packet.packet + packet.bytes);
      }
      ++packet_number;
    }
  }
  if (packet_number < 2) return Error{"audio-truncated", "The file ends inside its headers."};
  if (!ended) return Error{"audio-truncated", "The file is cut off: its stream never ends."};
  // The last granule position counts every sample of the stream, pre-skip included; it may trim
  // the last packet's end but never reach past what the packets hold (RFC 7845, 4.4).
  if (last_granule < file.pre_skip || last_granule > packet_samples)
    return damaged("The file's length does not match its sound.");
  file.samples = last_granule - file.pre_skip;
  return file;
}

Result<std::vector<float>> decode_ogg_opus(const OggOpusFile& file) {
  auto decoder = VoiceDecoder::create(file.channels);
  if (!decoder) return decoder.error();
  const auto channels = static_cast<std::size_t>(file.channels);
  std::vector<float> pcm;
  pcm.reserve(static_cast<std::size_t>(file.samples + file.pre_skip) * channels);
  for (const auto& packet : file.packets) {
    auto frame = decoder.value().decode(packet);
    if (!frame) return frame.error();
    pcm.insert(pcm.end(), frame.value().begin(), frame.value().end());
  }
  const std::size_t skip = static_cast<std::size_t>(file.pre_skip) * channels;
  const std::size_t keep = static_cast<std::size_t>(file.samples) * channels;
  if (pcm.size() < skip + keep) return damaged("The file's sound is shorter than it says.");
  return std::vector<float>(pcm.begin() + static_cast<std::ptrdiff_t>(skip),
                            pcm.begin() + static_cast<std::ptrdiff_t>(skip + keep));
}

}  // namespace treff::audio
