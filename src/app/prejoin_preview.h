// What the join prompt shows of the person's own camera and microphone before they join: the
// picture as a texture and the sound level for the meter. It follows what the call controller
// has opened (CallController::preview) and holds no media itself.
#pragma once

#include <GLES3/gl3.h>

#include "app/call_controller.h"
#include "platform/audio_levels.h"
#include "platform/video_frames.h"

namespace treff::app {

class PrejoinPreview {
 public:
  PrejoinPreview(platform::VideoFrames& videos, platform::AudioLevels& levels) : videos_(videos), levels_(levels) {}
  ~PrejoinPreview() { close(); }
  PrejoinPreview(const PrejoinPreview&) = delete;
  PrejoinPreview& operator=(const PrejoinPreview&) = delete;

  // Opens or closes the picture and the meter as camera and microphone come and go; takes a new
  // frame and a level sample. True when something on screen changed.
  bool update(const LocalMediaState& local, double now_ms);
  // The join prompt is gone (joined, or the start screen): stop watching.
  void close();

  GLuint texture() const { return frames_ > 0 ? texture_ : 0; }
  float aspect() const { return height_ > 0 ? static_cast<float>(width_) / static_cast<float>(height_) : 4.0f / 3.0f; }
  long frames() const { return frames_; }
  // 0..1 on a decibel scale: -60 dBFS and below is 0, full scale is 1.
  float level() const { return level_; }
  bool has_meter() const { return meter_ != 0; }

 private:
  platform::VideoFrames& videos_;
  platform::AudioLevels& levels_;
  platform::VideoHandle video_ = 0;
  GLuint texture_ = 0;
  int width_ = 0, height_ = 0;
  long frames_ = 0;
  platform::MeterHandle meter_ = 0;
  float level_ = 0;
  double next_sample_ms_ = 0;
};

}  // namespace treff::app
