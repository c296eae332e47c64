// Accounts against the real treff-server binary: the admin's command line, invitations, log-in
// sessions by cookie, my details, and what a restart keeps.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include <algorithm>
#include <chrono>
#include <thread>
#include <vector>

#include "account_fixture.h"
#include "ws_client.h"

namespace treff::test {
namespace {

using Clock = std::chrono::steady_clock;

TEST_F(Accounts, TheInvitationLinkSetsThePasswordOnceAndLogsIn) {
  const std::string token = add_user(data.str(), "anna@example.org", "Anna Jansen", "--organisation 'De Linde'");
  ASSERT_EQ(token.size(), 43u);

  auto check = api(server->port(), http::verb::post, "/api/invitation/check", json{{"token", token}}.dump());
  ASSERT_EQ(check.result_int(), 200) << check.body();
  EXPECT_EQ(body_of(check)["name"], "Anna Jansen");
  EXPECT_EQ(body_of(check)["email"], "anna@example.org");

  auto too_short = api(server->port(), http::verb::post, "/api/invitation/accept",
                       json{{"token", token}, {"password", "kort"}}.dump());
  EXPECT_EQ(too_short.result_int(), 400);
  EXPECT_EQ(body_of(too_short)["error"], "password-too-short");
  auto common = api(server->port(), http::verb::post, "/api/invitation/accept",
                    json{{"token", token}, {"password", "Wachtwoord123"}}.dump());
  EXPECT_EQ(body_of(common)["error"], "password-too-common");

  auto accepted = api(server->port(), http::verb::post, "/api/invitation/accept",
                      json{{"token", token}, {"password", kGoodPassword}}.dump());
  ASSERT_EQ(accepted.result_int(), 200) << accepted.body();
  const std::string set_cookie(accepted[http::field::set_cookie]);
  for (const char* attribute : {"HttpOnly", "Secure", "SameSite=Strict", "Path=/"})
    EXPECT_NE(set_cookie.find(attribute), std::string::npos) << set_cookie;
  EXPECT_EQ(body_of(accepted)["account"]["organisation"], "De Linde");

  auto me = api(server->port(), http::verb::get, "/api/me", "", cookie_of(accepted));
  ASSERT_EQ(me.result_int(), 200) << me.body();
  EXPECT_EQ(body_of(me)["account"]["name"], "Anna Jansen");

  auto again = api(server->port(), http::verb::post, "/api/invitation/accept",
                   json{{"token", token}, {"password", "een ander wachtwoord"}}.dump());
  EXPECT_EQ(again.result_int(), 410);
  EXPECT_EQ(body_of(again)["error"], "invitation-used");
  EXPECT_EQ(login("anna@example.org", kGoodPassword).result_int(), 200);
  EXPECT_EQ(login("anna@example.org", "een ander wachtwoord").result_int(), 401);
}

TEST_F(Accounts, AnUnknownOrMalformedInvitationIsRefusedPlainly) {
  auto unknown = api(server->port(), http::verb::post, "/api/invitation/check",
                     json{{"token", std::string(43, 'A')}}.dump());
  EXPECT_EQ(unknown.result_int(), 410);
  EXPECT_EQ(body_of(unknown)["error"], "invitation-unknown");
  auto odd = api(server->port(), http::verb::post, "/api/invitation/check", json{{"token", "' OR 1=1 --"}}.dump());
  EXPECT_EQ(body_of(odd)["error"], "invitation-unknown");
}

TEST_F(Accounts, LoginAnswersAnUnknownAddressAndAWrongPasswordAlike) {
  enrol("anna@example.org", "Anna");
  auto median_ms = [&](const std::string& email) {
    std::vector<double> ms;
    HttpResponse last;
    for (int i = 0; i < 3; ++i) {
      const auto start = Clock::now();
      last = login(email, "not the password at all");
      ms.push_back(std::chrono::duration<double, std::milli>(Clock::now() - start).count());
    }
    std::sort(ms.begin(), ms.end());
    EXPECT_EQ(last.result_int(), 401);
    EXPECT_EQ(body_of(last)["error"], "login-failed");
    EXPECT_EQ(body_of(last)["message"], "The e-mail address or the password is not right.");
    return ms[1];
  };
  const double wrong_password = median_ms("ANNA@example.org");
  const double unknown = median_ms("nobody@example.org");
  // Both checked a password hash (tens of ms): the unknown address is not answered at once.
  EXPECT_GT(unknown, wrong_password * 0.5) << "unknown " << unknown << " ms, wrong password " << wrong_password << " ms";
}

TEST_F(Accounts, LoginIsCaseBlindForTheAddressAndGivesASessionCookie) {
  enrol("Anna@Example.org", "Anna");
  auto r = login("  anna@EXAMPLE.org ", kGoodPassword);
  ASSERT_EQ(r.result_int(), 200) << r.body();
  EXPECT_EQ(api(server->port(), http::verb::get, "/api/me", "", cookie_of(r)).result_int(), 200);
}

TEST_F(Accounts, GuessingIsSlowedDownPerAccount) {
  enrol("anna@example.org", "Anna");
  int refused = 0;
  for (int i = 0; i < 7; ++i) {
    auto r = login("anna@example.org", "wrong password " + std::to_string(i));
    if (r.result_int() == 429) {
      ++refused;
      EXPECT_EQ(body_of(r)["error"], "too-many-attempts");
    }
  }
  EXPECT_EQ(refused, 2);  // five tries, then one per 20 s
}

TEST_F(Accounts, LogoutEndsThisSessionAndLogoutEverywhereEndsAll) {
  const std::string first = enrol("anna@example.org", "Anna");
  const std::string second = cookie_of(login("anna@example.org", kGoodPassword));
  const std::string third = cookie_of(login("anna@example.org", kGoodPassword));
  auto out = api(server->port(), http::verb::post, "/api/logout", "{}", first);
  EXPECT_EQ(out.result_int(), 200);
  EXPECT_NE(std::string(out[http::field::set_cookie]).find("Max-Age=0"), std::string::npos);
  EXPECT_EQ(api(server->port(), http::verb::get, "/api/me", "", first).result_int(), 401);
  EXPECT_EQ(api(server->port(), http::verb::get, "/api/me", "", second).result_int(), 200);
  EXPECT_EQ(api(server->port(), http::verb::post, "/api/logout-everywhere", "{}", second).result_int(), 200);
  EXPECT_EQ(api(server->port(), http::verb::get, "/api/me", "", second).result_int(), 401);
  EXPECT_EQ(api(server->port(), http::verb::get, "/api/me", "", third).result_int(), 401);
}

TEST_F(Accounts, AStolenLookingOrMadeUpCookieIsNotASession) {
  enrol("anna@example.org", "Anna");
  for (const std::string& cookie : {"treff_session=" + std::string(43, 'x'), std::string("treff_session=short"),
                                   std::string("treff_session=' OR 1=1 --")}) {
    auto r = api(server->port(), http::verb::get, "/api/me", "", cookie);
    EXPECT_EQ(r.result_int(), 401) << cookie;
    EXPECT_EQ(body_of(r)["error"], "not-logged-in");
  }
}

TEST_F(Accounts, ChangingThePasswordNeedsTheCurrentOneAndLogsOutOtherSessions) {
  const std::string here = enrol("anna@example.org", "Anna");
  const std::string elsewhere = cookie_of(login("anna@example.org", kGoodPassword));
  auto wrong = api(server->port(), http::verb::post, "/api/me/password",
                   json{{"current", "not it at all"}, {"new", "nieuwe tulpen 2"}}.dump(), here);
  EXPECT_EQ(wrong.result_int(), 401);
  EXPECT_EQ(body_of(wrong)["error"], "wrong-password");
  auto weak = api(server->port(), http::verb::post, "/api/me/password",
                  json{{"current", kGoodPassword}, {"new", "1234567890"}}.dump(), here);
  EXPECT_EQ(body_of(weak)["error"], "password-too-common");
  auto changed = api(server->port(), http::verb::post, "/api/me/password",
                     json{{"current", kGoodPassword}, {"new", "nieuwe tulpen 2"}}.dump(), here);
  ASSERT_EQ(changed.result_int(), 200) << changed.body();
  EXPECT_EQ(api(server->port(), http::verb::get, "/api/me", "", here).result_int(), 200);
  EXPECT_EQ(api(server->port(), http::verb::get, "/api/me", "", elsewhere).result_int(), 401);
  EXPECT_EQ(login("anna@example.org", kGoodPassword).result_int(), 401);
  EXPECT_EQ(login("anna@example.org", "nieuwe tulpen 2").result_int(), 200);
}

TEST_F(Accounts, DetailsAreCheckedAndStoredAsTyped) {
  const std::string cookie = enrol("anna@example.org", "Anna");
  auto too_long = api(server->port(), http::verb::patch, "/api/me", json{{"name", std::string(10000, 'x')}}.dump(), cookie);
  EXPECT_EQ(too_long.result_int(), 400);
  const std::string html = "<img src=x onerror=alert(1)> Anna'); DROP TABLE accounts;--";
  auto saved = api(server->port(), http::verb::patch, "/api/me", json{{"about", html}, {"phone", "06 1234 5678"}}.dump(), cookie);
  ASSERT_EQ(saved.result_int(), 200) << saved.body();
  auto me = body_of(api(server->port(), http::verb::get, "/api/me", "", cookie))["account"];
  EXPECT_EQ(me["about"], html);
  EXPECT_EQ(me["phone"], "06 1234 5678");
  EXPECT_EQ(me["name"], "Anna");
  auto unknown_field = api(server->port(), http::verb::patch, "/api/me", json{{"role", "admin"}}.dump(), cookie);
  EXPECT_EQ(unknown_field.result_int(), 400);
  EXPECT_EQ(body_of(api(server->port(), http::verb::get, "/api/me", "", cookie))["account"]["role"], "member");
}

TEST_F(Accounts, TwoSavesAtOnceBothLandAndNothingBreaks) {
  const std::string cookie = enrol("anna@example.org", "Anna");
  std::thread a([&] { api(server->port(), http::verb::patch, "/api/me", json{{"phone", "111"}}.dump(), cookie); });
  std::thread b([&] { api(server->port(), http::verb::patch, "/api/me", json{{"about", "tuin"}}.dump(), cookie); });
  a.join();
  b.join();
  auto me = body_of(api(server->port(), http::verb::get, "/api/me", "", cookie))["account"];
  EXPECT_EQ(me["phone"], "111");
  EXPECT_EQ(me["about"], "tuin");
}

TEST_F(Accounts, ChangesFromAnotherSiteAreRefused) {
  const std::string cookie = enrol("anna@example.org", "Anna");
  auto forged = http_request(server->port(), http::verb::patch, "/api/me", json{{"name", "Mallory"}}.dump(),
                             {{http::field::origin, "https://evil.example"},
                              {http::field::content_type, "application/json"},
                              {http::field::cookie, cookie}});
  EXPECT_EQ(forged.result_int(), 403);
  auto form = http_request(server->port(), http::verb::post, "/api/logout-everywhere", "a=b",
                           {{http::field::content_type, "application/x-www-form-urlencoded"}, {http::field::cookie, cookie}});
  EXPECT_EQ(form.result_int(), 400);
  auto broken = api(server->port(), http::verb::post, "/api/login", "{\"email\": ", cookie);
  EXPECT_EQ(broken.result_int(), 400);
  EXPECT_EQ(body_of(api(server->port(), http::verb::get, "/api/me", "", cookie))["account"]["name"], "Anna");
}

TEST_F(Accounts, AnAdminInvitesIntoTheirOrganisationAndAMemberMayNot) {
  const std::string admin = enrol("anna@example.org", "Anna", "--organisation 'De Linde' --admin");
  const std::string member = enrol("bob@example.org", "Bob", "--organisation 'De Linde'");
  auto refused = api(server->port(), http::verb::post, "/api/invitations",
                     json{{"email", "carla@example.org"}, {"name", "Carla"}}.dump(), member);
  EXPECT_EQ(refused.result_int(), 403);
  auto made = api(server->port(), http::verb::post, "/api/invitations",
                  json{{"email", "carla@example.org"}, {"name", "Carla"}}.dump(), admin);
  ASSERT_EQ(made.result_int(), 200) << made.body();
  const std::string link = body_of(made)["link"];
  EXPECT_EQ(link.rfind("http://127.0.0.1:" + std::to_string(server->port()) + "/invite#", 0), 0u) << link;
  auto check = api(server->port(), http::verb::post, "/api/invitation/check", json{{"token", link.substr(link.find('#') + 1)}}.dump());
  EXPECT_EQ(body_of(check)["organisation"], "De Linde");
  auto twice = api(server->port(), http::verb::post, "/api/invitations",
                   json{{"email", "CARLA@example.org"}, {"name", "Carla"}}.dump(), admin);
  EXPECT_EQ(twice.result_int(), 409);
}

TEST_F(Accounts, ARestartKeepsAccountsAndSessions) {
  const std::string cookie = enrol("anna@example.org", "Anna");
  api(server->port(), http::verb::patch, "/api/me", json{{"phone", "06 1234"}}.dump(), cookie);
  restart();
  auto me = api(server->port(), http::verb::get, "/api/me", "", cookie);
  ASSERT_EQ(me.result_int(), 200) << me.body();
  EXPECT_EQ(body_of(me)["account"]["phone"], "06 1234");
  EXPECT_EQ(login("anna@example.org", kGoodPassword).result_int(), 200);
}

TEST_F(Accounts, TheAdminCommandListsResetsAndRemoves) {
  enrol("anna@example.org", "Anna");
  auto [listed, list] = run_server_command("user list --data " + data.str());
  EXPECT_EQ(listed, 0);
  EXPECT_NE(list.find("anna@example.org"), std::string::npos) << list;
  EXPECT_NE(list.find("password set"), std::string::npos) << list;
  auto [reset, reset_out] = run_server_command("user reset-password --data " + data.str() + " --email ANNA@example.org");
  EXPECT_EQ(reset, 0) << reset_out;
  EXPECT_NE(reset_out.find("/invite#"), std::string::npos);
  EXPECT_EQ(login("anna@example.org", kGoodPassword).result_int(), 401);
  auto [removed, removed_out] = run_server_command("user remove --data " + data.str() + " --email anna@example.org");
  EXPECT_EQ(removed, 0) << removed_out;
  auto [again, again_out] = run_server_command("user remove --data " + data.str() + " --email anna@example.org");
  EXPECT_EQ(again, 1);
  EXPECT_NE(again_out.find("There is no account"), std::string::npos) << again_out;
  auto [bad, bad_out] = run_server_command("user add --data " + data.str() + " --email not-an-address --name X");
  EXPECT_EQ(bad, 1);
  EXPECT_NE(bad_out.find("name@example.org"), std::string::npos) << bad_out;
}

TEST_F(Accounts, TheSignalingConnectionKnowsWhoIsLoggedInByTheCookie) {
  const std::string cookie = enrol("anna@example.org", "Anna Jansen");
  const std::string own_origin = "http://127.0.0.1:" + std::to_string(server->port());
  auto welcome = [&](const std::string& with_cookie) {
    WsClient ws(server->port(), "/ws", own_origin, "", with_cookie);
    ws.send(json{{"v", 1}, {"type", "hello"}, {"agent", "test"}});
    return ws.next();
  };
  const json logged_in = welcome(cookie);
  EXPECT_EQ(logged_in["account"]["name"], "Anna Jansen") << logged_in.dump();
  EXPECT_EQ(logged_in["account"]["id"], id_of(cookie));
  EXPECT_FALSE(welcome("").contains("account"));
  EXPECT_FALSE(welcome("treff_session=" + std::string(43, 'A')).contains("account"));
  api(server->port(), http::verb::post, "/api/logout", "{}", cookie);
  EXPECT_FALSE(welcome(cookie).contains("account"));
  // A page of another site cannot use the cookie: the origin check comes first.
  EXPECT_THROW(WsClient(server->port(), "/ws", "https://evil.example", "", cookie), std::exception);
}

TEST(AccountsOff, AServerWithoutDataServesRoomsOnlyAndSaysSo) {
  ServerProcess server;
  auto r = api(server.port(), http::verb::get, "/api/me");
  EXPECT_EQ(r.result_int(), 404);
  EXPECT_EQ(body_of(r)["error"], "no-accounts");
}

}  // namespace
}  // namespace treff::test
