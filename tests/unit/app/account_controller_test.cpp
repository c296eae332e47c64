#include "app/account_controller.h"

#include <gtest/gtest.h>

#include "platform/fake/fake_http_requests.h"

namespace treff {
namespace {

constexpr const char* kAnna =
    R"({"account":{"id":1,"email":"anna@linde.nl","name":"Anna","organisation":"De Linde","phone":"","about":"",
        "role":"admin","photo_version":0}})";
constexpr const char* kBook =
    R"({"contacts":[{"id":2,"email":"bob@linde.nl","name":"Bob","organisation":"De Linde","phone":"0612","about":"",
        "photo_version":3}],
        "asking_me":[{"id":3,"email":"cor@linde.nl","name":"Cor","organisation":"De Linde","phone":"","about":"",
        "photo_version":0}],"asked":[]})";

class AccountControllerTest : public ::testing::Test {
 protected:
  // Logs Anna in, contacts loaded.
  void log_in() {
    ASSERT_TRUE(accounts.log_in("anna@linde.nl", "a long secret phrase"));
    http.answer("/api/login", 200, kAnna);
    accounts.tick();
    ASSERT_TRUE(http.answer("/api/contacts", 200, kBook)) << "the contacts are loaded after the login";
    accounts.tick();
  }

  platform::FakeHttpRequests http;
  AccountController accounts{http};
};

TEST_F(AccountControllerTest, AServerWithoutAccountsOffersNoLogin) {
  accounts.check_session();
  EXPECT_FALSE(accounts.session_known());
  http.answer("/api/me", 404, R"({"error":"no-accounts","message":"This server keeps no accounts."})");
  EXPECT_TRUE(accounts.tick());
  EXPECT_TRUE(accounts.session_known());
  EXPECT_FALSE(accounts.accounts_available());
  EXPECT_FALSE(accounts.me());
}

TEST_F(AccountControllerTest, AServerWithAccountsButNoSessionOffersTheLogin) {
  accounts.check_session();
  http.answer("/api/me", 401, R"({"error":"not-logged-in","message":"Please log in."})");
  accounts.tick();
  EXPECT_TRUE(accounts.accounts_available());
  EXPECT_FALSE(accounts.me());
  EXPECT_FALSE(accounts.session_ended()) << "never logged in: nothing ended";
  EXPECT_FALSE(accounts.task(AccountTask::Session).problem) << "not being logged in is not a problem to show";
}

TEST_F(AccountControllerTest, AnUnreachableServerIsNotMistakenForOneWithoutAccounts) {
  accounts.check_session();
  http.answer("/api/me", 0, "");
  accounts.tick();
  EXPECT_FALSE(accounts.session_known());
}

TEST_F(AccountControllerTest, ALoginSendsTheTrimmedAddressAndLoadsTheContacts) {
  log_in();
  EXPECT_EQ(http.last_body("/api/login"), R"({"email":"anna@linde.nl","password":"a long secret phrase"})");
  ASSERT_TRUE(accounts.me());
  EXPECT_EQ(accounts.me()->name, "Anna");
  EXPECT_TRUE(accounts.me()->admin);
  ASSERT_EQ(accounts.book().contacts.size(), 1u);
  EXPECT_EQ(accounts.book().contacts[0].name, "Bob");
  EXPECT_EQ(photo_path(accounts.book().contacts[0]), "/api/photos/2?v=3");
  EXPECT_EQ(photo_path(accounts.book().asking_me.at(0)), "") << "no photo: initials are shown";
}

TEST_F(AccountControllerTest, AnEmptyFormIsExplainedWithoutAsking) {
  EXPECT_EQ(accounts.log_in("  ", "x").error().code, "bad-email");
  EXPECT_EQ(accounts.log_in("a@b.nl", "").error().code, "password-empty");
  EXPECT_TRUE(http.sent.empty());
  EXPECT_EQ(accounts.task(AccountTask::LogIn).problem->code, "password-empty");
}

TEST_F(AccountControllerTest, AWrongPasswordIsAProblemOfTheLogin) {
  accounts.log_in("anna@linde.nl", "wrong one!");
  EXPECT_TRUE(accounts.task(AccountTask::LogIn).busy);
  accounts.log_in("anna@linde.nl", "wrong one!");
  EXPECT_EQ(http.sent.size(), 1u) << "a second press while the first waits sends nothing";
  http.answer("/api/login", 401, R"({"error":"login-failed","message":"no"})");
  accounts.tick();
  EXPECT_FALSE(accounts.task(AccountTask::LogIn).busy);
  EXPECT_EQ(accounts.task(AccountTask::LogIn).problem->code, "login-failed");
  EXPECT_FALSE(accounts.me());
}

TEST_F(AccountControllerTest, AnAnswerThatIsNotTheApisStillEndsTheWait) {
  accounts.log_in("anna@linde.nl", "a long secret phrase");
  http.answer("/api/login", 502, "<html>Bad gateway</html>");
  accounts.tick();
  EXPECT_FALSE(accounts.task(AccountTask::LogIn).busy);
  EXPECT_EQ(accounts.task(AccountTask::LogIn).problem->code, "busy");
}

TEST_F(AccountControllerTest, AnEndedSessionForgetsTheAccount) {
  log_in();
  accounts.find_people("bo");
  http.answer("/api/people", 401, R"({"error":"not-logged-in","message":"Please log in."})");
  accounts.tick();
  EXPECT_FALSE(accounts.me());
  EXPECT_TRUE(accounts.session_ended());
  EXPECT_TRUE(accounts.book().contacts.empty()) << "nothing of the account stays on the page";
}

TEST_F(AccountControllerTest, TheInvitationIsCheckedThenAcceptedWithTheSamePasswordTwice) {
  const std::string token(43, 'A');
  ASSERT_TRUE(accounts.check_invitation(token));
  http.answer("/api/invitation/check", 200, R"({"email":"bob@linde.nl","name":"Bob","organisation":"De Linde"})");
  accounts.tick();
  ASSERT_TRUE(accounts.invitation());
  EXPECT_EQ(accounts.invitation()->name, "Bob");
  EXPECT_EQ(accounts.accept_invitation(token, "short", "short").error().code, "password-too-short");
  EXPECT_EQ(accounts.accept_invitation(token, "password123", "password123").error().code, "password-too-common");
  EXPECT_EQ(accounts.accept_invitation(token, "a long secret phrase", "a long secret phrasE").error().code,
            "password-mismatch");
  EXPECT_EQ(http.open_requests("/api/invitation/accept"), 0);
  ASSERT_TRUE(accounts.accept_invitation(token, "a long secret phrase", "a long secret phrase"));
  http.answer("/api/invitation/accept", 200, kAnna);
  accounts.tick();
  EXPECT_TRUE(accounts.me()) << "setting the password logs in";
  EXPECT_EQ(http.open_requests("/api/contacts"), 1);
}

TEST_F(AccountControllerTest, AUsedInvitationSaysSo) {
  accounts.check_invitation(std::string(43, 'A'));
  http.answer("/api/invitation/check", 410, R"({"error":"invitation-used","message":"used"})");
  accounts.tick();
  EXPECT_FALSE(accounts.invitation());
  EXPECT_EQ(accounts.task(AccountTask::CheckInvitation).problem->code, "invitation-used");
}

TEST_F(AccountControllerTest, ContactActionsReloadTheBook) {
  log_in();
  accounts.answer_request(3, true);
  EXPECT_EQ(http.last_body("/api/contacts/answer"), R"({"accept":true,"account_id":3})");
  http.answer("/api/contacts/answer", 200, R"({"contact":true})");
  accounts.tick();
  EXPECT_EQ(http.open_requests("/api/contacts"), 1);
  accounts.remove_contact(2);
  http.answer("/api/contacts/remove", 404, R"({"error":"not-a-contact","message":"gone"})");
  accounts.tick();
  EXPECT_EQ(accounts.task(AccountTask::RemoveContact).problem->code, "not-a-contact");
}

TEST_F(AccountControllerTest, OnlyTheNewestListCounts) {
  log_in();
  accounts.load_contacts();
  accounts.load_contacts();
  http.answer("/api/contacts", 200, R"({"contacts":[],"asking_me":[],"asked":[]})");  // the older
  accounts.tick();
  EXPECT_EQ(accounts.book().contacts.size(), 1u) << "an older answer does not overwrite";
  http.answer("/api/contacts", 200, R"({"contacts":[],"asking_me":[],"asked":[]})");
  accounts.tick();
  EXPECT_TRUE(accounts.book().contacts.empty());
}

TEST_F(AccountControllerTest, DetailsAreCheckedBeforeSavingAndTheSavedAccountIsShown) {
  log_in();
  EXPECT_EQ(accounts.save_details(std::string(65, 'x'), "", "").error().code, "bad-name");
  EXPECT_EQ(accounts.save_details("Anna", std::string(40, '1'), "").error().code, "bad-phone");
  ASSERT_TRUE(accounts.save_details(" Anna B ", "0612", "Hi"));
  EXPECT_EQ(http.last_body("/api/me"), R"({"about":"Hi","name":"Anna B","phone":"0612"})");
  http.answer("/api/me", 200,
              R"({"account":{"id":1,"email":"anna@linde.nl","name":"Anna B","phone":"0612","about":"Hi","role":"admin","photo_version":0}})");
  accounts.tick();
  EXPECT_EQ(accounts.me()->name, "Anna B");
  EXPECT_TRUE(accounts.task(AccountTask::SaveDetails).done);
}

TEST_F(AccountControllerTest, APhotoIsSentAsJpegAndItsNewVersionShown) {
  log_in();
  accounts.upload_photo(std::string("\xff\xd8\xff", 3));
  EXPECT_EQ(http.sent.back().method, "PUT");
  EXPECT_EQ(http.sent.back().content_type, "image/jpeg");
  http.answer("/api/me/photo", 200,
              R"({"account":{"id":1,"email":"anna@linde.nl","name":"Anna","role":"admin","photo_version":1}})");
  accounts.tick();
  EXPECT_EQ(photo_path(*accounts.me()), "/api/photos/1?v=1");
}

TEST_F(AccountControllerTest, APasswordChangeNeedsTheCurrentOneAndTheNewOneTwice) {
  log_in();
  EXPECT_EQ(accounts.change_password("", "a long new phrase", "a long new phrase").error().code, "password-empty");
  EXPECT_EQ(accounts.change_password("old", "a long new phrase", "a long new phrasE").error().code, "password-mismatch");
  ASSERT_TRUE(accounts.change_password("old", "a long new phrase", "a long new phrase"));
  http.answer("/api/me/password", 401, R"({"error":"wrong-password","message":"no"})");
  accounts.tick();
  EXPECT_EQ(accounts.task(AccountTask::ChangePassword).problem->code, "wrong-password");
  EXPECT_TRUE(accounts.me()) << "a wrong current password does not log out";
}

TEST_F(AccountControllerTest, LoggingOutForgetsEverything) {
  log_in();
  accounts.log_out_everywhere();
  http.answer("/api/logout-everywhere", 200, "{}");
  accounts.tick();
  EXPECT_FALSE(accounts.me());
  EXPECT_TRUE(accounts.book().contacts.empty());
  EXPECT_FALSE(accounts.session_ended()) << "asked for: not shown as an ended session";
}

TEST_F(AccountControllerTest, TheListOnScreenIsLoadedAgainNowAndThen) {
  accounts.keep_contacts_fresh(1000);
  EXPECT_TRUE(http.sent.empty()) << "not logged in: nothing to load";
  log_in();
  const auto sent = http.sent.size();
  accounts.keep_contacts_fresh(1000);
  accounts.keep_contacts_fresh(1000 + AccountController::kContactsRefreshMs - 1);
  EXPECT_EQ(http.sent.size(), sent) << "just loaded";
  accounts.keep_contacts_fresh(1000 + AccountController::kContactsRefreshMs);
  EXPECT_EQ(http.open_requests("/api/contacts"), 1);
  accounts.keep_contacts_fresh(1000 + 3 * AccountController::kContactsRefreshMs);
  EXPECT_EQ(http.open_requests("/api/contacts"), 1) << "not again while one is out";
  http.answer("/api/contacts", 200, R"({"contacts":[],"asking_me":[{"id":4,"name":"Dirk"}],"asked":[]})");
  accounts.tick();
  EXPECT_EQ(accounts.book().asking_me.at(0).name, "Dirk");
}

TEST_F(AccountControllerTest, AnAdminsInvitationGivesALink) {
  log_in();
  EXPECT_EQ(accounts.invite("not an address", "Dirk").error().code, "bad-email");
  ASSERT_TRUE(accounts.invite("dirk@linde.nl", "Dirk"));
  http.answer("/api/invitations", 200, R"({"link":"https://x/invite#abc","expires_at":5})");
  accounts.tick();
  EXPECT_EQ(accounts.invitation_link(), "https://x/invite#abc");
}

}  // namespace
}  // namespace treff
