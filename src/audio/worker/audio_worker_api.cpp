// The audio worker's wasm module (treff-audio.js/.wasm): recordings and decoding, called by
// shell/audio-worker.js inside a dedicated Web Worker so that encoding never runs on the page's
// main thread. Numbered recordings; buffers are owned here and lent to the script by pointer.
#include <emscripten.h>

#include <cstdint>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "audio/ogg_opus_reader.h"
#include "audio/recording.h"

namespace {

struct Slot {
  std::unique_ptr<treff::audio::Recording> recording;
  std::vector<float> input;           // the script writes samples here before add()
  std::vector<std::uint8_t> output;   // bytes taken by take()
};

std::map<int, Slot> g_recordings;
int g_next = 1;
std::string g_error;                  // the last failure's code
std::vector<std::uint8_t> g_file;     // a file to decode, written by the script
std::vector<float> g_pcm;             // what decode() made
int g_pcm_channels = 0;

Slot* find(int id) {
  auto it = g_recordings.find(id);
  return it == g_recordings.end() ? nullptr : &it->second;
}

int failed(const treff::Error& error) {
  g_error = error.code;
  return -1;
}

}  // namespace

extern "C" {

// A new recording; its number, or 0 (treff_audio_error() says why).
EMSCRIPTEN_KEEPALIVE int treff_recording_start(int input_rate, int channels, int bitrate, int voice) {
  treff::audio::OggOpusWriter::Options options;
  options.input_rate = input_rate;
  options.channels = channels;
  options.bitrate = bitrate;
  options.voice = voice != 0;
  auto recording = treff::audio::Recording::start(options);
  if (!recording) {
    failed(recording.error());
    return 0;
  }
  const int id = g_next++;
  g_recordings[id].recording = std::make_unique<treff::audio::Recording>(std::move(recording).value());
  return id;
}

// Room for `samples` input samples (all channels), to fill before treff_recording_add.
EMSCRIPTEN_KEEPALIVE float* treff_recording_input(int id, int samples) {
  Slot* slot = find(id);
  if (!slot || samples <= 0) return nullptr;
  slot->input.resize(static_cast<std::size_t>(samples));
  return slot->input.data();
}

// Encodes what the input holds; 0, or -1 on failure.
EMSCRIPTEN_KEEPALIVE int treff_recording_add(int id, int samples_per_channel) {
  Slot* slot = find(id);
  if (!slot) return -1;
  auto added = slot->recording->add(slot->input.data(), samples_per_channel);
  return added ? 0 : failed(added.error());
}

EMSCRIPTEN_KEEPALIVE int treff_recording_finish(int id) {
  Slot* slot = find(id);
  if (!slot) return -1;
  auto finished = slot->recording->finish();
  return finished ? 0 : failed(finished.error());
}

// Moves the file's completed bytes to the output buffer; how many.
EMSCRIPTEN_KEEPALIVE int treff_recording_take(int id) {
  Slot* slot = find(id);
  if (!slot) return 0;
  slot->output = slot->recording->take_bytes();
  return static_cast<int>(slot->output.size());
}
EMSCRIPTEN_KEEPALIVE const std::uint8_t* treff_recording_output(int id) {
  Slot* slot = find(id);
  return slot ? slot->output.data() : nullptr;
}

EMSCRIPTEN_KEEPALIVE double treff_recording_seconds(int id) {
  Slot* slot = find(id);
  return slot ? slot->recording->seconds() : 0;
}
EMSCRIPTEN_KEEPALIVE double treff_recording_rms(int id) {
  Slot* slot = find(id);
  return slot ? slot->recording->loudness().rms : 0;
}
EMSCRIPTEN_KEEPALIVE double treff_recording_peak(int id) {
  Slot* slot = find(id);
  return slot ? slot->recording->loudness().peak : 0;
}

EMSCRIPTEN_KEEPALIVE void treff_recording_close(int id) { g_recordings.erase(id); }

// Room for an Ogg Opus file of `size` bytes, to fill before treff_decode.
EMSCRIPTEN_KEEPALIVE std::uint8_t* treff_decode_input(int size) {
  if (size <= 0) return nullptr;
  g_file.resize(static_cast<std::size_t>(size));
  return g_file.data();
}

// Reads and decodes the file: samples per channel at 48 kHz (treff_decoded_pcm), or -1.
EMSCRIPTEN_KEEPALIVE int treff_decode(void) {
  auto file = treff::audio::read_ogg_opus(g_file.data(), g_file.size());
  if (!file) return failed(file.error());
  auto pcm = treff::audio::decode_ogg_opus(file.value());
  if (!pcm) return failed(pcm.error());
  g_pcm = std::move(pcm).value();
  g_pcm_channels = file.value().channels;
  return static_cast<int>(g_pcm.size()) / g_pcm_channels;
}
EMSCRIPTEN_KEEPALIVE const float* treff_decoded_pcm(void) { return g_pcm.data(); }
EMSCRIPTEN_KEEPALIVE int treff_decoded_channels(void) { return g_pcm_channels; }

// The last failure's code (a src/audio error code), for the script's report.
EMSCRIPTEN_KEEPALIVE const char* treff_audio_error(void) { return g_error.c_str(); }

}  // extern "C"
