#include "app/server_choice.h"

#include <gtest/gtest.h>

namespace treff {
namespace {

constexpr const char* kList =
    R"([{"name":"Buurthuis","url":"https://treff.buurt.nl","description":"Voor de wijk"},
        {"name":"Self","url":"https://here.org"}])";

TEST(ServerChoice, ThePagesServerComesFirstAndTheListAfterIt) {
  ServerChoice c("https://here.org", "");
  EXPECT_TRUE(c.ready());
  c.set_list(kList);
  ASSERT_EQ(c.servers().size(), 2u) << "the page's own server is not listed twice";
  EXPECT_EQ(c.signaling_url(), "wss://here.org/ws");
  EXPECT_EQ(c.link_query(), "");
  c.choose_next();
  EXPECT_EQ(c.current().name, "Buurthuis");
  EXPECT_EQ(c.signaling_url(), "wss://treff.buurt.nl/ws");
  EXPECT_EQ(c.link_query(), "?server=https%3A%2F%2Ftreff.buurt.nl");
  c.choose_next();
  EXPECT_TRUE(c.is_page_server());
}

TEST(ServerChoice, ALinkToAListedServerIsFollowedOnceTheListIsKnown) {
  ServerChoice c("https://here.org", "https://treff.buurt.nl/");
  EXPECT_FALSE(c.ready()) << "not before servers.json says whether it may";
  EXPECT_FALSE(c.may_connect());
  c.set_list(kList);
  EXPECT_TRUE(c.ready());
  EXPECT_EQ(c.refused(), "");
  EXPECT_TRUE(c.may_connect());
  EXPECT_EQ(c.current().name, "Buurthuis");
}

TEST(ServerChoice, ALinkToAServerNotInTheListIsRefused) {
  ServerChoice c("https://here.org", "https://evil.example");
  c.set_list(kList);
  EXPECT_EQ(c.refused(), "https://evil.example");
  EXPECT_FALSE(c.may_connect());
  EXPECT_TRUE(c.is_page_server());
  ServerChoice broken("https://here.org", "https://treff.buurt.nl");
  broken.set_list("not json");  // the list could not be read: nothing but the page's server
  EXPECT_EQ(broken.refused(), "https://treff.buurt.nl");
  ServerChoice own("https://here.org", "https://here.org/");
  EXPECT_TRUE(own.ready()) << "a link naming the page's own server needs no list";
}

}  // namespace
}  // namespace treff
