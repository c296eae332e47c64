// The account store on a real SQLite file in a temporary folder.
#include "server/accounts/account_store.h"

#include <gtest/gtest.h>

#include "server/accounts/secret_tokens.h"
#include "temp_folder.h"

namespace treff::server {
namespace {

constexpr std::int64_t kNow = 1'800'000'000;
constexpr std::int64_t kDay = 24 * 3600;

class AccountStoreTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto opened = AccountStore::open(data.str());
    ASSERT_TRUE(opened) << opened.error().message;
    store = std::move(opened).value();
  }
  Account add(const std::string& email, const std::string& name = "Anna", Role role = Role::Member) {
    auto a = store->add_account({email, name, "Zorghuis De Linde", role}, kNow);
    EXPECT_TRUE(a) << a.error().message;
    return a ? a.value() : Account{};
  }
  test::TempFolder data;
  std::unique_ptr<AccountStore> store;
};

TEST_F(AccountStoreTest, AnAccountIsFoundByItsEmailInAnyCase) {
  const Account anna = add("Anna.Jansen@Example.org", "Anna Jansen", Role::Admin);
  auto found = store->account_by_email("anna.jansen@example.ORG");
  ASSERT_TRUE(found);
  EXPECT_EQ(found.value().id, anna.id);
  EXPECT_EQ(found.value().email, "Anna.Jansen@Example.org");
  EXPECT_EQ(found.value().display_name, "Anna Jansen");
  EXPECT_EQ(found.value().organisation, "Zorghuis De Linde");
  EXPECT_EQ(found.value().role, Role::Admin);
  EXPECT_FALSE(found.value().has_password);
  EXPECT_EQ(found.value().created_at, kNow);
}

TEST_F(AccountStoreTest, ASecondAccountForTheSameAddressIsRefused) {
  add("anna@example.org");
  auto again = store->add_account({"ANNA@example.org", "Other Anna", "", Role::Member}, kNow);
  ASSERT_FALSE(again);
  EXPECT_EQ(again.error().code, "email-taken");
  EXPECT_EQ(store->list_accounts().value().size(), 1u);
}

TEST_F(AccountStoreTest, StringsThatLookLikeSqlOrHtmlAreStoredAsTheyAre) {
  const std::string name = "Robert'); DROP TABLE accounts;-- <b>Bob</b>";
  const Account bob = add("bob@example.org", name);
  EXPECT_EQ(store->account_by_id(bob.id).value().display_name, name);
  EXPECT_EQ(store->list_accounts().value().size(), 1u);
}

TEST_F(AccountStoreTest, AnInvitationSetsThePasswordOnceAndThenIsUsed) {
  const Account anna = add("anna@example.org");
  const std::string token = new_secret_token();
  ASSERT_TRUE(store->add_invitation(anna.id, token_digest(token), kNow, kNow + 3 * kDay));
  EXPECT_EQ(store->invitation_account(token_digest(token), kNow + 60).value().id, anna.id);

  auto redeemed = store->redeem_invitation(token_digest(token), "$argon2id$hash", kNow + 60);
  ASSERT_TRUE(redeemed) << redeemed.error().message;
  EXPECT_TRUE(redeemed.value().has_password);
  EXPECT_EQ(store->password_hash(anna.id).value(), "$argon2id$hash");

  auto twice = store->redeem_invitation(token_digest(token), "$argon2id$other", kNow + 120);
  ASSERT_FALSE(twice);
  EXPECT_EQ(twice.error().code, "invitation-used");
  EXPECT_EQ(store->password_hash(anna.id).value(), "$argon2id$hash");
}

TEST_F(AccountStoreTest, AnExpiredOrUnknownInvitationIsRefusedWithItsReason) {
  const Account anna = add("anna@example.org");
  const std::string token = new_secret_token();
  ASSERT_TRUE(store->add_invitation(anna.id, token_digest(token), kNow, kNow + kDay));
  EXPECT_EQ(store->redeem_invitation(token_digest(token), "h", kNow + kDay).error().code, "invitation-expired");
  EXPECT_EQ(store->redeem_invitation(token_digest(new_secret_token()), "h", kNow).error().code, "invitation-unknown");
  EXPECT_FALSE(store->account_by_id(anna.id).value().has_password);
}

TEST_F(AccountStoreTest, ASessionEndsAfterItsIdleTimeAndIsTouchedWhenUsed) {
  const Account anna = add("anna@example.org");
  const std::string session = token_digest(new_secret_token());
  ASSERT_TRUE(store->add_session(session, anna.id, kNow));
  const std::int64_t idle = 14 * kDay;
  EXPECT_EQ(store->session_account(session, kNow + idle - 1, idle).value().id, anna.id);
  // Used just now: the idle time counts from here, and the account was seen now.
  EXPECT_EQ(store->session_account(session, kNow + 2 * idle - 2, idle).value().last_seen_at, kNow + 2 * idle - 2);
  EXPECT_EQ(store->session_account(session, kNow + 3 * idle, idle).error().code, "not-logged-in");
  // Gone for good, not just too old.
  EXPECT_EQ(store->session_account(session, kNow, idle).error().code, "not-logged-in");
}

TEST_F(AccountStoreTest, ANewPasswordEndsEveryOtherSession) {
  const Account anna = add("anna@example.org");
  const std::string here = token_digest(new_secret_token()), there = token_digest(new_secret_token());
  ASSERT_TRUE(store->add_session(here, anna.id, kNow));
  ASSERT_TRUE(store->add_session(there, anna.id, kNow));
  ASSERT_TRUE(store->set_password(anna.id, "new-hash", here));
  EXPECT_TRUE(store->session_account(here, kNow + 1, kDay));
  EXPECT_FALSE(store->session_account(there, kNow + 1, kDay));
  ASSERT_TRUE(store->clear_password(anna.id));
  EXPECT_FALSE(store->session_account(here, kNow + 1, kDay));
  EXPECT_FALSE(store->account_by_id(anna.id).value().has_password);
}

TEST_F(AccountStoreTest, RemovingAnAccountTakesItsSessionsAndInvitationsAlong) {
  const Account anna = add("anna@example.org");
  const std::string session = token_digest(new_secret_token()), invite = token_digest(new_secret_token());
  ASSERT_TRUE(store->add_session(session, anna.id, kNow));
  ASSERT_TRUE(store->add_invitation(anna.id, invite, kNow, kNow + kDay));
  ASSERT_TRUE(store->remove_account(anna.id));
  EXPECT_EQ(store->session_account(session, kNow, kDay).error().code, "not-logged-in");
  EXPECT_EQ(store->invitation_account(invite, kNow).error().code, "invitation-unknown");
  EXPECT_EQ(store->remove_account(anna.id).error().code, "no-account");
}

TEST_F(AccountStoreTest, DetailsChangeOnlyTheFieldsGiven) {
  const Account anna = add("anna@example.org", "Anna");
  DetailsChange c;
  c.phone = "06 12345678";
  auto changed = store->update_details(anna.id, c);
  ASSERT_TRUE(changed);
  EXPECT_EQ(changed.value().phone, "06 12345678");
  EXPECT_EQ(changed.value().display_name, "Anna");
  c = {};
  c.display_name = "Anna Jansen";
  EXPECT_EQ(store->update_details(anna.id, c).value().phone, "06 12345678");
  EXPECT_EQ(store->account_by_id(anna.id).value().display_name, "Anna Jansen");
}

TEST_F(AccountStoreTest, EverythingIsStillThereWhenTheFileIsOpenedAgain) {
  const Account anna = add("anna@example.org");
  ASSERT_TRUE(store->set_password(anna.id, "hash", ""));
  store.reset();
  auto reopened = AccountStore::open(data.str());
  ASSERT_TRUE(reopened);
  EXPECT_EQ(reopened.value()->password_hash(anna.id).value(), "hash");
}

}  // namespace
}  // namespace treff::server
