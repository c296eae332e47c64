// Room passwords: hashed with Argon2id and a random salt, checked against that hash. Hashing is
// deliberately slow (tens of ms), so it never runs on the I/O thread, which would stall every
// call on the server: the work goes to a small worker pool and the answer comes back as a callback
// on the I/O thread. The hub only knows this interface.
#pragma once

#include <functional>
#include <string>

namespace treff::server {

class PasswordVault {
 public:
  virtual ~PasswordVault() = default;
  // `done` gets the encoded hash (algorithm, parameters, salt and hash in one string), or "" when
  // hashing failed. Returns false, without calling `done`, when too much work is already waiting.
  virtual bool hash(std::string password, std::function<void(std::string encoded)> done) = 0;
  // `done` gets whether `password` matches `encoded`. Returns false like hash().
  virtual bool verify(std::string encoded, std::string password, std::function<void(bool matches)> done) = 0;
};

}  // namespace treff::server
