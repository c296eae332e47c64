// Calling a contact against the real treff-server binary: presence over WebSockets authenticated by
// the session cookie, a ring from one account to another, its private room, and what the server
// refuses (a stranger, a guest, someone who is not a contact).
#include "account_fixture.h"
#include "ws_client.h"

#include <chrono>

namespace treff::test {
namespace {

class Calling : public TwoOrganisations {
 protected:
  void SetUp() override {
    TwoOrganisations::SetUp();
    befriend(anna, bob, bob_id, anna_id);
  }
  void befriend(const std::string& asker, const std::string& asked, std::int64_t asked_id, std::int64_t asker_id) {
    ASSERT_EQ(post("/api/contacts/request", {{"account_id", asked_id}}, asker).result_int(), 200);
    ASSERT_EQ(post("/api/contacts/answer", {{"account_id", asker_id}, {"accept", true}}, asked).result_int(), 200);
  }
  // A connection of the page, logged in by `cookie` ("" for a guest).
  std::unique_ptr<WsClient> connect(const std::string& cookie) {
    auto ws = std::make_unique<WsClient>(server->port(), "/ws", "http://127.0.0.1:" + std::to_string(server->port()), "", cookie);
    ws->send(json{{"v", 1}, {"type", "hello"}, {"agent", "test"}});
    EXPECT_EQ(ws->next()["type"], "hello");
    return ws;
  }
  // A line: a connection that watches its contacts; returns it with its first presence list read.
  std::unique_ptr<WsClient> line(const std::string& cookie, json* list = nullptr) {
    auto ws = connect(cookie);
    ws->send(json{{"v", 1}, {"type", "watch"}});
    json first = ws->next();
    EXPECT_EQ(first["type"], "presence") << first.dump();
    EXPECT_EQ(first["complete"], true);
    if (list) *list = first;
    return ws;
  }
  // The next message of `type` within `ms`, skipping others (heartbeats of the server).
  static json next_of(WsClient& ws, const std::string& type, int ms = 2000) {
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::milliseconds(ms);
    for (;;) {
      const int left = static_cast<int>(std::chrono::duration_cast<std::chrono::milliseconds>(deadline - std::chrono::steady_clock::now()).count());
      if (left <= 0) return json();
      auto text = ws.receive(left);
      if (!text) return json();
      json m = json::parse(*text, nullptr, false);
      if (m.value("type", "") == type) return m;
    }
  }
  static json join_message(const std::string& room, const std::string& name) {
    return json{{"v", 1}, {"type", "join"}, {"room", room}, {"name", name}, {"mic", true}, {"camera", true}};
  }
};

TEST_F(Calling, AContactsPresenceChangesReachTheLineWithinTwoSeconds) {
  json list;
  auto anna_line = line(anna, &list);
  ASSERT_EQ(list["entries"].size(), 1u) << list.dump();  // Bob: her only contact
  EXPECT_EQ(list["entries"][0]["account"], bob_id);
  EXPECT_EQ(list["entries"][0]["state"], "offline");

  auto bob_line = line(bob);
  json online = next_of(*anna_line, "presence");
  ASSERT_FALSE(online.is_null()) << "Bob's login was not told within 2 s";
  EXPECT_EQ(online["entries"][0]["state"], "online");
  EXPECT_EQ(online["complete"], false);

  auto bob_second_tab = line(bob);  // online once: nothing new to tell
  auto bob_call = connect(bob);
  bob_call->send(join_message("koffie", "Bob"));
  EXPECT_EQ(next_of(*bob_call, "joined")["type"], "joined");
  json in_call = next_of(*anna_line, "presence");
  EXPECT_EQ(in_call["entries"][0]["state"], "in-call") << in_call.dump();
  bob_call->send(json{{"v", 1}, {"type", "leave"}});
  EXPECT_EQ(next_of(*anna_line, "presence")["entries"][0]["state"], "online");

  bob_line->say_goodbye();
  EXPECT_TRUE(next_of(*anna_line, "presence", 700).is_null()) << "the second tab keeps Bob online";
  bob_second_tab->say_goodbye();  // the tab is closed
  EXPECT_EQ(next_of(*anna_line, "presence")["entries"][0]["state"], "offline");
}

TEST_F(Calling, ARingIsAnsweredAndBothMeetInItsPrivateRoom) {
  auto anna_line = line(anna);
  auto bob_line = line(bob);
  auto bob_phone = line(bob);
  next_of(*anna_line, "presence");
  anna_line->send(json{{"v", 1}, {"type", "ring"}, {"callees", {bob_id}}, {"audioOnly", false}});
  json progress = next_of(*anna_line, "ring-state");
  ASSERT_FALSE(progress.is_null());
  const std::string ring = progress["ring"], room = progress["room"];
  EXPECT_EQ(progress["callees"][0]["state"], "ringing");
  EXPECT_GT(progress["callees"][0]["msLeft"].get<int>(), 25000);

  json ringing = next_of(*bob_line, "ringing");
  EXPECT_EQ(ringing["callerName"], "Anna Jansen");
  EXPECT_EQ(ringing["caller"], anna_id);
  EXPECT_EQ(next_of(*bob_phone, "ringing")["ring"], ring) << "both of Bob's devices ring";

  // The caller is in the call already; strangers and guests are kept out.
  auto anna_call = connect(anna);
  anna_call->send(join_message(room, "Anna"));
  EXPECT_EQ(next_of(*anna_call, "joined")["room"], room);
  auto eve_call = connect(eve);
  eve_call->send(join_message(room, "Eve"));
  EXPECT_EQ(next_of(*eve_call, "error")["code"], "private-call");
  auto guest = connect("");
  guest->send(join_message(room, "Gast"));
  EXPECT_EQ(next_of(*guest, "error")["code"], "private-call");

  bob_phone->send(json{{"v", 1}, {"type", "ring-answer"}, {"ring", ring}});
  json answered = next_of(*bob_phone, "ring-over");
  EXPECT_EQ(answered["reason"], "answered");
  EXPECT_EQ(answered["room"], room);
  EXPECT_EQ(next_of(*bob_line, "ring-over")["reason"], "answered-elsewhere");
  json over = next_of(*anna_line, "ring-state");
  EXPECT_EQ(over["over"], true);
  EXPECT_EQ(over["callees"][0]["state"], "answered");

  auto bob_call = connect(bob);
  bob_call->send(join_message(room, "Bob"));
  json joined = next_of(*bob_call, "joined");
  ASSERT_EQ(joined["peers"].size(), 1u) << joined.dump();
  EXPECT_EQ(next_of(*anna_call, "peer-joined")["peer"]["name"], "Bob");

  // A second "Opnemen" is told the call has been answered; nothing else happens.
  bob_line->send(json{{"v", 1}, {"type", "ring-answer"}, {"ring", ring}});
  EXPECT_EQ(next_of(*bob_line, "error")["code"], "ring-over");
}

TEST_F(Calling, OnlyContactsCanBeRungAndOnlyByLoggedInPeople) {
  auto anna_line = line(anna);
  auto eve_line = line(eve);
  anna_line->send(json{{"v", 1}, {"type", "ring"}, {"callees", {id_of(eve)}}, {"audioOnly", false}});
  json refused = next_of(*anna_line, "error");
  EXPECT_EQ(refused["code"], "not-a-contact");
  EXPECT_EQ(refused["message"], "You can only call people in your contact list.");
  EXPECT_TRUE(next_of(*eve_line, "ringing", 500).is_null());
  anna_line->send(json{{"v", 1}, {"type", "ring"}, {"callees", {anna_id}}, {"audioOnly", false}});
  EXPECT_EQ(next_of(*anna_line, "error")["code"], "ring-self");

  auto guest = connect("");
  guest->send(json{{"v", 1}, {"type", "watch"}});
  EXPECT_EQ(next_of(*guest, "error")["code"], "not-logged-in");
  guest->send(json{{"v", 1}, {"type", "ring"}, {"callees", {bob_id}}, {"audioOnly", false}});
  EXPECT_EQ(next_of(*guest, "error")["code"], "not-logged-in");
}

TEST(CallingTimeout, AnUnansweredRingEndsOnBothSidesWhenItsTimeIsUp) {
  TempFolder data;
  ServerProcess server({"--data", data.str(), "--ring-seconds", "5"});
  auto enrol = [&](const std::string& email, const std::string& name) {
    const std::string token = add_user(data.str(), email, name, "--organisation Linde");
    return cookie_of(api(server.port(), http::verb::post, "/api/invitation/accept",
                         json{{"token", token}, {"password", kGoodPassword}}.dump()));
  };
  const std::string anna = enrol("anna@linde.nl", "Anna"), bob = enrol("bob@linde.nl", "Bob");
  const auto id = [&](const std::string& cookie) {
    return body_of(api(server.port(), http::verb::get, "/api/me", "", cookie))["account"]["id"].get<std::int64_t>();
  };
  api(server.port(), http::verb::post, "/api/contacts/request", json{{"account_id", id(bob)}}.dump(), anna);
  api(server.port(), http::verb::post, "/api/contacts/answer", json{{"account_id", id(anna)}, {"accept", true}}.dump(), bob);
  const std::string origin = "http://127.0.0.1:" + std::to_string(server.port());
  WsClient anna_line(server.port(), "/ws", origin, "", anna), bob_line(server.port(), "/ws", origin, "", bob);
  for (WsClient* ws : {&anna_line, &bob_line}) {
    ws->send(json{{"v", 1}, {"type", "watch"}});
    EXPECT_EQ(ws->next()["type"], "presence");
  }
  anna_line.next();  // Bob came online
  anna_line.send(json{{"v", 1}, {"type", "ring"}, {"callees", {id(bob)}}, {"audioOnly", true}});
  EXPECT_EQ(anna_line.next()["callees"][0]["msLeft"].get<int>() > 4000, true);
  json ringing = bob_line.next();
  EXPECT_EQ(ringing["audioOnly"], true);
  EXPECT_EQ(ringing["msLeft"], 5000);
  const auto start = std::chrono::steady_clock::now();
  json over = bob_line.next(8000);
  const auto waited = std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - start).count();
  EXPECT_EQ(over["type"], "ring-over");
  EXPECT_EQ(over["reason"], "timed-out");
  EXPECT_GE(waited, 4000) << "not before its time";
  json end = anna_line.next();
  EXPECT_EQ(end["over"], true);
  EXPECT_EQ(end["callees"][0]["state"], "timed-out");
}

}  // namespace
}  // namespace treff::test
