// Voice messages: leaving one for a contact who did not answer a ring (up to a minute recorded
// in the browser as Ogg Opus, uploaded to the server, which checks it again), and the messages
// left for this person: listed, played (decoded by Treff's own reader and decoder in the audio
// worker) and deleted. Platform-free: the recorder and the requests are interfaces.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "platform/http_requests.h"
#include "platform/sound_recorder.h"

namespace treff::app {

struct VoiceMessageInfo {
  std::int64_t id = 0;
  int from = 0;
  std::string from_name;
  std::int64_t duration_ms = 0;
  std::int64_t created_at = 0;  // Unix seconds
};

class VoiceMail {
 public:
  enum class Phase {
    Idle,
    Recording,  // for to_name(); seconds() runs up to kMaxMs
    Sending,
    Sent,
    Failed,     // error(): a recorder or server code
  };
  static constexpr double kMaxMs = 60000;
  // How often the list is asked for again while it is on screen: new messages show within this.
  static constexpr double kRefreshMs = 10000;
  // A recording of at least this long that holds under half of its time: the browser's sound is
  // not running (Firefox without a speaker), said as such rather than sent as an empty message.
  static constexpr double kStalledAfterMs = 1000;

  VoiceMail(platform::SoundRecorder& recorder, platform::HttpRequests& http) : recorder_(recorder), http_(http) {}
  ~VoiceMail() { cancel(); }
  VoiceMail(const VoiceMail&) = delete;
  VoiceMail& operator=(const VoiceMail&) = delete;

  // Leaving a message.
  void record_for(int contact, const std::string& name, double now_ms);
  void send();    // stops the recording and uploads it
  void cancel();  // drops the recording, sends nothing
  void dismiss(); // forgets "sent" or the failure
  Phase phase() const { return phase_; }
  const std::string& to_name() const { return to_name_; }
  double recorded_ms(double now_ms) const;
  const std::string& error() const { return error_; }

  // The messages left for this person, newest first.
  void watch_inbox(double now_ms);  // asks now and then every kRefreshMs while called each frame
  const std::vector<VoiceMessageInfo>& inbox() const { return inbox_; }
  void play(std::int64_t message);
  void remove(std::int64_t message);
  std::int64_t playing() const { return playing_; }  // 0: none (or still fetching)
  std::int64_t played() const { return played_; }    // the last message played to its end
  const std::string& inbox_error() const { return inbox_error_; }

  // Follows the recorder and the server; true when the screen must change.
  bool update(double now_ms);

 private:
  enum class Ask { List, Upload, Fetch, Remove };
  void answered(Ask ask, const platform::HttpAnswer& answer);
  void fail(std::string code);
  bool stalled(double recorded_seconds, double now_ms) const;
  static std::string error_of(const platform::HttpAnswer& answer);

  platform::SoundRecorder& recorder_;
  platform::HttpRequests& http_;
  Phase phase_ = Phase::Idle;
  int to_ = 0;
  std::string to_name_;
  platform::RecordingHandle recording_ = 0;
  double started_ms_ = 0;
  bool stopping_ = false;
  std::string error_;
  std::vector<std::pair<unsigned, Ask>> asked_;
  std::vector<VoiceMessageInfo> inbox_;
  std::string inbox_error_;
  double next_refresh_ms_ = 0;
  std::int64_t fetching_ = 0, playing_ = 0, played_ = 0;
  platform::RecordingHandle player_ = 0;
};

}  // namespace treff::app
