// Names for rooms made with "Call now": unguessable, yet readable aloud and typeable from paper.
#pragma once

#include <array>
#include <cstdint>
#include <string>

namespace treff {

// 80 random bits: the most a room name needs so nobody finds a room by trying names.
constexpr std::size_t kRandomRoomBytes = 10;

// Sixteen characters of a 32-letter alphabet without the look-alikes i, l, o and u, in groups of
// four: "k7m2-p9qx-3hzt-w8ab". Every bit of `random` is used, so the name carries all 80 bits; it
// is a valid room name (check_room_name).
std::string random_room_name(const std::array<std::uint8_t, kRandomRoomBytes>& random);

}  // namespace treff
