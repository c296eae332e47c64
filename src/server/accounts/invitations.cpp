#include "server/accounts/invitations.h"

#include "server/accounts/secret_tokens.h"

namespace treff::server {

Result<Invitation> make_invitation(AccountStore& store, std::int64_t account_id, std::int64_t now,
                                   std::int64_t valid_days) {
  Invitation invitation{new_secret_token(), now + valid_days * 24 * 3600};
  if (auto added = store.add_invitation(account_id, token_digest(invitation.token), now, invitation.expires_at); !added)
    return added.error();
  return invitation;
}

std::string invitation_link(const std::string& base_url, const std::string& token) {
  std::string base = base_url;
  while (!base.empty() && base.back() == '/') base.pop_back();
  return base + "/invite#" + token;
}

}  // namespace treff::server
