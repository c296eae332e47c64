// What a participant of a call knows about the room: who is there (with names and mic/camera
// state), in which order their thumbnails stand, and whom the large view shows.
//
// The large view shows the participant the user picked; without a pick (or after the picked
// person left) it follows the active speaker, never switching to yourself on its own.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/protocol.h"

namespace treff {

struct Participant {
  std::string id;
  std::string name;
  proto::MediaState media;
  bool is_self = false;
};

class RoomModel {
 public:
  // Starts a fresh room view after joining: yourself plus the others, in their join order.
  void reset(const proto::PeerInfo& self, const std::vector<proto::PeerInfo>& others);
  void clear();

  // Each returns false (and changes nothing) when the id is unknown or already present.
  bool add(const proto::PeerInfo& peer);
  bool remove(const std::string& id);
  bool set_media(const std::string& id, proto::MediaState media);

  // The user's choice for the large view; picking an unknown id is ignored.
  bool pick(const std::string& id);
  void clear_pick();
  const std::optional<std::string>& picked() const { return picked_; }

  // Set by the active-speaker detector; yourself and unknown ids are ignored.
  void set_active_speaker(const std::optional<std::string>& id);
  const std::optional<std::string>& active_speaker() const { return active_speaker_; }

  // Whom the large view shows: the pick, else the active speaker, else the last remote speaker,
  // else the first remote participant, else yourself. Null only for an empty room.
  const Participant* shown_large() const;

  // Thumbnail strip: yourself first, then everyone else in join order. Stable, so thumbnails
  // never jump around while people talk.
  const std::vector<Participant>& thumbnails() const { return people_; }

  const Participant* find(const std::string& id) const;
  const Participant* self() const;
  std::size_t size() const { return people_.size(); }

 private:
  std::vector<Participant> people_;  // [0] is yourself once reset() ran
  std::optional<std::string> picked_;
  std::optional<std::string> active_speaker_;
  std::optional<std::string> last_speaker_;
};

}  // namespace treff
