#include "server/janus_rooms.h"

#include <openssl/rand.h>

#include <algorithm>
#include <array>
#include <cstdlib>
#include <iterator>

namespace treff::server {
namespace {

template <std::size_t N>
std::array<unsigned char, N> random_bytes() {
  std::array<unsigned char, N> bytes{};
  if (RAND_bytes(bytes.data(), static_cast<int>(N)) != 1) std::abort();  // as secret_tokens: a broken system
  return bytes;
}

}  // namespace

JanusRooms::JanusRooms(std::vector<std::string> urls, std::size_t from_people)
    : urls_(std::move(urls)), from_people_(std::max<std::size_t>(from_people, 1)) {}

JanusRooms::Place* JanusRooms::find(const std::string& room, Clock::time_point now) {
  auto it = places_.find(room);
  if (it == places_.end()) return nullptr;
  if (now - it->second.last_join > kRemember) {
    places_.erase(it);
    return nullptr;
  }
  it->second.last_join = now;
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
  static const char digits[] = "0123456789abcdef";
  for (unsigned char b : random_bytes<proto::kJanusPinDigits / 2>()) {
    place.where.pin.push_back(digits[b >> 4]);
    place.where.pin.push_back(digits[b & 15]);
  }
  place.password_hash = std::move(password_hash);
  place.lock_serial = lock_serial;
  place.last_join = now;
  return places_[room] = std::move(place);
}

const std::string& JanusRooms::url_for(const std::string& room) const {
  std::uint64_t hash = 14695981039346656037ULL;  // FNV-1a, 64 bits: the same in every process
  for (unsigned char c : room) hash = (hash ^ c) * 1099511628211ULL;
  return urls_[hash % urls_.size()];
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
