// Who may ring whom, for presence and rings: one's contacts from anywhere, the rest of one's
// organisation from inside a room. The accounts' store answers on its own worker
// (server/accounts/store_contact_directory.h), so the hub only knows this interface, as it knows
// PasswordVault.
#pragma once

#include <functional>
#include <optional>
#include <vector>

namespace treff::server {

struct Reachable {
  std::vector<int> contacts;    // accepted contacts
  std::vector<int> colleagues;  // the others of the same organisation
};

class ContactDirectory {
 public:
  virtual ~ContactDirectory() = default;
  // `done` gets whom `account` may reach, or nullopt when that could not be read; it runs on the
  // I/O thread. Returns false, without calling `done`, when too much work is waiting.
  virtual bool reachable_from(int account, std::function<void(std::optional<Reachable>)> done) = 0;
};

}  // namespace treff::server
