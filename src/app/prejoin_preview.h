// What the join prompt shows of the person's own camera and microphone before they join: the
// picture (the app's LocalPicture, shown by the browser) and the sound level for the meter. It
// follows what the call controller has opened (CallController::preview) and holds no media itself.
#pragma once

#include "app/call_controller.h"
#include "platform/audio_levels.h"
#include "platform/video_placement.h"

namespace treff::app {

class PrejoinPreview {
 public:
  PrejoinPreview(platform::VideoPlacement& videos, platform::AudioLevels& levels) : videos_(videos), levels_(levels) {}
  ~PrejoinPreview() { close(); }
  PrejoinPreview(const PrejoinPreview&) = delete;
  PrejoinPreview& operator=(const PrejoinPreview&) = delete;

  // Follows `picture` (the own camera's video, 0 without one) and opens or closes the meter as the
  // microphone comes and goes; reads how far the picture is and takes a level sample. True when
  // something on screen must change (the first picture, its shape, the meter); new frames alone
  // are the browser's to show.
  bool update(const LocalMediaState& local, platform::VideoHandle picture, double now_ms);
  // The join prompt is gone (joined, or the start screen): stop watching.
  void close();

  // The picture to show, once it has a frame; 0 before.
  platform::VideoHandle video() const { return status_.frames > 0 ? video_ : 0; }
  float aspect() const {
    return status_.height > 0 ? static_cast<float>(status_.width) / static_cast<float>(status_.height) : 4.0f / 3.0f;
  }
  long frames() const { return status_.frames; }
  // 0..1 on a decibel scale: -60 dBFS and below is 0, full scale is 1.
  float level() const { return level_; }
  bool has_meter() const { return meter_ != 0; }

 private:
  platform::VideoPlacement& videos_;
  platform::AudioLevels& levels_;
  platform::VideoHandle video_ = 0;
  platform::VideoStatus status_;
  platform::MeterHandle meter_ = 0;
  float level_ = 0;
  double next_sample_ms_ = 0;
};

}  // namespace treff::app
