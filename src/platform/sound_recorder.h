// Recording the own microphone into an Ogg Opus file, encoded off the page's main thread (an
// AudioWorklet hands the sound to a worker that runs Treff's audio code), and playing such a file
// back. Results come back as events, keyed by the recording's handle.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "platform/peer_connections.h"

namespace treff::platform {

using RecordingHandle = std::uint32_t;  // 0: none

struct RecordingSettings {
  int bitrate = 32000;
  bool voice = true;  // Opus' VoIP tuning, as WebRTC uses for a call
};

struct RecorderEvent {
  enum class Kind {
    Finished,  // stop() was done: seconds, the input's rms and peak (0..1), bytes of the file
    Played,    // play() reached the end: seconds played, rms of what went to the speaker
    Failed,    // error: "no-microphone", "microphone-denied", "microphone-ended" (unplugged), "unsupported",
               // "storage" (a call recording could not be written to the browser's storage),
               // or an audio code from src/audio ("audio-writer", "audio-damaged", ...)
    Started,   // the recording's sound flows into the encoder from now on
  };
  RecordingHandle recording = 0;
  Kind kind = Kind::Finished;
  double seconds = 0;
  double rms = 0;
  double peak = 0;
  std::size_t bytes = 0;
  std::string error;
};

class SoundRecorder {
 public:
  virtual ~SoundRecorder() = default;
  // Starts recording the microphone the page has open, or opens one for the recording (a
  // refusal comes as a Failed event). 0 when the page cannot record at all.
  virtual RecordingHandle record_microphone(const RecordingSettings& settings) = 0;
  // Records a call: the own microphone and every remote source added, mixed, streamed to the
  // browser's storage as it is encoded (a long call keeps memory flat) and offered as a download
  // named `file_name` once stopped.
  virtual RecordingHandle record_call(const RecordingSettings& settings, const std::string& file_name) = 0;
  virtual void add_source(RecordingHandle recording, const RemoteSource& source) = 0;
  virtual void remove_source(RecordingHandle recording, const RemoteSource& source) = 0;
  virtual void stop(RecordingHandle recording) = 0;
  // The finished file's bytes (after its Finished event), to upload.
  virtual std::string file(RecordingHandle recording) = 0;
  // A handle for a file from elsewhere (a voice message fetched from the server), to play().
  virtual RecordingHandle open_file(const std::string& ogg) = 0;
  // Decodes the file and plays it on the speaker in use.
  virtual void play(RecordingHandle recording) = 0;
  // Stops whatever the recording still does and forgets its file.
  virtual void discard(RecordingHandle recording) = 0;
  virtual std::vector<RecorderEvent> take_events() = 0;
};

}  // namespace treff::platform
