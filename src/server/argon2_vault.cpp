#include "server/argon2_vault.h"

#include <argon2.h>
#include <openssl/rand.h>

#include <boost/asio/post.hpp>

#include <vector>

namespace treff::server {
namespace {

constexpr std::uint32_t kPasses = 2;
constexpr std::uint32_t kMemoryKiB = 19 * 1024;
constexpr std::uint32_t kLanes = 1;
constexpr std::size_t kSaltBytes = 16;
constexpr std::size_t kHashBytes = 32;

}  // namespace

Argon2Vault::Argon2Vault(int workers, int max_waiting)
    : pool_(static_cast<std::size_t>(workers)), max_waiting_(max_waiting) {}

Argon2Vault::~Argon2Vault() { shutdown(); }

void Argon2Vault::shutdown() {
  pool_.stop();
  pool_.join();
}

std::string Argon2Vault::hash_now(const std::string& password) {
  unsigned char salt[kSaltBytes];
  if (RAND_bytes(salt, sizeof salt) != 1) return {};
  std::vector<char> encoded(argon2_encodedlen(kPasses, kMemoryKiB, kLanes, kSaltBytes, kHashBytes, Argon2_id));
  const int rc = argon2id_hash_encoded(kPasses, kMemoryKiB, kLanes, password.data(), password.size(), salt, sizeof salt,
                                       kHashBytes, encoded.data(), encoded.size());
  return rc == ARGON2_OK ? std::string(encoded.data()) : std::string();
}

bool Argon2Vault::verify_now(const std::string& encoded, const std::string& password) {
  return !encoded.empty() && argon2id_verify(encoded.c_str(), password.data(), password.size()) == ARGON2_OK;
}

bool Argon2Vault::reserve() {
  if (waiting_.fetch_add(1) >= max_waiting_) {
    waiting_.fetch_sub(1);
    return false;
  }
  return true;
}

bool Argon2Vault::hash(std::string password, std::function<void(std::string)> done) {
  if (!reserve()) return false;
  boost::asio::post(pool_, [this, password = std::move(password), done = std::move(done)]() mutable {
    std::string encoded = hash_now(password);
    waiting_.fetch_sub(1);
    boost::asio::post(*io_, [done = std::move(done), encoded = std::move(encoded)]() mutable { done(std::move(encoded)); });
  });
  return true;
}

bool Argon2Vault::verify(std::string encoded, std::string password, std::function<void(bool)> done) {
  if (!reserve()) return false;
  boost::asio::post(pool_, [this, encoded = std::move(encoded), password = std::move(password),
                            done = std::move(done)]() mutable {
    const bool matches = verify_now(encoded, password);
    waiting_.fetch_sub(1);
    boost::asio::post(*io_, [done = std::move(done), matches] { done(matches); });
  });
  return true;
}

}  // namespace treff::server
