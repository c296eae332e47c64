// The ContactDirectory of the accounts' SQLite store, read on the AccountWorker.
#pragma once

#include "server/accounts/account_worker.h"
#include "server/contact_directory.h"

namespace treff::server {

class StoreContactDirectory final : public ContactDirectory {
 public:
  explicit StoreContactDirectory(AccountWorker& worker) : worker_(worker) {}

  // An organisation's list is read up to this many people (the invite panel shows as many).
  static constexpr int kMaxColleagues = 500;

  bool reachable_from(int account, std::function<void(std::optional<Reachable>)> done) override {
    using Found = std::optional<Reachable>;
    return worker_.run<Found>(
        [account](AccountStore& store) -> Found {
          auto book = store.contact_book(account);
          auto organisation = store.find_people(account, "", kMaxColleagues);  // everyone of it
          if (!book || !organisation) return std::nullopt;
          Reachable reachable;
          for (const Account& a : book.value().contacts) reachable.contacts.push_back(static_cast<int>(a.id));
          for (const Account& a : organisation.value()) reachable.colleagues.push_back(static_cast<int>(a.id));
          return reachable;
        },
        std::move(done));
  }

 private:
  AccountWorker& worker_;
};

}  // namespace treff::server
