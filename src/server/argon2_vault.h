// PasswordVault on libargon2 (Debian's libargon2-dev): Argon2id, 19 MiB, 2 passes, 1 lane (the
// OWASP minimum), 16-byte salt from OpenSSL's generator, 32-byte hash.
#pragma once

#include <boost/asio/io_context.hpp>
#include <boost/asio/thread_pool.hpp>

#include <atomic>

#include "server/password_vault.h"

namespace treff::server {

class Argon2Vault final : public PasswordVault {
 public:
  explicit Argon2Vault(int workers = 1, int max_waiting = 32);
  // Results are posted to `io` (the server's I/O thread). Set before any work is asked for.
  void deliver_results_to(boost::asio::io_context& io) { io_ = &io; }
  ~Argon2Vault() override;
  // Stops the workers (work not started is dropped). Call before `io` is destroyed.
  void shutdown();

  bool hash(std::string password, std::function<void(std::string encoded)> done) override;
  bool verify(std::string encoded, std::string password, std::function<void(bool matches)> done) override;

  // The same work done here and now, for tests and benchmarks.
  static std::string hash_now(const std::string& password);
  static bool verify_now(const std::string& encoded, const std::string& password);

 private:
  bool reserve();

  boost::asio::io_context* io_ = nullptr;
  boost::asio::thread_pool pool_;
  std::atomic<int> waiting_{0};
  const int max_waiting_;
};

}  // namespace treff::server
