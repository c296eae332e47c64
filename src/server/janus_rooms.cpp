#include "server/janus_rooms.h"

#include <algorithm>
#include <iterator>

#include "core/stable_hash.h"
#include "server/random_secret.h"

namespace treff::server {

JanusRooms::JanusRooms(std::vector<std::string> urls, std::size_t from_people)
    : urls_(std::move(urls)), from_people_(std::max<std::size_t>(from_people, 1)) {}

JanusRooms::Place* JanusRooms::find(const std::string& room, Clock::time_point now) {
  auto it = places_.find(room);
  if (it == places_.end()) return nullptr;
  if (now - it->second.last_join > kRemember) {
    places_.erase(it);
    return nullptr;
  }
  return &it->second;
}

JanusRooms::Place& JanusRooms::move(const std::string& room, std::optional<std::string> password_hash,
                                    std::uint64_t lock_serial, Clock::time_point now) {
  forget_old(now);
  Place place;
  place.where.url = url_for(room);
  std::uint64_t number = 0;
  while (number == 0) {  // 0 is Janus's "pick one for me"
    const auto bytes = random_bytes<8>();
    for (unsigned char b : bytes) number = number << 8 | b;
    number &= proto::kMaxJanusRoom;
  }
  place.where.room = number;
  place.where.pin = random_hex<proto::kJanusPinDigits / 2>();
  place.password_hash = std::move(password_hash);
  place.lock_serial = lock_serial;
  place.last_join = now;
  return places_[room] = std::move(place);
}

const std::string& JanusRooms::url_for(const std::string& room) const {
  return urls_[stable_hash(room) % urls_.size()];
}

void JanusRooms::forget_old(Clock::time_point now) {
  for (auto it = places_.begin(); it != places_.end();)
    it = now - it->second.last_join > kRemember ? places_.erase(it) : std::next(it);
  while (places_.size() >= kMaxRooms) {
    places_.erase(std::min_element(places_.begin(), places_.end(), [](const auto& a, const auto& b) {
      return a.second.last_join < b.second.last_join;
    }));
  }
}

}  // namespace treff::server
