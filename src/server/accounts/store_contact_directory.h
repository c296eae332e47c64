// The ContactDirectory of the accounts' SQLite store, read on the AccountWorker.
#pragma once

#include "server/accounts/account_worker.h"
#include "server/contact_directory.h"

namespace treff::server {

class StoreContactDirectory final : public ContactDirectory {
 public:
  explicit StoreContactDirectory(AccountWorker& worker) : worker_(worker) {}

  bool contacts_of(int account, std::function<void(std::optional<std::vector<int>>)> done) override {
    using Ids = std::optional<std::vector<int>>;
    return worker_.run<Ids>(
        [account](AccountStore& store) -> Ids {
          auto book = store.contact_book(account);
          if (!book) return std::nullopt;
          std::vector<int> ids;
          for (const Account& a : book.value().contacts) ids.push_back(static_cast<int>(a.id));
          return ids;
        },
        std::move(done));
  }

 private:
  AccountWorker& worker_;
};

}  // namespace treff::server
