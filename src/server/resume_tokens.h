// Resume tokens: proof that a connection may take a seat again (same room, same participant id)
// after its signaling connection broke, or after the server restarted.
//
// A token is "<id>.<mac>", the MAC an HMAC-SHA256 of room and id under a key only the server knows.
// The key lives in the server's state folder, so a restarted server still recognises the tokens
// it handed out and a call's people come back under the ids their peer connections belong to.
#pragma once

#include <optional>
#include <string>

#include "core/result.h"

namespace treff::server {

class ResumeTokens {
 public:
  explicit ResumeTokens(std::string key) : key_(std::move(key)) {}
  // A key that only this process knows: tokens do not outlive it.
  static ResumeTokens ephemeral();

  std::string issue(const std::string& room, const std::string& id) const;
  // The id the token was issued for in `room`; nullopt for a token of another room, key or shape.
  std::optional<std::string> check(const std::string& room, const std::string& token) const;

 private:
  std::string mac(const std::string& room, const std::string& id) const;
  std::string key_;
};

// The key in `folder`/resume.key, made (random, readable by the owner only) when missing.
Result<std::string> load_or_create_resume_key(const std::string& folder);

// Where treff-server keeps what outlives a restart when --state-dir is not given:
// $XDG_STATE_HOME/treff-server, else ~/.local/state/treff-server; "" when neither is known.
std::string default_state_folder();

}  // namespace treff::server
