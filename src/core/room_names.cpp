#include "core/room_names.h"

namespace treff {

std::string random_room_name(const std::array<std::uint8_t, kRandomRoomBytes>& random) {
  static constexpr char kAlphabet[] = "0123456789abcdefghjkmnpqrstvwxyz";  // Crockford's base 32
  std::string name;
  unsigned buffer = 0;
  int bits = 0;
  int written = 0;
  for (const std::uint8_t byte : random) {
    buffer = (buffer << 8) | byte;
    bits += 8;
    while (bits >= 5) {
      bits -= 5;
      if (written > 0 && written % 4 == 0) name += '-';
      name += kAlphabet[(buffer >> bits) & 31u];
      ++written;
    }
  }
  return name;  // 80 bits = 16 characters exactly, nothing left over
}

}  // namespace treff
