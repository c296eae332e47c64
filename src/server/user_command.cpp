#include "server/user_command.h"

#include <CLI/CLI.hpp>

#include <cstdio>
#include <ctime>
#include <string>

#include "core/account_rules.h"
#include "core/text_rules.h"
#include "server/accounts/account_store.h"
#include "server/accounts/invitations.h"

namespace treff::server {
namespace {

std::string local_time(std::int64_t t) {
  if (t == 0) return "never";
  const std::time_t tt = static_cast<std::time_t>(t);
  char text[32];
  std::strftime(text, sizeof text, "%Y-%m-%d %H:%M", std::localtime(&tt));
  return text;
}

int fail(const std::string& message) {
  std::fprintf(stderr, "treff-server user: %s\n", message.c_str());
  return 1;
}

void print_invitation(const Account& a, const Invitation& invitation, const std::string& url) {
  std::printf("Invitation for %s <%s>, valid until %s. Send this link to them; it works once:\n%s\n",
              a.display_name.c_str(), a.email.c_str(), local_time(invitation.expires_at).c_str(),
              invitation_link(url, invitation.token).c_str());
}

}  // namespace

int run_user_command(int argc, char** argv) {
  CLI::App app{"treff-server user: make, list and remove accounts (people log in with e-mail address and password)"};
  app.require_subcommand(1);
  std::string data = "treff-data";
  std::string url = "http://localhost:8080";
  std::int64_t valid_days = kDefaultInvitationDays;
  std::string email, name, organisation;
  bool admin = false;
  auto add_common = [&](CLI::App* cmd) {
    cmd->add_option("--data", data, "The server's data folder")->capture_default_str();
  };
  auto add_link = [&](CLI::App* cmd) {
    cmd->add_option("--url", url, "Address people open the server at, for the invitation link")->capture_default_str();
    cmd->add_option("--valid-days", valid_days, "Days the invitation link works")->check(CLI::Range(1, 30))->capture_default_str();
  };
  auto* add = app.add_subcommand("add", "Make an account and print its invitation link");
  add_common(add);
  add_link(add);
  add->add_option("--email", email, "E-mail address (the log-in name)")->required();
  add->add_option("--name", name, "Name shown to others")->required();
  add->add_option("--organisation", organisation, "Organisation: people find each other within it");
  add->add_flag("--admin", admin, "May make invitations in the client");
  auto* list = app.add_subcommand("list", "List the accounts");
  add_common(list);
  auto* remove = app.add_subcommand("remove", "Remove an account with its contacts and photo");
  add_common(remove);
  remove->add_option("--email", email, "E-mail address of the account")->required();
  auto* reset = app.add_subcommand("reset-password",
                                   "Forget an account's password, log it out everywhere, and print a new invitation link");
  add_common(reset);
  add_link(reset);
  reset->add_option("--email", email, "E-mail address of the account")->required();
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    return app.exit(e);
  }

  auto opened = AccountStore::open(data);
  if (!opened) return fail(data + ": " + opened.error().message);
  AccountStore& store = *opened.value();
  const std::int64_t now = unix_now();

  if (add->parsed()) {
    auto checked_email = check_email(email);
    if (!checked_email) return fail(checked_email.error().message);
    auto checked_name = check_display_name(name);
    if (!checked_name) return fail(checked_name.error().message);
    auto checked_org = check_organisation(organisation);
    if (!checked_org) return fail(checked_org.error().message);
    auto account = store.add_account({checked_email.value(), checked_name.value(), checked_org.value(),
                                      admin ? Role::Admin : Role::Member},
                                     now);
    if (!account) return fail(account.error().message);
    auto invitation = make_invitation(store, account.value().id, now, valid_days);
    if (!invitation) {
      store.remove_account(account.value().id);  // an account nobody can enter is of no use
      return fail(invitation.error().message);
    }
    print_invitation(account.value(), invitation.value(), url);
    return 0;
  }
  if (list->parsed()) {
    auto accounts = store.list_accounts();
    if (!accounts) return fail(accounts.error().message);
    if (accounts.value().empty()) std::printf("No accounts yet. Make one: treff-server user add --email ... --name ...\n");
    for (const auto& a : accounts.value()) {
      std::printf("%-32s  %-24s  %-20s  %-6s  %-16s  last seen %s\n", a.email.c_str(), a.display_name.c_str(),
                  a.organisation.c_str(), role_name(a.role), a.has_password ? "password set" : "invited",
                  local_time(a.last_seen_at).c_str());
    }
    return 0;
  }
  auto account = store.account_by_email(trim_spaces(email));
  if (!account) return fail(account.error().code == "no-account" ? "There is no account with the e-mail address " + email + "."
                                                                  : account.error().message);
  if (remove->parsed()) {
    if (auto removed = store.remove_account(account.value().id); !removed) return fail(removed.error().message);
    std::printf("Removed the account of %s <%s>.\n", account.value().display_name.c_str(), account.value().email.c_str());
    return 0;
  }
  // reset-password
  if (auto cleared = store.clear_password(account.value().id); !cleared) return fail(cleared.error().message);
  auto invitation = make_invitation(store, account.value().id, now, valid_days);
  if (!invitation) return fail(invitation.error().message);
  print_invitation(account.value(), invitation.value(), url);
  return 0;
}

}  // namespace treff::server
