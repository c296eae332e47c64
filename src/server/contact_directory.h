// Whose contacts are whose, for presence and rings. The accounts' store answers on its own worker
// (server/accounts/store_contact_directory.h), so the hub only knows this interface, as it knows
// PasswordVault.
#pragma once

#include <functional>
#include <optional>
#include <vector>

namespace treff::server {

class ContactDirectory {
 public:
  virtual ~ContactDirectory() = default;
  // `done` gets the accepted contacts of `account`, or nullopt when they could not be read; it runs
  // on the I/O thread. Returns false, without calling `done`, when too much work is waiting.
  virtual bool contacts_of(int account, std::function<void(std::optional<std::vector<int>>)> done) = 0;
};

}  // namespace treff::server
