// Contacts against the real treff-server binary: finding people of one's organisation, requests,
// accepting and declining, removing, and what people of another organisation can and cannot do.
#include "account_fixture.h"

namespace treff::test {
namespace {

class Contacts : public TwoOrganisations {
 protected:
  json book(const std::string& cookie) { return body_of(api(server->port(), http::verb::get, "/api/contacts", "", cookie)); }
};

TEST_F(Contacts, PeopleOfTheSameOrganisationAreFoundByNameOrAddress) {
  auto by_name = body_of(post("/api/people", {{"query", "vries"}}, anna))["people"];
  ASSERT_EQ(by_name.size(), 1u);
  EXPECT_EQ(by_name[0]["name"], "Bob de Vries");
  EXPECT_EQ(body_of(post("/api/people", {{"query", "BOB@LINDE"}}, anna))["people"].size(), 1u);
  // Not oneself, not another organisation, and % or _ are letters, not wildcards.
  EXPECT_EQ(body_of(post("/api/people", {{"query", "anna"}}, anna))["people"].size(), 0u);
  EXPECT_EQ(body_of(post("/api/people", {{"query", "eve"}}, anna))["people"].size(), 0u);
  EXPECT_EQ(body_of(post("/api/people", {{"query", "%"}}, anna))["people"].size(), 0u);
  EXPECT_EQ(post("/api/people", {{"query", "  "}}, anna).result_int(), 400);
}

TEST_F(Contacts, ARequestBecomesAContactOnBothSidesWhenAccepted) {
  auto asked = post("/api/contacts/request", {{"account_id", bob_id}}, anna);
  ASSERT_EQ(asked.result_int(), 200) << asked.body();
  EXPECT_EQ(body_of(asked)["contact"], false);
  EXPECT_EQ(book(anna)["asked"][0]["name"], "Bob de Vries");
  EXPECT_EQ(book(anna)["contacts"].size(), 0u);  // only accepted contacts are in the list
  ASSERT_EQ(book(bob)["asking_me"].size(), 1u);
  EXPECT_EQ(book(bob)["asking_me"][0]["name"], "Anna Jansen");

  ASSERT_EQ(post("/api/contacts/answer", {{"account_id", anna_id}, {"accept", true}}, bob).result_int(), 200);
  EXPECT_EQ(book(anna)["contacts"][0]["name"], "Bob de Vries");
  EXPECT_EQ(book(bob)["contacts"][0]["name"], "Anna Jansen");
  EXPECT_EQ(book(bob)["asking_me"].size(), 0u);
  EXPECT_EQ(post("/api/contacts/request", {{"account_id", bob_id}}, anna).result_int(), 409);
}

TEST_F(Contacts, ADeclinedRequestLeavesNoContact) {
  post("/api/contacts/request", {{"account_id", bob_id}}, anna);
  ASSERT_EQ(post("/api/contacts/answer", {{"account_id", anna_id}, {"accept", false}}, bob).result_int(), 200);
  EXPECT_EQ(book(anna)["contacts"].size(), 0u);
  EXPECT_EQ(book(anna)["asked"].size(), 0u);
  auto again = post("/api/contacts/answer", {{"account_id", anna_id}, {"accept", true}}, bob);
  EXPECT_EQ(again.result_int(), 404);
  EXPECT_EQ(body_of(again)["error"], "no-request");
}

TEST_F(Contacts, AskingSomeoneWhoAskedUsMakesTheContactAtOnce) {
  post("/api/contacts/request", {{"account_id", bob_id}}, anna);
  auto crossed = post("/api/contacts/request", {{"account_id", anna_id}}, bob);
  EXPECT_EQ(body_of(crossed)["contact"], true);
  EXPECT_EQ(book(anna)["contacts"].size(), 1u);
  EXPECT_EQ(book(bob)["asked"].size(), 0u);
}

TEST_F(Contacts, OneselfAndAnotherOrganisationCannotBeAsked) {
  auto self = post("/api/contacts/request", {{"account_id", anna_id}}, anna);
  EXPECT_EQ(self.result_int(), 400);
  EXPECT_EQ(body_of(self)["error"], "contact-self");
  auto other = post("/api/contacts/request", {{"account_id", bob_id}}, eve);
  EXPECT_EQ(other.result_int(), 404);
  EXPECT_EQ(book(bob)["asking_me"].size(), 0u);
  EXPECT_EQ(post("/api/contacts/request", {{"account_id", 999999}}, anna).result_int(), 404);
  EXPECT_EQ(post("/api/contacts/request", {{"account_id", "1 OR 1=1"}}, anna).result_int(), 400);
}

TEST_F(Contacts, RemovingAContactTakesItFromBothListsAndTwiceSaysSo) {
  post("/api/contacts/request", {{"account_id", bob_id}}, anna);
  post("/api/contacts/answer", {{"account_id", anna_id}, {"accept", true}}, bob);
  ASSERT_EQ(post("/api/contacts/remove", {{"account_id", bob_id}}, anna).result_int(), 200);
  EXPECT_EQ(book(anna)["contacts"].size(), 0u);
  EXPECT_EQ(book(bob)["contacts"].size(), 0u);
  auto twice = post("/api/contacts/remove", {{"account_id", bob_id}}, anna);
  EXPECT_EQ(twice.result_int(), 404);
  EXPECT_EQ(body_of(twice)["error"], "not-a-contact");
}

TEST_F(Contacts, ContactsOutliveARestart) {
  post("/api/contacts/request", {{"account_id", bob_id}}, anna);
  post("/api/contacts/answer", {{"account_id", anna_id}, {"accept", true}}, bob);
  restart();
  EXPECT_EQ(book(anna)["contacts"][0]["name"], "Bob de Vries");
}

}  // namespace
}  // namespace treff::test
