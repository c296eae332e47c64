// A treff-server with accounts (--data in a temporary folder), and the steps every accounts test
// needs: make an account with the admin command, set its password through the invitation, log in.
#pragma once

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include <memory>
#include <string>
#include <vector>

#include "http_client.h"
#include "server_process.h"
#include "../unit/server/temp_folder.h"

namespace treff::test {

namespace http = boost::beast::http;
using nlohmann::json;

inline const std::string kGoodPassword = "tulpen in de zon";

// `treff-server user add`: the invitation token of the link it prints.
inline std::string add_user(const std::string& data, const std::string& email, const std::string& name,
                            const std::string& extra = "") {
  auto [status, out] = run_server_command("user add --data " + data + " --email " + email + " --name '" + name + "' " + extra);
  EXPECT_EQ(status, 0) << out;
  const auto at = out.find("/invite#");
  if (at == std::string::npos) return "";
  return out.substr(at + 8, 43);
}

inline json body_of(const HttpResponse& r) { return json::parse(r.body(), nullptr, false); }

class Accounts : public ::testing::Test {
 protected:
  // Makes the account and sets its password through the invitation; returns the session cookie.
  std::string enrol(const std::string& email, const std::string& name, const std::string& extra = "") {
    const std::string token = add_user(data.str(), email, name, extra);
    auto accepted = api(server->port(), http::verb::post, "/api/invitation/accept",
                        json{{"token", token}, {"password", kGoodPassword}}.dump());
    EXPECT_EQ(accepted.result_int(), 200) << accepted.body();
    return cookie_of(accepted);
  }
  HttpResponse login(const std::string& email, const std::string& password) {
    return api(server->port(), http::verb::post, "/api/login", json{{"email", email}, {"password", password}}.dump());
  }
  std::int64_t id_of(const std::string& cookie) {
    return body_of(api(server->port(), http::verb::get, "/api/me", "", cookie))["account"]["id"].get<std::int64_t>();
  }
  HttpResponse post(const std::string& target, const json& body, const std::string& cookie) {
    return api(server->port(), http::verb::post, target, body.dump(), cookie);
  }
  void restart() {
    server.reset();
    server = std::make_unique<ServerProcess>(std::vector<std::string>{"--data", data.str()});
  }
  TempFolder data;
  std::unique_ptr<ServerProcess> server = std::make_unique<ServerProcess>(std::vector<std::string>{"--data", data.str()});
};

// Three logged-in people: Anna and Bob of one organisation, Eve of another.
class TwoOrganisations : public Accounts {
 protected:
  void SetUp() override {
    anna = enrol("anna@linde.nl", "Anna Jansen", "--organisation 'De Linde'");
    bob = enrol("bob@linde.nl", "Bob de Vries", "--organisation 'De Linde'");
    eve = enrol("eve@elders.nl", "Eve", "--organisation Elders");
    anna_id = id_of(anna);
    bob_id = id_of(bob);
  }
  std::string anna, bob, eve;  // session cookies
  std::int64_t anna_id = 0, bob_id = 0;
};

}  // namespace treff::test
