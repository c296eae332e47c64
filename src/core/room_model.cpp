#include "core/room_model.h"

#include <algorithm>

namespace treff {

void RoomModel::reset(const proto::PeerInfo& self, const std::vector<proto::PeerInfo>& others) {
  clear();
  people_.push_back({self.id, self.name, self.media, true});
  for (const auto& p : others) add(p);
}

void RoomModel::clear() {
  people_.clear();
  picked_.reset();
  active_speaker_.reset();
  last_speaker_.reset();
}

bool RoomModel::add(const proto::PeerInfo& peer) {
  if (find(peer.id)) return false;
  people_.push_back({peer.id, peer.name, peer.media, false});
  return true;
}

bool RoomModel::remove(const std::string& id) {
  auto it = std::find_if(people_.begin(), people_.end(),
                         [&](const Participant& p) { return p.id == id && !p.is_self; });
  if (it == people_.end()) return false;
  people_.erase(it);
  if (picked_ == id) picked_.reset();
  if (active_speaker_ == id) active_speaker_.reset();
  if (last_speaker_ == id) last_speaker_.reset();
  return true;
}

bool RoomModel::set_media(const std::string& id, proto::MediaState media) {
  for (auto& p : people_) {
    if (p.id == id) {
      if (p.media == media) return false;
      p.media = media;
      return true;
    }
  }
  return false;
}

bool RoomModel::pick(const std::string& id) {
  if (!find(id)) return false;
  picked_ = id;
  return true;
}

void RoomModel::clear_pick() { picked_.reset(); }

void RoomModel::set_active_speaker(const std::optional<std::string>& id) {
  if (id) {
    const Participant* p = find(*id);
    if (!p || p->is_self) return;
    last_speaker_ = id;
  }
  active_speaker_ = id;
}

const Participant* RoomModel::shown_large() const {
  for (const auto* choice : {&picked_, &active_speaker_, &last_speaker_})
    if (*choice)
      if (const Participant* p = find(**choice)) return p;
  for (const auto& p : people_)
    if (!p.is_self) return &p;
  return people_.empty() ? nullptr : &people_.front();
}

const Participant* RoomModel::find(const std::string& id) const {
  for (const auto& p : people_)
    if (p.id == id) return &p;
  return nullptr;
}

const Participant* RoomModel::self() const {
  return !people_.empty() && people_.front().is_self ? &people_.front() : nullptr;
}

}  // namespace treff
