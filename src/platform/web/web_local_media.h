// LocalMedia on wasm/media.js. One instance per page (see WebPeerConnections).
#pragma once

#include "platform/local_media.h"
#include "platform/web/event_wakeup.h"

namespace treff::platform {

class WebLocalMedia final : public LocalMedia {
 public:
  WebLocalMedia();
  ~WebLocalMedia() override;
  WebLocalMedia(const WebLocalMedia&) = delete;
  WebLocalMedia& operator=(const WebLocalMedia&) = delete;

  void open(bool audio, bool video, const DeviceChoice& choice) override;
  void set_enabled(bool audio, bool video) override;
  void close() override;
  std::vector<MediaEvent> take_events() override;

  void push(MediaEvent e) {
    events_.push_back(std::move(e));
    wake();
  }
  static WebLocalMedia* instance();

 private:
  std::vector<MediaEvent> events_;
};

}  // namespace treff::platform
