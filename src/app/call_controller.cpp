#include "app/call_controller.h"

#include <algorithm>

#include "core/janus_backend.h"
#include "core/mesh_negotiation.h"
#include "core/sfu_negotiation.h"
#include "core/text_rules.h"
#include "core/treff_backend.h"

namespace treff {
namespace {

using platform::ConnectionState;
using platform::MediaEvent;
using platform::PeerEvent;
using platform::SocketEvent;

// 0.5 s, then every second for the first ten seconds (the server holds our seat for a few after it
// notices we are gone), then 2 s, 4 s and every 8 s: gentle on a server that stays down.
std::int64_t reconnect_delay_ms(int attempt) {
  if (attempt == 0) return 500;
  if (attempt < 10) return 1000;
  return 1000LL << std::min(attempt - 9, 3);
}

constexpr std::int64_t kHeartbeatMs = 2000;     // in a room, a ping when nothing else was sent
constexpr std::int64_t kSilenceMs = 3000;       // a ping unanswered this long: the connection is dead
constexpr std::int64_t kConnectTimeoutMs = 4000;  // an attempt that neither opens nor fails
// How long, after our rejoin, people the server did not list may take to come back (after a
// restart). Above the server's --restart-resume-seconds, so both sides agree on who returned.
constexpr std::int64_t kAwaitPeersMs = 10000;

}  // namespace

CallShape CallShape::treff_mesh() {
  return {[] { return std::make_unique<TreffBackend>(); }, [] { return std::make_unique<MeshNegotiator>(); }};
}

CallShape CallShape::janus_sfu() {
  return {[] { return std::make_unique<JanusBackend>(); }, [] { return std::make_unique<SfuNegotiator>(); }};
}

CallShape CallShape::following(std::function<ServerKind()> kind) {
  const auto shape = [kind] { return kind() == ServerKind::Janus ? janus_sfu() : treff_mesh(); };
  return {[shape] { return shape().backend(); }, [shape] { return shape().negotiator(); }};
}

CallController::CallController(platform::PeerConnections& peers, platform::LocalMedia& media,
                               SocketFactory open_socket, CallShape shape)
    : peers_(peers),
      media_(media),
      open_socket_(std::move(open_socket)),
      shape_(std::move(shape)),
      negotiator_(shape_.negotiator()) {}

Status CallController::join(const std::string& room, const std::string& display_name, bool want_audio,
                            bool want_video, std::optional<std::string> password) {
  if (phase_ != CallPhase::Idle && phase_ != CallPhase::Left && phase_ != CallPhase::Failed)
    return Error{"already-joined", "You are already in a call."};
  if (auto ok = check_room_name(room); !ok) return ok.error();
  auto name = check_display_name(display_name);
  if (!name) return name.error();
  if (password) {
    if (auto ok = check_password(*password); !ok) return ok.error();
  }

  moved_.reset();
  negotiator_ = shape_.negotiator();  // nothing is connected between calls
  room_name_ = room;
  display_name_ = name.value();
  password_ = std::move(password);
  problem_.reset();
  reconnect_attempt_ = 0;
  resume_token_.clear();
  changed_ = true;
  const Preview preview = std::exchange(preview_, {});
  call_media_ = Preview{want_audio, want_video, device_choice_, true, true};
  if (preview.serves(want_audio, want_video, device_choice_)) {
    if (preview.ready) {
      connect();  // camera and microphone are open already: straight to the server
    } else {
      phase_ = CallPhase::OpeningMedia;  // the preview's answer is on its way
      use_or_open_socket();
    }
    return Ok{};
  }
  local_ = {};
  if (want_audio || want_video) {
    phase_ = CallPhase::OpeningMedia;
    media_.open(want_audio, want_video, device_choice_);
    // The connection opens while the camera does; the join waits for the camera's answer, since
    // it tells the others whether mic and camera are on.
    use_or_open_socket();
  } else {
    connect();  // receive-only, by choice
  }
  return Ok{};
}

void CallController::leave() {
  if (phase_ == CallPhase::Idle || phase_ == CallPhase::Left) return;
  tell([](SignalingBackend& b) { b.leave(); });
  end_call();
  local_ = {};
  recording_ = false;
  phase_ = CallPhase::Left;
}

bool CallController::between_calls() const {
  return phase_ == CallPhase::Idle || phase_ == CallPhase::Left || phase_ == CallPhase::Failed;
}

void CallController::preview(bool want_audio, bool want_video) {
  if (!between_calls()) return;
  if (preview_.serves(want_audio, want_video, device_choice_)) return;
  local_ = {};
  changed_ = true;
  if (!want_audio && !want_video) {
    media_.close();
    preview_ = {};
    return;
  }
  preview_ = Preview{want_audio, want_video, device_choice_, true, false};
  media_.open(want_audio, want_video, device_choice_);
}

void CallController::warm_up(std::int64_t now_ms) {
  if (!between_calls() || socket_ || now_ms < warm_again_at_ms_) return;
  open_connection();
  warm_ = true;
}

void CallController::use_or_open_socket() {
  if (std::exchange(warm_, false) && socket_) return;
  open_connection();
}

void CallController::open_connection() {
  backend_ = moved_ ? std::make_unique<JanusBackend>(*moved_) : shape_.backend();
  socket_ = open_socket_(moved_ ? moved_->url : std::string(), backend_->subprotocol());
  ++connection_number_;
  socket_open_ = false;
  backend_ready_ = false;
}

void CallController::close_connection() {
  if (socket_) socket_->close();
  socket_.reset();
  backend_.reset();
  ++connection_number_;
  socket_open_ = false;
  backend_ready_ = false;
}

void CallController::set_mic(bool on) {
  if (local_.has_audio) apply_local_media(on, local_.camera_on);
}

void CallController::set_camera(bool on) {
  if (local_.has_video) apply_local_media(local_.mic_on, on);
}

// Mutes or unmutes the tracks, and tells your own tile and (in a room) everyone else.
void CallController::apply_local_media(bool mic_on, bool camera_on) {
  if (local_.mic_on == mic_on && local_.camera_on == camera_on) return;
  local_.mic_on = mic_on;
  local_.camera_on = camera_on;
  media_.set_enabled(mic_on, camera_on);
  const proto::MediaState state = media_state();
  if (const Participant* self = room_.self()) room_.set_media(self->id, state);
  if (phase_ == CallPhase::InRoom) tell([&](SignalingBackend& b) { b.set_media(state); });
  changed_ = true;
}

void CallController::set_recording(bool on) {
  if (recording_ == on) return;
  recording_ = on;
  const proto::MediaState state = media_state();
  if (const Participant* self = room_.self()) room_.set_media(self->id, state);
  if (phase_ == CallPhase::InRoom) tell([&](SignalingBackend& b) { b.set_media(state); });
  changed_ = true;
}

bool CallController::is_host() const {
  const Participant* self = room_.self();
  return phase_ == CallPhase::InRoom && self && self->id == room_info_.host;
}

Status CallController::lock_room(const std::string& password) {
  if (!is_host()) return Error{"not-host", "Only the host can set the room's password."};
  if (auto ok = check_password(password); !ok) return ok.error();
  tell([&](SignalingBackend& b) { b.lock(password); });
  return Ok{};
}

Status CallController::unlock_room() {
  if (!is_host()) return Error{"not-host", "Only the host can remove the room's password."};
  tell([](SignalingBackend& b) { b.unlock(); });
  return Ok{};
}

bool CallController::pick(const std::string& participant_id) {
  const bool ok = room_.pick(participant_id);
  changed_ |= ok;
  return ok;
}

void CallController::clear_pick() {
  room_.clear_pick();
  changed_ = true;
}

void CallController::choose_videos(const std::map<std::string, VideoSize>& sizes) {
  if (phase_ == CallPhase::InRoom) tell([&](SignalingBackend& b) { b.choose_videos(sizes); });
}

void CallController::add_audio_level(const std::string& participant_id, double level) {
  const Participant* p = room_.find(participant_id);
  if (p && !p->is_self) speakers_.add_level(participant_id, level);
}

const RemoteMediaState* CallController::remote(const std::string& participant_id) const {
  if (auto shared = through_server_.find(participant_id); shared != through_server_.end()) return &shared->second;
  auto it = remotes_.find(participant_id);
  return it == remotes_.end() ? nullptr : &it->second;
}

bool CallController::tick(std::int64_t now_ms) {
  now_ms_ = now_ms;
  for (const auto& e : media_.take_events()) on_media_event(e);
  if (socket_) {
    for (const auto& e : socket_->take_events()) {
      on_socket_event(e, now_ms);
      if (!socket_) break;  // the event closed it
    }
  }
  if (backend_) {
    backend_->tick(now_ms);
    pump(now_ms);
  }
  for (const auto& e : peers_.take_events()) on_peer_event(e, now_ms);
  watch_links(now_ms);
  share_out_streams();
  keep_alive(now_ms);
  if (phase_ == CallPhase::Reconnecting && !socket_ && now_ms >= reconnect_at_ms_) connect();
  if (phase_ == CallPhase::InRoom && ice_renew_at_ms_ && now_ms >= ice_renew_at_ms_) {
    ice_renew_at_ms_ = 0;  // until the answer sets the next time
    tell([](SignalingBackend& b) { b.request_ice(); });
  }
  const std::optional<std::string> speaker = speakers_.update(now_ms);
  if (speaker != room_.active_speaker()) {
    room_.set_active_speaker(speaker);
    changed_ = true;
  }
  return std::exchange(changed_, false);
}

void CallController::take_media_answer(const MediaEvent& e) {
  local_.has_audio = e.kind == MediaEvent::Kind::Opened && e.has_audio;
  local_.has_video = e.kind == MediaEvent::Kind::Opened && e.has_video;
  local_.mic_on = local_.has_audio;
  local_.camera_on = local_.has_video;
  local_.problem = e.error;
  local_.microphone_id = e.microphone_id;
  local_.camera_id = e.camera_id;
  changed_ = true;
}

void CallController::on_media_event(const MediaEvent& e) {
  if (e.kind == MediaEvent::Kind::Devices) {
    devices_ = e.devices;
    changed_ = true;
    return;
  }
  if (phase_ != CallPhase::OpeningMedia) {
    if (preview_.requested && !preview_.ready && between_calls()) {
      take_media_answer(e);
      preview_.ready = true;
      return;
    }
    if (e.kind == MediaEvent::Kind::Opened) media_.close();  // a late answer after leave()
    return;
  }
  take_media_answer(e);
  // Without camera or microphone the person still joins: they see and hear the others.
  if (!socket_) {
    connect();  // the connection opened with the camera was lost: one more try
  } else if (backend_ready_) {
    send_join();
  } else {
    phase_ = CallPhase::Connecting;
  }
}

void CallController::connect() {
  phase_ = phase_ == CallPhase::Reconnecting ? CallPhase::Reconnecting : CallPhase::Connecting;
  connect_started_ms_ = now_ms_;
  use_or_open_socket();
  if (backend_ready_) send_join();  // the warm connection is ready already
  changed_ = true;
}

void CallController::send_join() {
  // The server sends this join's ICE servers before it answers; a server that has none sends none.
  // A Janus the Treff server moved the room to hands out none: the Treff server's stay.
  if (!moved_) {
    ice_ = {};
    ice_renew_at_ms_ = 0;
  }
  std::optional<std::string> resume;
  if (phase_ == CallPhase::Reconnecting && !resume_token_.empty()) resume = resume_token_;
  const JoinRequest request{room_name_, display_name_, password_, media_state(), resume};
  tell([&](SignalingBackend& b) { b.join(request); });
  // A rejoin stays "reconnecting" (the room stays on screen) until the server confirms it.
  if (phase_ != CallPhase::Reconnecting) phase_ = CallPhase::Joining;
  changed_ = true;
}

void CallController::on_socket_event(const SocketEvent& e, std::int64_t now_ms) {
  switch (e.kind) {
    case SocketEvent::Kind::Opened:
      socket_open_ = true;
      unanswered_ping_ms_ = 0;
      warm_failures_ = 0;
      backend_->opened(now_ms);
      pump(now_ms);
      break;
    case SocketEvent::Kind::Message:
      unanswered_ping_ms_ = 0;  // the server spoke
      backend_->received(e.text, now_ms);
      pump(now_ms);
      break;
    case SocketEvent::Kind::Closed:
      lose_connection(now_ms);
      break;
  }
}

void CallController::pump(std::int64_t now_ms) {
  const std::uint64_t connection = connection_number_;
  for (auto& e : backend_->take_events()) {
    if (connection_number_ != connection) return;  // an event ended this connection: the rest was its
    // Before a join the server greets, or refuses (or is not understood); room news cannot be
    // meant for us yet.
    const bool before_join = std::holds_alternative<backend::Ready>(e) ||
                             std::holds_alternative<backend::Greeted>(e) ||
                             std::holds_alternative<backend::Refused>(e) ||
                             std::holds_alternative<backend::Unreadable>(e);
    if (!warm_ || before_join) on_backend_event(std::move(e), now_ms);
  }
  flush();
}

void CallController::flush() {
  if (!backend_) return;
  for (const auto& text : backend_->take_outgoing()) {
    if (!socket_) continue;
    socket_->send(text);
    last_sent_ms_ = now_ms_;
  }
}

void CallController::lose_connection(std::int64_t now_ms) {
  close_connection();
  changed_ = true;
  if (std::exchange(warm_, false)) {
    warm_again_at_ms_ = now_ms + reconnect_delay_ms(warm_failures_++);
    return;
  }
  if (phase_ == CallPhase::InRoom || phase_ == CallPhase::Reconnecting) {
    // Keep the room on screen and the peer connections up: the media does not go through the
    // server, and the rejoin gives us back our id.
    phase_ = CallPhase::Reconnecting;
    reconnect_at_ms_ = now_ms + reconnect_delay_ms(reconnect_attempt_++);
    problem_ = Error{"connection-lost", "The connection to the server was lost. Reconnecting…"};
  } else if (phase_ == CallPhase::Connecting || phase_ == CallPhase::Joining) {
    fail(Error{"server-unreachable", "The server cannot be reached. Please try again later."});
  }
}

void CallController::keep_alive(std::int64_t now_ms) {
  if (socket_ && socket_open_ && phase_ == CallPhase::InRoom) {
    // Dead only when we asked and got no answer in time: a page that did not run for a while
    // (a busy machine) sent no ping meanwhile and is not fooled by the quiet.
    if (unanswered_ping_ms_ && now_ms - unanswered_ping_ms_ > kSilenceMs) {
      lose_connection(now_ms);  // a pulled cable or a changed network: nothing closes by itself
    } else if (now_ms - last_sent_ms_ >= kHeartbeatMs) {
      tell([](SignalingBackend& b) { b.ping(); });
      if (!unanswered_ping_ms_) unanswered_ping_ms_ = now_ms;
    }
  }
  if (phase_ == CallPhase::Reconnecting && socket_ && !socket_open_ && now_ms - connect_started_ms_ > kConnectTimeoutMs)
    lose_connection(now_ms);  // an attempt into a dead network hangs for long: try afresh
  for (auto it = awaited_.begin(); it != awaited_.end();) {
    if (now_ms < it->second) {
      ++it;
      continue;
    }
    const std::string id = it->first;
    it = awaited_.erase(it);
    forget_peer(id);
  }
}

void CallController::forget_peer(const std::string& id) {
  awaited_.erase(id);
  room_.remove(id);
  speakers_.remove(id);
  run(negotiator_->on_peer_left(id));
  changed_ = true;
}

void CallController::take_back_room(const proto::Joined& joined, std::int64_t now_ms) {
  // Someone who came meanwhile offers to us (the server kept their offer for our seat), so no
  // connection is made here; the others' connections are ours still.
  for (const auto& peer : joined.peers) {
    if (!room_.add(peer)) room_.set_media(peer.id, peer.media);
    awaited_.erase(peer.id);
  }
  for (const Participant& p : room_.thumbnails()) {
    if (p.is_self || awaited_.count(p.id)) continue;
    const bool listed = std::any_of(joined.peers.begin(), joined.peers.end(),
                                    [&](const proto::PeerInfo& peer) { return peer.id == p.id; });
    if (!listed) awaited_[p.id] = now_ms + kAwaitPeersMs;
  }
}

void CallController::on_backend_event(BackendEvent e, std::int64_t now_ms) {
  changed_ = true;
  if (std::holds_alternative<backend::Ready>(e)) {
    backend_ready_ = true;
    changed_ = false;
    // A warm connection waits for the person to join; a join waits for the camera's answer.
    if (!warm_ && phase_ != CallPhase::OpeningMedia) send_join();
  } else if (auto* j = std::get_if<backend::Joined>(&e)) {
    const proto::Joined& joined = j->room;
    const Participant* self = room_.self();
    const bool same_seat = phase_ == CallPhase::Reconnecting && self && self->id == joined.self_id;
    resume_token_ = joined.resume;
    if (same_seat) {
      take_back_room(joined, now_ms);
    } else {
      drop_connections();
      awaited_.clear();
      shared_streams_.clear();
      speakers_ = ActiveSpeakerDetector();
      room_.reset({joined.self_id, display_name_, media_state()}, joined.peers);
      run(negotiator_->on_joined(joined.self_id, joined.peers));
    }
    room_info_ = joined.info;
    phase_ = CallPhase::InRoom;
    reconnect_attempt_ = 0;
    problem_.reset();
  } else if (auto* pj = std::get_if<backend::PersonJoined>(&e)) {
    // Someone we kept a connection to is back (after a restart): the connection is theirs still.
    awaited_.erase(pj->person.id);
    if (!room_.add(pj->person)) room_.set_media(pj->person.id, pj->person.media);
  } else if (auto* pl = std::get_if<backend::PersonLeft>(&e)) {
    forget_peer(pl->id);
  } else if (auto* sig = std::get_if<backend::Signal>(&e)) {
    if (negotiator_->takes_signal_from(sig->from, room_)) run(negotiator_->on_signal(sig->from, sig->signal));
  } else if (auto* streams = std::get_if<backend::Streams>(&e)) {
    shared_streams_[streams->connection] = std::move(streams->streams);
  } else if (auto* rc = std::get_if<backend::RoomChanged>(&e)) {
    room_info_ = rc->info;
  } else if (auto* pm = std::get_if<backend::PersonMedia>(&e)) {
    room_.set_media(pm->id, pm->media);
  } else if (auto* moved = std::get_if<backend::MovedToJanus>(&e)) {
    move_to_janus(moved->place);
  } else if (auto* refused = std::get_if<backend::Refused>(&e)) {
    if (phase_ == CallPhase::Joining || phase_ == CallPhase::Reconnecting) {
      fail(refused->error);
    } else {
      problem_ = refused->error;
    }
  } else if (auto* unreadable = std::get_if<backend::Unreadable>(&e)) {
    problem_ = unreadable->error;  // a server speaking another protocol; keep going
  } else if (auto* ice = std::get_if<backend::IceServers>(&e)) {
    take_ice_servers(ice->config, now_ms);
    changed_ = false;  // nothing to show
  } else if (auto* greeted = std::get_if<backend::Greeted>(&e)) {
    server_ = greeted->server;
    changed_ = false;  // nothing to show
  }
}

void CallController::move_to_janus(const proto::OnJanus& place) {
  if (moved_ || (phase_ != CallPhase::Joining && phase_ != CallPhase::InRoom && phase_ != CallPhase::Reconnecting))
    return;  // once per call; and not for a join given up meanwhile
  moved_ = place;
  // The Treff server gave up our seat with this message: its connection and the mesh's peer
  // connections end, and the call goes on as a Janus call, the room on screen meanwhile.
  close_connection();
  drop_connections();
  awaited_.clear();
  shared_streams_.clear();
  resume_token_.clear();
  negotiator_ = std::make_unique<SfuNegotiator>();
  const bool in_room = phase_ != CallPhase::Joining;
  if (in_room) phase_ = CallPhase::Reconnecting;
  connect();
}

// Connections opened from now on use these servers; open ones take them for their next gathering
// (an ICE restart), so a long call's relay keeps working with credentials that have not expired.
void CallController::take_ice_servers(const proto::IceConfig& config, std::int64_t now_ms) {
  const bool fresh = config.servers != ice_.servers;
  ice_ = config;
  ice_renew_at_ms_ = config.renew_in_seconds > 0 ? now_ms + config.renew_in_seconds * 1000LL : 0;
  if (!fresh) return;
  for (const auto& [id, remote] : remotes_) peers_.set_ice_servers(remote.connection, ice_.servers);
}

namespace {

// What carries a connection, from the candidate types of its pair ("local remote"): through the
// relay when either end is a relay candidate (the media then goes through the TURN server, whoever
// allocated it), else what this end's candidate is.
std::string path_kind(const std::string& candidate_types) {
  const auto space = candidate_types.find(' ');
  const std::string local = candidate_types.substr(0, space);
  const std::string remote = space == std::string::npos ? "" : candidate_types.substr(space + 1);
  return local == "relay" || remote == "relay" ? "relay" : local;
}

LinkState link_state(ConnectionState c) {
  switch (c) {
    case ConnectionState::Connected: return LinkState::Connected;
    case ConnectionState::Disconnected: return LinkState::Disconnected;
    case ConnectionState::Failed: return LinkState::Failed;
    default: return LinkState::Connecting;
  }
}
}  // namespace

void CallController::watch_links(std::int64_t now_ms) {
  for (auto& [id, link] : links_) {
    if (link.restart_due(now_ms)) run(negotiator_->on_connection_failed(id));
    auto r = remotes_.find(id);
    if (r == remotes_.end()) continue;
    const LinkTrouble trouble = link.trouble(now_ms);
    if (trouble != r->second.trouble) {
      r->second.trouble = trouble;
      changed_ = true;
    }
  }
}

void CallController::share_out_streams() {
  std::map<std::string, RemoteMediaState> people;
  for (const auto& [key, streams] : shared_streams_) {
    auto connection = remotes_.find(key);
    if (connection == remotes_.end()) continue;
    for (const auto& s : streams) {
      if (!s.active || !room_.find(s.person)) continue;
      auto [it, first] = people.try_emplace(s.person, connection->second);
      RemoteMediaState& r = it->second;
      if (first) r.has_audio = r.has_video = false;
      (s.video ? r.has_video : r.has_audio) = true;
      r.mids.push_back(s.mid);
    }
  }
  const auto same = [](const RemoteMediaState& a, const RemoteMediaState& b) {
    return a.source() == b.source() && a.state == b.state && a.has_audio == b.has_audio &&
           a.has_video == b.has_video && a.path == b.path && a.trouble == b.trouble;
  };
  const bool differs = people.size() != through_server_.size() ||
                       !std::equal(people.begin(), people.end(), through_server_.begin(), [&](const auto& a, const auto& b) {
                         return a.first == b.first && same(a.second, b.second);
                       });
  if (!differs) return;
  through_server_ = std::move(people);
  changed_ = true;
}

void CallController::on_peer_event(const PeerEvent& e, std::int64_t now_ms) {
  auto it = by_handle_.find(e.peer);
  if (it == by_handle_.end()) return;  // a late event of a closed connection
  const std::string id = it->second;
  switch (e.kind) {
    case PeerEvent::Kind::NegotiationNeeded: run(negotiator_->on_negotiation_needed(id)); break;
    case PeerEvent::Kind::LocalDescription: run(negotiator_->on_local_description(id, e.signal)); break;
    case PeerEvent::Kind::LocalDescriptionFailed: run(negotiator_->on_local_description_failed(id)); break;
    case PeerEvent::Kind::RemoteDescriptionApplied:
      run(negotiator_->on_remote_description_applied(id, e.signal.kind));
      break;
    case PeerEvent::Kind::RemoteDescriptionFailed:
      problem_ = Error{"negotiation-failed", "The connection to a participant could not be set up (" + e.error + ")."};
      changed_ = true;
      break;
    case PeerEvent::Kind::LocalCandidate: run(negotiator_->on_local_candidate(id, e.signal)); break;
    case PeerEvent::Kind::CandidateFailed: break;  // expected after an ignored offer; ICE copes otherwise
    case PeerEvent::Kind::SignalingStateChanged: run(negotiator_->on_signaling_state(id, e.signaling)); break;
    case PeerEvent::Kind::ConnectionStateChanged:
      remotes_[id].state = e.connection;
      changed_ = true;
      if (auto link = links_.find(id); link != links_.end()) link->second.on_state(link_state(e.connection), now_ms);
      break;
    case PeerEvent::Kind::RemoteMedia:
      remotes_[id].has_audio = e.has_audio;
      remotes_[id].has_video = e.has_video;
      changed_ = true;
      break;
    case PeerEvent::Kind::Path:
      remotes_[id].path = path_kind(e.path);
      changed_ = true;
      break;
  }
}

void CallController::run(const NegotiationActions& actions) {
  using namespace negotiation;
  for (const auto& action : actions) {
    if (auto* a = std::get_if<CreateConnection>(&action)) {
      const platform::PeerHandle h = peers_.create(ice_.servers);
      by_handle_[h] = a->peer;
      remotes_[a->peer] = RemoteMediaState{h, ConnectionState::New, false, false, "", LinkTrouble::None, {}};
      links_.insert_or_assign(a->peer, LinkWatch(a->offers_first, now_ms_));
      continue;
    }
    if (auto* a = std::get_if<SendSignal>(&action)) {
      tell([&](SignalingBackend& b) { b.signal(a->peer, a->signal); });
      continue;
    }
    // Every other action names a connection we hold.
    const std::string& peer = std::visit([](const auto& x) -> const std::string& { return x.peer; }, action);
    auto r = remotes_.find(peer);
    if (r == remotes_.end()) continue;
    const platform::PeerHandle h = r->second.connection;
    if (auto* attach = std::get_if<AttachLocalMedia>(&action)) {
      peers_.attach_local_media(h, attach->to_sfu);
    } else if (std::holds_alternative<SetLocalDescription>(action)) {
      peers_.set_local_description(h);
    } else if (auto* srd = std::get_if<SetRemoteDescription>(&action)) {
      peers_.set_remote_description(h, srd->description);
    } else if (auto* cand = std::get_if<AddRemoteCandidate>(&action)) {
      peers_.add_ice_candidate(h, cand->candidate);
    } else if (std::holds_alternative<AskForIceRestart>(action)) {
      tell([&](SignalingBackend& b) { b.ask_for_ice_restart(peer); });
    } else if (std::holds_alternative<RestartIce>(action)) {
      peers_.restart_ice(h);
    } else if (std::holds_alternative<CloseConnection>(action)) {
      peers_.close(h);
      by_handle_.erase(h);
      remotes_.erase(r);
      links_.erase(peer);
    }
  }
}

void CallController::drop_connections() { run(negotiator_->on_left()); }

void CallController::end_call(bool keep_media) {
  close_connection();
  warm_ = false;
  drop_connections();
  awaited_.clear();
  shared_streams_.clear();
  through_server_.clear();
  resume_token_.clear();
  moved_.reset();
  room_.clear();
  if (!keep_media) media_.close();
  preview_ = {};
  changed_ = true;
}

void CallController::fail(Error error) {
  // The join prompt comes back, with its preview: camera and microphone stay open for it and the
  // next attempt (a wrong password is typed again at once, and Firefox would ask for the camera
  // again), on as in any preview even if muted in the room.
  const bool keep_media = local_.has_audio || local_.has_video;
  end_call(keep_media);
  if (keep_media) {
    preview_ = call_media_;
    apply_local_media(local_.has_audio, local_.has_video);
  } else {
    // The reason camera or microphone could not be opened stays for the next attempt's screen.
    local_.has_audio = local_.has_video = local_.mic_on = local_.camera_on = false;
  }
  phase_ = CallPhase::Failed;
  problem_ = std::move(error);
}

}  // namespace treff
