// The Janus WebRTC server's VideoRoom plugin as a signaling backend (Janus's JSON API over its
// WebSocket transport, subprotocol "janus-protocol").
//
// One Janus session with two plugin handles: the *publisher* handle joins the room (that makes us a
// participant, whether or not we send media) and publishes our offer; the *subscriber* handle holds
// one multistream subscription to everyone else's feeds, updated as they come and go. Negotiation
// signals are named after the handle ("publisher", "subscriber"; core/sfu_negotiation.h).
//
// Rooms: Janus numbers its rooms, Treff names them; the number is a stable hash of the name, and a
// room that does not exist yet is created (its description is the name) with `notify_joining`, so
// people who send nothing are seen too. A room's password is Janus's room "pin", checked by Janus;
// locking and unlocking from the call is not offered on a bare Janus (its "secret" would belong to
// whichever client created the room).
//
// Names and mic/camera state: Janus has one free text per participant, the display name. Treff
// writes a small JSON object there ({"name":…,"mic":…,"camera":…}) and changes it with "configure"
// when mic or camera is switched, which Janus tells the room. A display that is not such an object
// (another Janus client) is taken as the name, with mic and camera on.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include <nlohmann/json_fwd.hpp>

#include "core/signaling_backend.h"

namespace treff {

// The Janus room number of a Treff room name: FNV-1a, kept below 2^53 (exact in JavaScript) and
// above 0 (Janus's "pick one for me").
std::uint64_t janus_room_number(const std::string& room_name);

// The display name Treff writes for a participant, and how it reads one back.
std::string janus_display(const std::string& name, proto::MediaState media);
proto::PeerInfo janus_person(std::uint64_t id, const std::string& display);

class JanusBackend final : public SignalingBackend {
 public:
  // `place`: the room number and pin a Treff server chose for this room (treff-server --janus),
  // used in place of the name's number and the password; none: a Janus named in servers.json.
  explicit JanusBackend(std::optional<proto::OnJanus> place = std::nullopt) : place_(std::move(place)) {}

  // Janus's own ping is not needed: the call's heartbeat (ping()) is a session keep-alive.
  std::string subprotocol() const override { return "janus-protocol"; }

  void opened(std::int64_t now_ms) override;
  void received(std::string_view text, std::int64_t now_ms) override;
  void tick(std::int64_t now_ms) override;

  void join(const JoinRequest& request) override;
  void leave() override;
  void set_media(proto::MediaState media) override;
  void lock(const std::string& password) override;
  void unlock() override;
  void request_ice() override {}  // a bare Janus hands out no TURN credentials
  void ping() override;
  void signal(const std::string& to, const proto::Signal& signal) override;
  // Stops the video of people whose tile is not shown and picks each shown one's simulcast layer.
  void choose_videos(const std::map<std::string, VideoSize>& sizes) override;
  // "configure" with "restart": Janus answers with a new offer for the subscription.
  void ask_for_ice_restart(const std::string& key) override;

  std::vector<std::string> take_outgoing() override { return std::exchange(outgoing_, {}); }
  std::vector<BackendEvent> take_events() override { return std::exchange(events_, {}); }

 private:
  // What an answer to one of our requests is for.
  enum class Asked {
    Session, AttachPublisher, AttachSubscriber, Join, CreateRoom, Publish, Configure, Subscribe, Start, Leave,
    Other
  };
  struct Pending {
    Asked what;
    std::int64_t sent_ms;
    // A plugin message is answered twice: "ack" (received) and then its event; anything else
    // (a keep-alive, a trickle) only with "ack".
    bool answered_by_event;
  };

  void request(nlohmann::json message, Asked what);
  void plugin_message(std::uint64_t handle, nlohmann::json body, Asked what, const nlohmann::json* jsep = nullptr);
  void send_join();
  void create_room();
  void on_success(const nlohmann::json& m, Asked what);
  void on_error(int code, const std::string& reason, Asked what);
  void on_plugin_event(std::uint64_t sender, const nlohmann::json& data, const nlohmann::json* jsep, Asked what);
  void on_room_event(const nlohmann::json& data);
  void on_subscription(const nlohmann::json& data, const nlohmann::json* jsep);
  void add_feeds(const std::vector<std::uint64_t>& feeds);
  void subscribe_pending();
  void refuse(std::string code, std::string message);
  // Tells Janus what changed between the wanted video sizes and what each video mid was last set to.
  void configure_videos();
  std::string key_of(std::uint64_t handle) const;

  std::vector<std::string> outgoing_;
  std::vector<BackendEvent> events_;
  std::int64_t now_ms_ = 0;
  std::uint64_t next_transaction_ = 1;
  std::map<std::string, Pending> pending_;  // by transaction

  std::uint64_t session_ = 0;
  std::uint64_t publisher_handle_ = 0;
  std::uint64_t subscriber_handle_ = 0;
  bool attaching_subscriber_ = false;
  bool subscribed_ = false;  // the subscriber handle joined the room

  std::optional<proto::OnJanus> place_;
  std::optional<JoinRequest> join_;
  std::uint64_t room_ = 0;
  std::uint64_t self_id_ = 0;
  bool joined_ = false;
  bool created_room_ = false;  // tried once: a second "no such room" is an error
  bool published_ = false;
  proto::MediaState media_;

  std::set<std::uint64_t> subscribed_feeds_;
  std::vector<std::uint64_t> feeds_to_add_;
  std::map<std::string, std::string> video_mids_;    // the subscription's video mids -> whose
  std::map<std::string, VideoSize> wanted_sizes_;    // by person; none said yet: Janus's default
  std::map<std::string, VideoSize> configured_;      // by video mid, as last asked of Janus
};

}  // namespace treff
