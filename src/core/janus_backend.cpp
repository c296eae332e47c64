#include "core/janus_backend.h"

#include <algorithm>
#include <utility>

#include <nlohmann/json.hpp>

#include "core/stable_hash.h"
#include "core/text_rules.h"

namespace treff {
namespace {

using json = nlohmann::json;

constexpr const char* kPlugin = "janus.plugin.videoroom";
// The most people a room created here takes: the issue's "rooms of 7 to 50".
constexpr int kRoomPublishers = 50;
// A request Janus has not answered in this long will not be answered: the server is stuck.
constexpr std::int64_t kAnswerTimeoutMs = 10000;
constexpr std::size_t kMaxDisplayBytes = 512;

// VideoRoom's error codes (janus_videoroom.c) that a person can do something about.
constexpr int kNoSuchRoom = 426;
constexpr int kRoomExists = 427;
constexpr int kPublishersFull = 432;
constexpr int kUnauthorized = 433;

// Lenient readers: Janus adds fields between versions, so unknown ones are fine, but a field that
// is there must have the right type.
const json* member(const json& object, const char* key) {
  if (!object.is_object()) return nullptr;
  auto it = object.find(key);
  return it == object.end() ? nullptr : &*it;
}

std::optional<std::uint64_t> id_of(const json* value) {
  if (!value) return std::nullopt;
  if (value->is_number_unsigned()) return value->get<std::uint64_t>();
  if (value->is_number_integer() && value->get<std::int64_t>() >= 0) return value->get<std::int64_t>();
  if (value->is_string()) {  // a Janus with string_ids
    const std::string& s = value->get_ref<const std::string&>();
    if (s.empty() || s.size() > 19 || !std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; }))
      return std::nullopt;
    return std::stoull(s);
  }
  return std::nullopt;
}

std::string text_of(const json* value, std::size_t max_bytes = kMaxDisplayBytes) {
  if (!value || !value->is_string()) return {};
  const std::string& s = value->get_ref<const std::string&>();
  return s.size() <= max_bytes ? s : std::string();
}

std::optional<proto::Signal> jsep_signal(const json* jsep) {
  if (!jsep) return std::nullopt;
  const std::string type = text_of(member(*jsep, "type"), 16);
  const std::string sdp = text_of(member(*jsep, "sdp"), proto::kMaxSdpBytes);
  if ((type != "offer" && type != "answer") || sdp.empty()) return std::nullopt;
  proto::Signal s;
  s.kind = type == "offer" ? proto::SignalKind::Offer : proto::SignalKind::Answer;
  s.sdp = sdp;
  return s;
}

// The people of a "publishers" or "attendees" list; entries that are not understood are skipped.
std::vector<proto::PeerInfo> people_of(const json* list, std::uint64_t self_id) {
  std::vector<proto::PeerInfo> out;
  if (!list || !list->is_array()) return out;
  for (const auto& entry : *list) {
    auto id = id_of(member(entry, "id"));
    if (!id || *id == self_id) continue;
    out.push_back(janus_person(*id, text_of(member(entry, "display"))));
  }
  return out;
}

std::vector<std::uint64_t> feeds_of(const json* publishers, std::uint64_t self_id) {
  std::vector<std::uint64_t> out;
  if (!publishers || !publishers->is_array()) return out;
  for (const auto& entry : *publishers) {
    auto id = id_of(member(entry, "id"));
    if (id && *id != self_id && !member(entry, "dummy")) out.push_back(*id);
  }
  return out;
}

}  // namespace

std::uint64_t janus_room_number(const std::string& room_name) {
  const std::uint64_t number = stable_hash(room_name) & proto::kMaxJanusRoom;
  return number == 0 ? 1 : number;
}

std::string janus_display(const std::string& name, proto::MediaState media) {
  json display{{"name", name}, {"mic", media.mic}, {"camera", media.camera}};
  if (media.recording) display["recording"] = true;
  return display.dump();
}

proto::PeerInfo janus_person(std::uint64_t id, const std::string& display) {
  proto::PeerInfo p{std::to_string(id), display, {}};
  const json parsed = json::parse(display, nullptr, false);
  const json* written = parsed.is_discarded() ? nullptr : member(parsed, "name");
  if (written && written->is_string()) {
    p.name = written->get<std::string>();
    const json* mic = member(parsed, "mic");
    const json* camera = member(parsed, "camera");
    if (mic && mic->is_boolean()) p.media.mic = mic->get<bool>();
    if (camera && camera->is_boolean()) p.media.camera = camera->get<bool>();
    const json* recording = member(parsed, "recording");
    if (recording && recording->is_boolean()) p.media.recording = recording->get<bool>();
  }
  // Janus checks no names: one Treff would refuse (empty, too long, control characters) is shown
  // as the participant's number.
  auto name = check_display_name(p.name);
  p.name = name ? name.value() : "#" + p.id;
  return p;
}

void JanusBackend::request(json message, Asked what) {
  const std::string transaction = "t" + std::to_string(next_transaction_++);
  message["transaction"] = transaction;
  if (session_ && !message.contains("session_id")) message["session_id"] = session_;
  const bool plugin_message = text_of(member(message, "janus"), 16) == "message";
  pending_[transaction] = Pending{what, now_ms_, plugin_message};
  outgoing_.push_back(message.dump());
}

void JanusBackend::plugin_message(std::uint64_t handle, json body, Asked what, const json* jsep) {
  json m{{"janus", "message"}, {"handle_id", handle}, {"body", std::move(body)}};
  if (jsep) m["jsep"] = *jsep;
  request(std::move(m), what);
}

void JanusBackend::opened(std::int64_t now_ms) {
  now_ms_ = now_ms;
  request(json{{"janus", "create"}}, Asked::Session);
}

void JanusBackend::tick(std::int64_t now_ms) {
  now_ms_ = now_ms;
  const bool stuck = std::any_of(pending_.begin(), pending_.end(), [&](const auto& entry) {
    return now_ms - entry.second.sent_ms > kAnswerTimeoutMs;
  });
  if (!stuck) return;
  pending_.clear();
  refuse("server-silent", "The media server does not answer. Please try again later.");
}

void JanusBackend::join(const JoinRequest& request) {
  join_ = request;
  media_ = request.media;
  room_ = place_ ? place_->room : janus_room_number(request.room);
  if (place_) join_->password = place_->pin;
  created_room_ = false;
  send_join();
}

void JanusBackend::send_join() {
  json body{{"request", "join"}, {"ptype", "publisher"}, {"room", room_},
            {"display", janus_display(join_->name, media_)}};
  if (join_->password) body["pin"] = *join_->password;
  plugin_message(publisher_handle_, std::move(body), Asked::Join);
}

void JanusBackend::create_room() {
  created_room_ = true;
  json body{{"request", "create"}, {"room", room_}, {"description", join_->room}, {"permanent", false},
            {"is_private", true}, {"publishers", kRoomPublishers}, {"notify_joining", true}};
  if (join_->password) body["pin"] = *join_->password;
  plugin_message(publisher_handle_, std::move(body), Asked::CreateRoom);
}

void JanusBackend::leave() {
  if (joined_) plugin_message(publisher_handle_, json{{"request", "leave"}}, Asked::Leave);
  if (session_) request(json{{"janus", "destroy"}}, Asked::Other);
  joined_ = false;
}

void JanusBackend::set_media(proto::MediaState media) {
  media_ = media;
  if (!joined_) return;
  plugin_message(publisher_handle_, json{{"request", "configure"}, {"display", janus_display(join_->name, media)}},
                 Asked::Configure);
}

void JanusBackend::lock(const std::string&) {
  refuse("not-offered", "Rooms on this media server cannot be locked from the call.");
}

void JanusBackend::unlock() { lock(""); }

void JanusBackend::ping() {
  if (session_) request(json{{"janus", "keepalive"}}, Asked::Other);
}

std::string JanusBackend::key_of(std::uint64_t handle) const {
  if (handle && handle == publisher_handle_) return "publisher";
  if (handle && handle == subscriber_handle_) return "subscriber";
  return {};
}

void JanusBackend::signal(const std::string& to, const proto::Signal& signal) {
  const std::uint64_t handle = to == "publisher" ? publisher_handle_ : to == "subscriber" ? subscriber_handle_ : 0;
  if (!handle) return;
  if (signal.kind == proto::SignalKind::Candidate) {
    json candidate = signal.candidate.empty() ? json{{"completed", true}} : json{{"candidate", signal.candidate}};
    if (!signal.candidate.empty()) {
      if (signal.sdp_mid) candidate["sdpMid"] = *signal.sdp_mid;
      if (signal.sdp_mline_index) candidate["sdpMLineIndex"] = *signal.sdp_mline_index;
    }
    request(json{{"janus", "trickle"}, {"handle_id", handle}, {"candidate", std::move(candidate)}}, Asked::Other);
    return;
  }
  const json jsep{{"type", signal.kind == proto::SignalKind::Offer ? "offer" : "answer"}, {"sdp", signal.sdp}};
  if (to == "subscriber") {
    plugin_message(handle, json{{"request", "start"}}, Asked::Start, &jsep);
  } else if (!published_) {
    published_ = true;
    plugin_message(handle, json{{"request", "publish"}, {"display", janus_display(join_->name, media_)}},
                   Asked::Publish, &jsep);
  } else {
    plugin_message(handle, json{{"request", "configure"}}, Asked::Configure, &jsep);  // a renegotiation
  }
}

void JanusBackend::choose_videos(const std::map<std::string, VideoSize>& sizes) {
  if (sizes == wanted_sizes_) return;
  wanted_sizes_ = sizes;
  configure_videos();
}

void JanusBackend::ask_for_ice_restart(const std::string& key) {
  if (key != "subscriber" || !subscriber_handle_ || !subscribed_) return;
  plugin_message(subscriber_handle_, json{{"request", "configure"}, {"restart", true}}, Asked::Other);
}

void JanusBackend::configure_videos() {
  if (!subscribed_ || !subscriber_handle_ || wanted_sizes_.empty()) return;
  json streams = json::array();
  for (const auto& [mid, person] : video_mids_) {
    auto wanted = wanted_sizes_.find(person);
    const VideoSize size = wanted == wanted_sizes_.end() ? VideoSize::Off : wanted->second;
    auto before = configured_.find(mid);
    if (before != configured_.end() && before->second == size) continue;
    configured_[mid] = size;
    json stream{{"mid", mid}, {"send", size != VideoSize::Off}};
    // Substreams 0, 1, 2: Janus's low, medium and high simulcast layers.
    if (size != VideoSize::Off) stream["substream"] = static_cast<int>(size) - 1;
    streams.push_back(std::move(stream));
  }
  if (streams.empty()) return;
  plugin_message(subscriber_handle_, json{{"request", "configure"}, {"streams", std::move(streams)}}, Asked::Other);
}

void JanusBackend::refuse(std::string code, std::string message) {
  events_.push_back(backend::Refused{Error{std::move(code), std::move(message)}});
}

void JanusBackend::received(std::string_view text, std::int64_t now_ms) {
  now_ms_ = now_ms;
  const json m = json::parse(text, nullptr, false);
  const std::string kind = m.is_discarded() ? "" : text_of(member(m, "janus"), 32);
  if (kind.empty()) {
    events_.push_back(backend::Unreadable{Error{"bad-message", "The media server sent a message that is not Janus's."}});
    return;
  }
  // The request this answers, if any; an "ack" only says Janus is working on it.
  std::optional<Asked> what;
  const std::string transaction = text_of(member(m, "transaction"), 64);
  if (auto it = pending_.find(transaction); it != pending_.end()) {
    what = it->second.what;
    if (kind != "ack" || !it->second.answered_by_event) pending_.erase(it);
  }
  const std::uint64_t sender = id_of(member(m, "sender")).value_or(0);
  if (kind == "success") {
    if (what) on_success(m, *what);
  } else if (kind == "error") {
    const json* error = member(m, "error");
    const int code = error ? static_cast<int>(id_of(member(*error, "code")).value_or(0)) : 0;
    on_error(code, error ? text_of(member(*error, "reason")) : std::string(), what.value_or(Asked::Other));
  } else if (kind == "event") {
    const json* plugindata = member(m, "plugindata");
    const json* data = plugindata ? member(*plugindata, "data") : nullptr;
    if (data && data->is_object()) on_plugin_event(sender, *data, member(m, "jsep"), what.value_or(Asked::Other));
  } else if (kind == "trickle") {
    // Janus's own candidates, when it trickles them (it usually puts them in its SDP).
    const json* candidate = member(m, "candidate");
    const std::string key = key_of(sender);
    if (!candidate || key.empty()) return;
    proto::Signal s;
    s.kind = proto::SignalKind::Candidate;
    if (!member(*candidate, "completed")) {
      s.candidate = text_of(member(*candidate, "candidate"), proto::kMaxCandidateBytes);
      if (s.candidate.empty()) return;
      if (std::string mid = text_of(member(*candidate, "sdpMid"), 32); !mid.empty()) s.sdp_mid = mid;
      if (auto index = id_of(member(*candidate, "sdpMLineIndex")); index && *index < 1000)
        s.sdp_mline_index = static_cast<int>(*index);
    }
    events_.push_back(backend::Signal{key, std::move(s)});
  } else if (kind == "timeout") {
    refuse("connection-lost", "The media server ended the session. Reconnecting…");
  }
  // "ack", "keepalive", "webrtcup", "media", "slowlink", "hangup", "detached" and anything newer:
  // the call learns what matters from the browser's own connection states.
}

void JanusBackend::on_success(const json& m, Asked what) {
  const json* data = member(m, "data");
  switch (what) {
    case Asked::Session:
      session_ = data ? id_of(member(*data, "id")).value_or(0) : 0;
      if (!session_) return refuse("bad-message", "The media server did not open a session.");
      request(json{{"janus", "attach"}, {"plugin", kPlugin}}, Asked::AttachPublisher);
      return;
    case Asked::AttachPublisher:
      publisher_handle_ = data ? id_of(member(*data, "id")).value_or(0) : 0;
      if (!publisher_handle_) return refuse("no-videoroom", "The media server does not offer video rooms.");
      events_.push_back(backend::Greeted{proto::Welcome{"janus", kRoomPublishers, proto::kMaxMessageBytes, {}}});
      events_.push_back(backend::Ready{});
      return;
    case Asked::AttachSubscriber:
      attaching_subscriber_ = false;
      subscriber_handle_ = data ? id_of(member(*data, "id")).value_or(0) : 0;
      if (subscriber_handle_) subscribe_pending();
      return;
    default:
      break;
  }
  // Synchronous plugin answers ("create") come as success with plugindata.
  const json* plugindata = member(m, "plugindata");
  const json* reply = plugindata ? member(*plugindata, "data") : nullptr;
  if (reply && reply->is_object()) on_plugin_event(id_of(member(m, "sender")).value_or(0), *reply, nullptr, what);
}

void JanusBackend::on_error(int code, const std::string& reason, Asked what) {
  if (what == Asked::CreateRoom && code == kRoomExists) return send_join();  // someone else was quicker
  if (what == Asked::Join && code == kNoSuchRoom && !created_room_) return create_room();
  if (code == kUnauthorized && (what == Asked::Join || what == Asked::CreateRoom))
    return refuse("wrong-password", "The password is not right.");
  if (code == kPublishersFull) return refuse("room-full", "This room is full.");
  if (what == Asked::Other || what == Asked::Leave) return;  // a keep-alive or a trickle too late: nothing lost
  refuse("server-error", "The media server refused (" + std::to_string(code) + (reason.empty() ? "" : ": " + reason) + ").");
}

void JanusBackend::on_plugin_event(std::uint64_t sender, const json& data, const json* jsep, Asked what) {
  if (const json* code = member(data, "error_code")) {
    on_error(static_cast<int>(id_of(code).value_or(0)), text_of(member(data, "error")), what);
    return;
  }
  const std::string videoroom = text_of(member(data, "videoroom"), 32);
  if (sender && sender == subscriber_handle_) {
    if (videoroom == "attached" || videoroom == "updated") on_subscription(data, jsep);
    return;
  }
  if (videoroom == "created") {
    send_join();
  } else if (videoroom == "joined") {
    self_id_ = id_of(member(data, "id")).value_or(0);
    joined_ = true;
    published_ = false;
    proto::Joined j;
    j.room = join_ ? join_->room : "";
    j.self_id = std::to_string(self_id_);
    j.peers = people_of(member(data, "attendees"), self_id_);
    for (auto& p : people_of(member(data, "publishers"), self_id_)) j.peers.push_back(std::move(p));
    // Nobody hosts a bare Janus room: the call offers nobody the lock (lock() is refused anyway).
    j.info.host.clear();
    events_.push_back(backend::Joined{std::move(j)});
    add_feeds(feeds_of(member(data, "publishers"), self_id_));
  } else if (videoroom == "event") {
    if (auto answer = jsep_signal(jsep)) events_.push_back(backend::Signal{"publisher", std::move(*answer)});
    on_room_event(data);
  } else if (videoroom == "destroyed") {
    refuse("room-closed", "The room was closed on the media server.");
  }
  // "talking" and anything newer: not used.
}

void JanusBackend::on_room_event(const json& data) {
  if (const json* joining = member(data, "joining")) {
    if (auto id = id_of(member(*joining, "id")); id && *id != self_id_)
      events_.push_back(backend::PersonJoined{janus_person(*id, text_of(member(*joining, "display")))});
  }
  if (const json* publishers = member(data, "publishers")) {
    for (auto& p : people_of(publishers, self_id_)) events_.push_back(backend::PersonJoined{std::move(p)});
    add_feeds(feeds_of(publishers, self_id_));
  }
  if (auto left = id_of(member(data, "leaving")); left && *left != self_id_) {
    subscribed_feeds_.erase(*left);  // the subscription follows by itself ("autoupdate")
    events_.push_back(backend::PersonLeft{std::to_string(*left)});
  }
  if (auto gone = id_of(member(data, "unpublished")); gone && *gone != self_id_) subscribed_feeds_.erase(*gone);
  if (const json* kicked = member(data, "kicked"); kicked && id_of(kicked) == self_id_)
    refuse("removed", "You were removed from the room.");
  // A display name changed: mic or camera of that person (a name change is not shown).
  if (const json* display = member(data, "display"); display && !member(data, "leaving")) {
    if (auto id = id_of(member(data, "id")); id && *id != self_id_) {
      const proto::PeerInfo p = janus_person(*id, text_of(display));
      events_.push_back(backend::PersonMedia{p.id, p.media});
    }
  }
}

void JanusBackend::on_subscription(const json& data, const json* jsep) {
  subscribed_ = true;
  if (const json* streams = member(data, "streams"); streams && streams->is_array()) {
    backend::Streams owners{"subscriber", {}};
    video_mids_.clear();
    for (const auto& s : *streams) {
      const std::string mid = text_of(member(s, "mid"), 32);
      const std::string type = text_of(member(s, "type"), 8);
      auto feed = id_of(member(s, "feed_id"));
      // The mid goes to the browser glue in a comma-separated list. A stream of someone who left
      // has no feed (Janus keeps its m-line for the next one): nobody's.
      if (mid.empty() || mid.find(',') != std::string::npos || !feed || (type != "audio" && type != "video")) continue;
      const json* active = member(s, "active");
      const bool flowing = !active || (active->is_boolean() && active->get<bool>());
      owners.streams.push_back({mid, std::to_string(*feed), type == "video", flowing});
      if (type == "video") video_mids_[mid] = std::to_string(*feed);
    }
    // A mid Janus gave to someone else starts afresh (it sends a new feed at its default).
    for (auto it = configured_.begin(); it != configured_.end();)
      it = video_mids_.count(it->first) ? std::next(it) : configured_.erase(it);
    events_.push_back(std::move(owners));
    configure_videos();
  }
  if (auto offer = jsep_signal(jsep)) events_.push_back(backend::Signal{"subscriber", std::move(*offer)});
  subscribe_pending();  // feeds that came while this was being set up
}

void JanusBackend::add_feeds(const std::vector<std::uint64_t>& feeds) {
  for (std::uint64_t f : feeds)
    if (!subscribed_feeds_.count(f) && std::find(feeds_to_add_.begin(), feeds_to_add_.end(), f) == feeds_to_add_.end())
      feeds_to_add_.push_back(f);
  if (feeds_to_add_.empty()) return;
  if (!subscriber_handle_) {
    if (!attaching_subscriber_) {
      attaching_subscriber_ = true;
      request(json{{"janus", "attach"}, {"plugin", kPlugin}}, Asked::AttachSubscriber);
    }
    return;
  }
  subscribe_pending();
}

void JanusBackend::subscribe_pending() {
  if (feeds_to_add_.empty() || !subscriber_handle_) return;
  // One subscription request at a time: the first ("join") must be answered before "subscribe".
  const bool busy = std::any_of(pending_.begin(), pending_.end(), [](const auto& entry) {
    return entry.second.what == Asked::Subscribe;
  });
  if (busy) return;
  json streams = json::array();
  for (std::uint64_t f : feeds_to_add_) {
    streams.push_back(json{{"feed", f}});
    subscribed_feeds_.insert(f);
  }
  feeds_to_add_.clear();
  json body = subscribed_ ? json{{"request", "subscribe"}, {"streams", std::move(streams)}}
                          : json{{"request", "join"}, {"ptype", "subscriber"}, {"room", room_},
                                 {"streams", std::move(streams)}};
  // A room with a pin asks it of subscribers too.
  if (!subscribed_ && join_ && join_->password) body["pin"] = *join_->password;
  plugin_message(subscriber_handle_, std::move(body), Asked::Subscribe);
}

}  // namespace treff
