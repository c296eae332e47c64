#include "core/server_list.h"

#include <gtest/gtest.h>

namespace treff {
namespace {

TEST(ServerList, ReadsNameUrlAndDescription) {
  auto list = parse_server_list(R"([{"name":"Buurthuis","url":"https://treff.buurt.nl/","description":"Voor de wijk"},
                                    {"name":"Local","url":"http://127.0.0.1:8081"}])");
  ASSERT_TRUE(list) << list.error().message;
  ASSERT_EQ(list.value().size(), 2u);
  EXPECT_EQ(list.value()[0].url, "https://treff.buurt.nl");
  EXPECT_EQ(list.value()[1].description, "");
  EXPECT_EQ(parse_server_list(server_list_json(list.value())).value()[0].name, "Buurthuis");
}

TEST(ServerList, SaysWhichEntryIsWrong) {
  EXPECT_EQ(parse_server_list("{").error().code, "bad-server-list");
  EXPECT_EQ(parse_server_list(R"({"name":"x"})").error().message, "servers.json must be a JSON array of servers.");
  const auto path = parse_server_list(R"([{"name":"A","url":"https://a.org"},{"name":"B","url":"https://b.org/treff"}])");
  EXPECT_NE(path.error().message.find("entry 2: the url"), std::string::npos) << path.error().message;
  EXPECT_FALSE(parse_server_list(R"([{"name":"","url":"https://a.org"}])"));
  EXPECT_FALSE(parse_server_list(R"([{"name":"A","url":"ftp://a.org"}])"));
  EXPECT_FALSE(parse_server_list(R"([{"name":"A","url":"https://a.org","description":7}])"));
  EXPECT_FALSE(parse_server_list(R"([{"name":"A","url":"https://a.org","description":")" + std::string(201, 'x') + "\"}]"));
}

TEST(ServerList, UrlsAreOriginsOnly) {
  EXPECT_EQ(normalize_server_url("https://a.org"), "https://a.org");
  EXPECT_EQ(normalize_server_url("http://[::1]:8080/"), "http://[::1]:8080");
  EXPECT_EQ(normalize_server_url("https://a.org/?x"), "");
  EXPECT_EQ(normalize_server_url("https://user@a.org"), "");
  EXPECT_EQ(normalize_server_url("javascript:alert(1)"), "");
  EXPECT_EQ(signaling_url_of("https://a.org"), "wss://a.org/ws");
  EXPECT_EQ(signaling_url_of("http://127.0.0.1:8081"), "ws://127.0.0.1:8081/ws");
}

TEST(ServerList, AJanusEntryNamesItsWebSocket) {
  auto list = parse_server_list(R"([{"name":"Zorg","kind":"janus","url":"wss://media.zorg.nl/janus"},
                                    {"name":"Local","kind":"treff","url":"http://127.0.0.1:8081"}])");
  ASSERT_TRUE(list) << list.error().message;
  EXPECT_EQ(list.value()[0].kind, ServerKind::Janus);
  EXPECT_EQ(signaling_url_of(list.value()[0]), "wss://media.zorg.nl/janus") << "Janus's socket as it is";
  EXPECT_EQ(signaling_url_of(list.value()[1]), "ws://127.0.0.1:8081/ws");
  const auto again = parse_server_list(server_list_json(list.value()));
  ASSERT_TRUE(again);
  EXPECT_EQ(again.value()[0].kind, ServerKind::Janus) << "the kind survives the server's copy";
  EXPECT_EQ(again.value()[1].kind, ServerKind::Treff);
  const auto kind = parse_server_list(R"([{"name":"A","kind":"sfu","url":"wss://a.org"}])");
  EXPECT_NE(kind.error().message.find("the kind must be"), std::string::npos);
  EXPECT_FALSE(parse_server_list(R"([{"name":"A","kind":"janus","url":"https://a.org"}])"));
  EXPECT_EQ(normalize_janus_url("ws://127.0.0.1:8188"), "ws://127.0.0.1:8188");
  EXPECT_EQ(normalize_janus_url("wss://a.org/janus?x=1"), "");
  EXPECT_EQ(normalize_janus_url("wss://a.org/ja nus"), "");
  EXPECT_EQ(normalize_janus_url("wss:///janus"), "");
}

}  // namespace
}  // namespace treff
