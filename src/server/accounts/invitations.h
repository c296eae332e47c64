// Making an invitation: a one-time link with which an invited person sets their password. Used by
// the admin's command line and by admins in the client.
#pragma once

#include <cstdint>
#include <string>

#include "core/result.h"
#include "server/accounts/account_store.h"

namespace treff::server {

constexpr std::int64_t kDefaultInvitationDays = 3;

struct Invitation {
  std::string token;  // goes into the link only; the store keeps its digest
  std::int64_t expires_at = 0;
};

Result<Invitation> make_invitation(AccountStore& store, std::int64_t account_id, std::int64_t now,
                                   std::int64_t valid_days = kDefaultInvitationDays);

// The link: `<base_url>/invite#<token>`. In the fragment, so that the token reaches no server log
// and no Referer header; the client reads it and sends it in a request body.
std::string invitation_link(const std::string& base_url, const std::string& token);

}  // namespace treff::server
