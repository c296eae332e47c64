// Runs the AccountStore on a thread of its own, so that SQLite's disk writes (fsync) never stall
// the I/O thread and every call on it. Jobs run one at a time in order; each answer is posted back
// to the I/O thread. A full queue refuses new work at once (the server is overloaded: say so)
// instead of growing without bound.
#pragma once

#include <boost/asio/io_context.hpp>
#include <boost/asio/post.hpp>
#include <boost/asio/thread_pool.hpp>

#include <atomic>
#include <functional>
#include <memory>

#include "server/accounts/account_store.h"

namespace treff::server {

class AccountWorker {
 public:
  AccountWorker(std::unique_ptr<AccountStore> store, boost::asio::io_context& io, int max_waiting = 512)
      : store_(std::move(store)), io_(io), max_waiting_(max_waiting) {}
  ~AccountWorker() { shutdown(); }
  // Stops the thread (work not started is dropped). Call before the io_context is destroyed.
  void shutdown() {
    pool_.stop();
    pool_.join();
  }

  // Runs `job` on the worker and `done` with its result on the I/O thread. Returns false (and
  // runs neither) when too much work is waiting.
  template <class R>
  bool run(std::function<R(AccountStore&)> job, std::function<void(R)> done) {
    if (waiting_.fetch_add(1) >= max_waiting_) {
      waiting_.fetch_sub(1);
      return false;
    }
    boost::asio::post(pool_, [this, job = std::move(job), done = std::move(done)]() mutable {
      auto result = std::make_shared<R>(job(*store_));
      waiting_.fetch_sub(1);
      boost::asio::post(io_, [done = std::move(done), result] { done(std::move(*result)); });
    });
    return true;
  }

 private:
  std::unique_ptr<AccountStore> store_;
  boost::asio::io_context& io_;
  boost::asio::thread_pool pool_{1};  // SQLite connection used by one thread only
  std::atomic<int> waiting_{0};
  const int max_waiting_;
};

}  // namespace treff::server
