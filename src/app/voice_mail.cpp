#include "app/voice_mail.h"

#include <algorithm>

#include <nlohmann/json.hpp>

#include "audio/opus_voice.h"
#include "core/field_reader.h"

namespace treff::app {

using nlohmann::json;

namespace {
constexpr std::uint64_t kMaxJsonInteger = (std::uint64_t{1} << 53) - 1;
}  // namespace

void VoiceMail::record_for(int contact, const std::string& name, double now_ms) {
  cancel();
  error_.clear();
  to_ = contact;
  to_name_ = name;
  recording_ = recorder_.record_microphone({audio::kCallBitrate, true});
  if (recording_ == 0) return fail("no-microphone");
  phase_ = Phase::Recording;
  started_ms_ = now_ms;
  stopping_ = false;
}

void VoiceMail::send() {
  if (phase_ != Phase::Recording || stopping_) return;
  recorder_.stop(recording_);
  stopping_ = true;
}

void VoiceMail::cancel() {
  if (recording_ != 0) recorder_.discard(recording_);
  recording_ = 0;
  if (phase_ == Phase::Recording) phase_ = Phase::Idle;
}

void VoiceMail::dismiss() {
  if (phase_ == Phase::Sent || phase_ == Phase::Failed) phase_ = Phase::Idle;
}

bool VoiceMail::stalled(double recorded_seconds, double now_ms) const {
  const double asked_ms = now_ms - started_ms_;
  return asked_ms >= kStalledAfterMs && recorded_seconds * 1000 < asked_ms / 2;
}

double VoiceMail::recorded_ms(double now_ms) const {
  return phase_ == Phase::Recording ? std::min(now_ms - started_ms_, kMaxMs) : 0.0;
}

void VoiceMail::watch_inbox(double now_ms) {
  if (now_ms < next_refresh_ms_) return;
  next_refresh_ms_ = now_ms + kRefreshMs;
  asked_.emplace_back(http_.send("GET", "/api/messages", "", ""), Ask::List);
}

void VoiceMail::play(std::int64_t message) {
  if (player_ != 0) recorder_.discard(player_);
  player_ = 0;
  playing_ = 0;
  fetching_ = message;
  asked_.emplace_back(http_.send("GET", "/api/messages/" + std::to_string(message), "", ""), Ask::Fetch);
}

void VoiceMail::remove(std::int64_t message) {
  if (playing_ == message || fetching_ == message) {
    if (player_ != 0) recorder_.discard(player_);
    player_ = 0;
    playing_ = fetching_ = 0;
  }
  // Gone from the list at once; the next list says whether the server agreed.
  inbox_.erase(std::remove_if(inbox_.begin(), inbox_.end(), [&](const auto& m) { return m.id == message; }), inbox_.end());
  asked_.emplace_back(http_.send("POST", "/api/messages/remove", "application/json", json{{"message_id", message}}.dump()),
                      Ask::Remove);
}

bool VoiceMail::update(double now_ms) {
  bool changed = false;
  if (phase_ == Phase::Recording && !stopping_ && now_ms - started_ms_ >= kMaxMs) send();  // a minute at most
  for (const auto& event : recorder_.take_events()) {
    if (event.recording == 0) continue;
    if (event.recording == player_) {
      changed = true;
      if (event.kind == platform::RecorderEvent::Kind::Played) played_ = playing_;
      if (event.kind == platform::RecorderEvent::Kind::Failed) inbox_error_ = event.error;
      recorder_.discard(player_);
      player_ = 0;
      playing_ = 0;
      continue;
    }
    if (event.recording != recording_) continue;
    changed = true;
    if (event.kind == platform::RecorderEvent::Kind::Failed) {
      fail(event.error);
    } else if (event.kind == platform::RecorderEvent::Kind::Finished && stalled(event.seconds, now_ms)) {
      fail("sound-stalled");
    } else if (event.kind == platform::RecorderEvent::Kind::Finished) {
      const std::string file = recorder_.file(recording_);
      recorder_.discard(recording_);
      recording_ = 0;
      phase_ = Phase::Sending;
      asked_.emplace_back(http_.send("PUT", "/api/messages/" + std::to_string(to_), "audio/ogg", file), Ask::Upload);
    }
  }
  for (auto& answer : http_.take_answers()) {
    auto it = std::find_if(asked_.begin(), asked_.end(), [&](const auto& a) { return a.first == answer.request; });
    if (it == asked_.end()) continue;
    const Ask ask = it->second;
    asked_.erase(it);
    answered(ask, answer);
    changed = true;
  }
  return changed || phase_ == Phase::Recording;  // the seconds count up while recording
}

std::string VoiceMail::error_of(const platform::HttpAnswer& answer) {
  if (answer.status == 0) return "server-unreachable";
  const json body = json::parse(answer.body, nullptr, false);
  if (body.is_object() && body.contains("error") && body["error"].is_string()) return body["error"].get<std::string>();
  return "server-error";
}

void VoiceMail::answered(Ask ask, const platform::HttpAnswer& answer) {
  const bool ok = answer.status >= 200 && answer.status < 300;
  switch (ask) {
    case Ask::Upload:
      if (phase_ != Phase::Sending) return;
      if (ok) phase_ = Phase::Sent;
      else fail(error_of(answer));
      return;
    case Ask::Fetch: {
      const std::int64_t message = fetching_;
      fetching_ = 0;
      if (!ok) {
        inbox_error_ = error_of(answer);
        return;
      }
      if (message == 0) return;  // removed meanwhile
      inbox_error_.clear();
      player_ = recorder_.open_file(answer.body);
      playing_ = message;
      recorder_.play(player_);
      return;
    }
    case Ask::Remove:
      if (!ok) inbox_error_ = error_of(answer);
      next_refresh_ms_ = 0;  // the list again, as the server has it
      return;
    case Ask::List: {
      if (!ok) {
        inbox_error_ = error_of(answer);
        return;
      }
      const json body = json::parse(answer.body, nullptr, false);
      if (!body.is_object() || !body.contains("messages") || !body["messages"].is_array()) return;
      std::vector<VoiceMessageInfo> list;
      for (const auto& m : body["messages"]) {
        proto::FieldReader f(m, "voice message");
        VoiceMessageInfo info;
        info.id = static_cast<std::int64_t>(f.positive_integer("id", kMaxJsonInteger));
        info.from = f.integer("from", 1, 2147483647);
        info.from_name = f.string("from_name", 400, true);
        info.duration_ms = f.integer("duration_ms", 0, 3600000);
        info.created_at = static_cast<std::int64_t>(f.positive_integer("created_at", kMaxJsonInteger));
        if (!f.finish()) list.push_back(std::move(info));
      }
      inbox_ = std::move(list);
      return;
    }
  }
}

void VoiceMail::fail(std::string code) {
  if (recording_ != 0) recorder_.discard(recording_);
  recording_ = 0;
  error_ = std::move(code);
  phase_ = Phase::Failed;
}

}  // namespace treff::app
