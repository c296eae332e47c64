#include "server/account_api.h"

#include <nlohmann/json.hpp>

#include "core/account_rules.h"
#include "server/accounts/api_requests.h"
#include "server/accounts/photo_check.h"
#include "server/accounts/invitations.h"
#include "server/accounts/secret_tokens.h"
#include "server/accounts/session_cookie.h"
#include "server/accounts/store_contact_directory.h"
#include "server/accounts/voice_message_check.h"
#include "server/argon2_vault.h"

namespace treff::server {
namespace {

using nlohmann::json;

json account_json(const Account& a) {
  return {{"id", a.id},       {"email", a.email},           {"name", a.display_name}, {"organisation", a.organisation},
          {"phone", a.phone}, {"about", a.about},           {"role", role_name(a.role)},
          {"photo_version", a.photo_version}};
}

// The HTTP status that goes with an error code of the store or the rules.
http::status status_for(const std::string& code) {
  if (code == "not-logged-in" || code == "login-failed" || code == "wrong-password") return http::status::unauthorized;
  if (code == "forbidden") return http::status::forbidden;
  if (code == "no-account" || code == "not-found" || code == "not-a-contact" || code == "no-request")
    return http::status::not_found;
  if (code == "photo-too-large" || code == "too-large" || code == "voice-message-too-long")
    return http::status::payload_too_large;
  if (code == "email-taken" || code == "conflict" || code == "already-contact" || code == "mailbox-full")
    return http::status::conflict;
  if (code.rfind("invitation-", 0) == 0) return http::status::gone;
  if (code == "too-many-attempts") return http::status::too_many_requests;
  if (code.rfind("storage_", 0) == 0 || code == "busy") return http::status::service_unavailable;
  return http::status::bad_request;
}

const Error kBusy{"busy", "The server is busy; please try again in a moment."};

}  // namespace

struct AccountApi::Call {
  Request request;
  std::string client;
  Respond respond;
  json body;
  std::string session_hash;  // digest of the cookie's token, "" without one

  void answer(http::status status, const json& payload, const std::string& set_cookie = "") {
    answer_bytes(status, "application/json", "no-store", payload.dump(-1, ' ', false, json::error_handler_t::replace),
                 set_cookie);
  }
  void answer_bytes(http::status status, const char* type, const char* caching, std::string content,
                    const std::string& set_cookie = "") {
    TextResponse res{status, request.version()};
    res.set(http::field::server, "treff-server");
    res.set(http::field::content_type, type);
    res.set(http::field::cache_control, caching);
    if (!set_cookie.empty()) res.set(http::field::set_cookie, set_cookie);
    res.keep_alive(request.keep_alive());
    res.body() = std::move(content);
    res.prepare_payload();
    respond(std::move(res));
  }
  void fail(const Error& e, const std::string& set_cookie = "") {
    answer(status_for(e.code), {{"error", e.code}, {"message", e.message}}, set_cookie);
  }
};

AccountApi::AccountApi(AccountWorker& worker, PasswordVault& vault, const OriginPolicy& origins, AccountApiOptions options)
    : worker_(worker), vault_(vault), origins_(origins), options_(options),
      decoy_hash_(Argon2Vault::hash_now(new_secret_token())) {}

template <class T>
void AccountApi::store_job(std::shared_ptr<Call> call, std::function<Result<T>(AccountStore&)> job,
                           std::function<void(std::shared_ptr<Call>, T)> then) {
  const bool queued = worker_.run<Result<T>>(std::move(job), [call, then = std::move(then)](Result<T> result) {
    if (!result) return call->fail(result.error());
    then(call, std::move(result).value());
  });
  if (!queued) call->fail(kBusy);
}

void AccountApi::handle(const Request& request, const std::string& client, Respond respond) {
  auto call = std::make_shared<Call>(Call{request, client, std::move(respond), {}, {}});
  const std::string token = session_token_from_cookies(request[http::field::cookie]);
  if (!token.empty()) call->session_hash = token_digest(token);
  const std::string_view target = request.target();
  const auto verb = request.method();

  if (verb != http::verb::get && verb != http::verb::head) {
    if (!origins_.allows(request))
      return call->fail({"forbidden", "This origin may not use this server."});
    if (target == "/api/me/photo" && verb == http::verb::put) {
      if (request[http::field::content_type] != "image/jpeg")
        return call->fail({"bad-photo", "Send the photo as a JPEG (Content-Type: image/jpeg)."});
      return set_photo(call);
    }
    if (target.substr(0, 14) == "/api/messages/" && verb == http::verb::put) {
      if (request[http::field::content_type] != "audio/ogg")
        return call->fail({"bad-voice-message", "Send the voice message as Ogg Opus (Content-Type: audio/ogg)."});
      auto to = read_target_id(target, "/api/messages/", "There is no such person.");
      if (!to) return call->fail(to.error());
      return leave_voice_message(call, to.value());
    }
    if (request[http::field::content_type].substr(0, 16) != "application/json")
      return call->fail({"bad-request", "Send JSON (Content-Type: application/json)."});
    auto body = read_json_object(request.body());
    if (!body) return call->fail(body.error());
    call->body = std::move(body).value();
  }

  struct Route {
    http::verb verb;
    std::string_view target;
    void (AccountApi::*handler)(std::shared_ptr<Call>);
  };
  static const Route routes[] = {
      {http::verb::post, "/api/login", &AccountApi::login},
      {http::verb::get, "/api/me", &AccountApi::me},
      {http::verb::patch, "/api/me", &AccountApi::change_details},
      {http::verb::post, "/api/me/password", &AccountApi::change_password},
      {http::verb::post, "/api/invitation/check", &AccountApi::check_invitation},
      {http::verb::post, "/api/invitation/accept", &AccountApi::accept_invitation},
      {http::verb::post, "/api/invitations", &AccountApi::invite},
      {http::verb::post, "/api/people", &AccountApi::find_people},
      {http::verb::get, "/api/contacts", &AccountApi::contacts},
      {http::verb::get, "/api/organisation", &AccountApi::organisation},
      {http::verb::post, "/api/contacts/request", &AccountApi::request_contact},
      {http::verb::post, "/api/contacts/answer", &AccountApi::answer_contact_request},
      {http::verb::post, "/api/contacts/remove", &AccountApi::remove_contact},
      {http::verb::get, "/api/messages", &AccountApi::voice_messages},
      {http::verb::post, "/api/messages/remove", &AccountApi::remove_voice_message},
  };
  for (const auto& route : routes) {
    if (route.target == target && route.verb == verb) return (this->*route.handler)(call);
  }
  if (verb == http::verb::get && target.substr(0, 12) == "/api/photos/") {
    auto id = read_photo_target(target);
    if (!id) return call->fail(id.error());
    return photo(call, id.value());
  }
  if (verb == http::verb::get && target.substr(0, 14) == "/api/messages/") {
    auto id = read_target_id(target, "/api/messages/", "There is no such voice message.");
    if (!id) return call->fail(id.error());
    return voice_message_audio(call, id.value());
  }
  if (target == "/api/logout" && verb == http::verb::post) return logout(call, false);
  if (target == "/api/logout-everywhere" && verb == http::verb::post) return logout(call, true);
  call->fail({"not-found", "There is no " + std::string(request.method_string()) + " " + std::string(target) + "."});
}

std::uint64_t AccountApi::body_limit(std::string_view target) {
  if (target == "/api/me/photo") return kMaxPhotoBytes;
  // Uploads go to /api/messages/<contact>; /api/messages/remove carries a little JSON.
  if (target.substr(0, 14) == "/api/messages/" && target != "/api/messages/remove") return kMaxVoiceMessageBytes;
  return 16 * 1024;
}

void AccountApi::account_of(const Request& request, std::function<void(std::optional<proto::SignedInAccount>)> done) {
  using Found = std::optional<proto::SignedInAccount>;
  const std::string token = session_token_from_cookies(request[http::field::cookie]);
  if (token.empty()) return done(std::nullopt);
  const std::string hash = token_digest(token);
  const auto idle = options_.session_idle_seconds;
  auto shared_done = std::make_shared<std::function<void(Found)>>(std::move(done));
  const bool queued = worker_.run<Found>(
      [hash, idle](AccountStore& store) -> Found {
        auto account = store.session_account(hash, unix_now(), idle);
        if (!account) return std::nullopt;
        return proto::SignedInAccount{static_cast<int>(account.value().id), account.value().display_name};
      },
      [shared_done](Found found) { (*shared_done)(std::move(found)); });
  if (!queued) (*shared_done)(std::nullopt);
}

void AccountApi::with_account(std::shared_ptr<Call> call, std::function<void(std::shared_ptr<Call>, Account)> then) {
  if (call->session_hash.empty()) return call->fail({"not-logged-in", "Please log in."}, ended_session_cookie());
  const auto idle = options_.session_idle_seconds;
  const std::string hash = call->session_hash;
  const bool queued = worker_.run<Result<Account>>(
      [hash, idle](AccountStore& store) { return store.session_account(hash, unix_now(), idle); },
      [call, then = std::move(then)](Result<Account> account) {
        if (!account) {
          const bool logged_out = account.error().code == "not-logged-in";
          return call->fail(account.error(), logged_out ? ended_session_cookie() : "");
        }
        then(call, std::move(account).value());
      });
  if (!queued) call->fail(kBusy);
}

void AccountApi::start_session(std::shared_ptr<Call> call, Account account) {
  const std::string token = new_secret_token();
  const auto idle = options_.session_idle_seconds;
  store_job<Account>(
      call,
      [hash = token_digest(token), account](AccountStore& store) -> Result<Account> {
        if (auto added = store.add_session(hash, account.id, unix_now()); !added) return added.error();
        return account;
      },
      [token, idle](std::shared_ptr<Call> c, Account a) {
        c->answer(http::status::ok, {{"account", account_json(a)}}, session_cookie(token, idle));
      });
}

void AccountApi::login(std::shared_ptr<Call> call) {
  auto read = read_login(call->body);
  if (!read) return call->fail(read.error());
  const std::string email = read.value().email, password = read.value().password;
  if (!login_limiter_.allow(call->client, ascii_lower(email)))
    return call->fail({"too-many-attempts", "Too many attempts to log in; please wait a minute and try again."});

  struct Found {
    std::optional<Account> account;
    std::string hash;
  };
  worker_.run<Found>(
      [email](AccountStore& store) {
        Found found;
        auto account = store.account_by_email(email);
        if (!account) return found;
        auto hash = store.password_hash(account.value().id);
        if (!hash || hash.value().empty()) return found;
        found.account = account.value();
        found.hash = hash.value();
        return found;
      },
      [this, call, password](Found found) {
        // An unknown address and an account without a password are checked against the decoy:
        // the same work and the same answer as a wrong password.
        const std::string hash = found.account ? found.hash : decoy_hash_;
        const bool queued = vault_.verify(hash, password, [this, call, found](bool matches) {
          if (!matches || !found.account)
            return call->fail({"login-failed", "The e-mail address or the password is not right."});
          start_session(call, *found.account);
        });
        if (!queued) call->fail(kBusy);
      });
}

void AccountApi::logout(std::shared_ptr<Call> call, bool everywhere) {
  if (!everywhere) {
    const std::string hash = call->session_hash;
    store_job<Ok>(
        call, [hash](AccountStore& store) { return hash.empty() ? Status(Ok{}) : store.remove_session(hash); },
        [](std::shared_ptr<Call> c, Ok) { c->answer(http::status::ok, json::object(), ended_session_cookie()); });
    return;
  }
  with_account(call, [this](std::shared_ptr<Call> c, Account a) {
    store_job<Ok>(
        c, [id = a.id](AccountStore& store) { return store.remove_sessions(id); },
        [](std::shared_ptr<Call> c2, Ok) { c2->answer(http::status::ok, json::object(), ended_session_cookie()); });
  });
}

void AccountApi::me(std::shared_ptr<Call> call) {
  with_account(call, [](std::shared_ptr<Call> c, Account a) { c->answer(http::status::ok, {{"account", account_json(a)}}); });
}

void AccountApi::change_details(std::shared_ptr<Call> call) {
  auto read = read_details(call->body);
  if (!read) return call->fail(read.error());
  const DetailsChange change = read.value();
  with_account(call, [this, change](std::shared_ptr<Call> c, Account a) {
    store_job<Account>(
        c, [id = a.id, change](AccountStore& store) { return store.update_details(id, change); },
        [](std::shared_ptr<Call> c2, Account updated) {
          c2->answer(http::status::ok, {{"account", account_json(updated)}});
        });
  });
}

void AccountApi::change_password(std::shared_ptr<Call> call) {
  auto read = read_password_change(call->body);
  if (!read) return call->fail(read.error());
  const std::string current = read.value().current, fresh = read.value().fresh;
  with_account(call, [this, current, fresh](std::shared_ptr<Call> c, Account a) {
    if (!login_limiter_.allow(c->client, ascii_lower(a.email)))
      return c->fail({"too-many-attempts", "Too many attempts; please wait a minute and try again."});
    store_job<std::string>(
        c, [id = a.id](AccountStore& store) { return store.password_hash(id); },
        [this, current, fresh, a](std::shared_ptr<Call> c2, std::string hash) {
          const bool queued = vault_.verify(hash, current, [this, c2, fresh, a](bool matches) {
            if (!matches) return c2->fail({"wrong-password", "The current password is not right."});
            const bool hashing = vault_.hash(fresh, [this, c2, a](std::string encoded) {
              if (encoded.empty()) return c2->fail(kBusy);
              store_job<Ok>(
                  c2,
                  [id = a.id, encoded, keep = c2->session_hash](AccountStore& store) {
                    return store.set_password(id, encoded, keep);
                  },
                  [](std::shared_ptr<Call> c3, Ok) { c3->answer(http::status::ok, json::object()); });
            });
            if (!hashing) c2->fail(kBusy);
          });
          if (!queued) c2->fail(kBusy);
        });
  });
}

void AccountApi::check_invitation(std::shared_ptr<Call> call) {
  auto read = read_invitation_use(call->body, false);
  if (!read) return call->fail(read.error());
  store_job<Account>(
      call, [hash = read.value().token_hash](AccountStore& store) { return store.invitation_account(hash, unix_now()); },
      [](std::shared_ptr<Call> c, Account a) {
        c->answer(http::status::ok, {{"email", a.email}, {"name", a.display_name}, {"organisation", a.organisation}});
      });
}

void AccountApi::accept_invitation(std::shared_ptr<Call> call) {
  auto read = read_invitation_use(call->body, true);
  if (!read) return call->fail(read.error());
  // Look first, so that a used link is not worth the hashing.
  store_job<Account>(
      call, [hash = read.value().token_hash](AccountStore& store) { return store.invitation_account(hash, unix_now()); },
      [this, password = read.value().password, hash = read.value().token_hash](std::shared_ptr<Call> c, Account) {
        const bool queued = vault_.hash(password, [this, c, hash](std::string encoded) {
          if (encoded.empty()) return c->fail(kBusy);
          store_job<Account>(
              c, [hash, encoded](AccountStore& store) { return store.redeem_invitation(hash, encoded, unix_now()); },
              [this](std::shared_ptr<Call> c2, Account a) { start_session(c2, a); });
        });
        if (!queued) c->fail(kBusy);
      });
}

void AccountApi::invite(std::shared_ptr<Call> call) {
  auto read = read_invite(call->body);
  if (!read) return call->fail(read.error());
  // The link points where the admin's page came from (the Origin the policy allowed), or, for a
  // client that sends no Origin, to the host it asked for.
  std::string origin(call->request[http::field::origin]);
  if (origin.empty()) origin = "https://" + std::string(call->request[http::field::host]);
  with_account(call, [this, origin, email = read.value().email, name = read.value().name](std::shared_ptr<Call> c,
                                                                                         Account admin) {
    if (admin.role != Role::Admin) return c->fail({"forbidden", "Only an admin may invite people."});
    store_job<Invitation>(
        c,
        [email, name, org = admin.organisation](AccountStore& store) -> Result<Invitation> {
          const auto now = unix_now();
          auto account = store.add_account({email, name, org, Role::Member}, now);
          if (!account) return account.error();
          auto invitation = make_invitation(store, account.value().id, now);
          if (!invitation) store.remove_account(account.value().id);
          return invitation;
        },
        [origin](std::shared_ptr<Call> c2, Invitation invitation) {
          c2->answer(http::status::ok,
                     {{"link", invitation_link(origin, invitation.token)}, {"expires_at", invitation.expires_at}});
        });
  });
}

void AccountApi::set_photo(std::shared_ptr<Call> call) {
  // Decoding is quick for 256x256 and bounded by the checks before it; it runs here, before any
  // database work, so that what is stored is always a photo.
  if (auto checked = check_photo(call->request.body()); !checked) return call->fail(checked.error());
  with_account(call, [this](std::shared_ptr<Call> c, Account a) {
    store_job<Account>(
        c, [id = a.id, jpeg = c->request.body()](AccountStore& store) { return store.set_photo(id, jpeg); },
        [](std::shared_ptr<Call> c2, Account updated) { c2->answer(http::status::ok, {{"account", account_json(updated)}}); });
  });
}

void AccountApi::photo(std::shared_ptr<Call> call, std::int64_t account_id) {
  with_account(call, [this, account_id](std::shared_ptr<Call> c, Account viewer) {
    store_job<std::string>(
        c, [viewer = viewer.id, account_id](AccountStore& store) { return store.photo_for(viewer, account_id); },
        [](std::shared_ptr<Call> c2, std::string jpeg) {
          // The URL carries the photo's version (?v=N): a new photo is a new URL. Private: only
          // for this person's browser, never a shared cache.
          c2->answer_bytes(http::status::ok, "image/jpeg", "private, max-age=31536000, immutable", std::move(jpeg));
        });
  });
}

namespace {

json people_json(const std::vector<Account>& people) {
  json list = json::array();
  for (const auto& p : people) {
    // Others see name, photo and what the person chose to tell; not when they were last seen.
    list.push_back({{"id", p.id}, {"email", p.email}, {"name", p.display_name}, {"organisation", p.organisation},
                    {"phone", p.phone}, {"about", p.about}, {"photo_version", p.photo_version}});
  }
  return list;
}

}  // namespace

void AccountApi::find_people(std::shared_ptr<Call> call) {
  auto query = read_people_query(call->body);
  if (!query) return call->fail(query.error());
  with_account(call, [this, query = query.value()](std::shared_ptr<Call> c, Account a) {
    store_job<std::vector<Account>>(
        c, [id = a.id, query](AccountStore& store) { return store.find_people(id, query, 20); },
        [](std::shared_ptr<Call> c2, std::vector<Account> people) {
          c2->answer(http::status::ok, {{"people", people_json(people)}});
        });
  });
}

void AccountApi::contacts(std::shared_ptr<Call> call) {
  with_account(call, [this](std::shared_ptr<Call> c, Account a) {
    store_job<AccountStore::ContactBook>(
        c, [id = a.id](AccountStore& store) { return store.contact_book(id); },
        [](std::shared_ptr<Call> c2, AccountStore::ContactBook book) {
          c2->answer(http::status::ok, {{"contacts", people_json(book.contacts)},
                                        {"asking_me", people_json(book.asking_me)},
                                        {"asked", people_json(book.asked)}});
        });
  });
}

// Everyone of the own organisation (a room's invite panel), as many as the switchboard lets ring.
void AccountApi::organisation(std::shared_ptr<Call> call) {
  with_account(call, [this](std::shared_ptr<Call> c, Account a) {
    store_job<std::vector<Account>>(
        c, [id = a.id](AccountStore& store) { return store.find_people(id, "", StoreContactDirectory::kMaxColleagues); },
        [](std::shared_ptr<Call> c2, std::vector<Account> people) {
          c2->answer(http::status::ok, {{"people", people_json(people)}});
        });
  });
}

void AccountApi::request_contact(std::shared_ptr<Call> call) {
  auto to = read_person(call->body);
  if (!to) return call->fail(to.error());
  with_account(call, [this, to = to.value()](std::shared_ptr<Call> c, Account a) {
    store_job<bool>(
        c, [from = a.id, to](AccountStore& store) { return store.request_contact(from, to, unix_now()); },
        [](std::shared_ptr<Call> c2, bool now_contacts) {
          c2->answer(http::status::ok, {{"contact", now_contacts}});
        });
  });
}

void AccountApi::answer_contact_request(std::shared_ptr<Call> call) {
  auto answer = read_contact_answer(call->body);
  if (!answer) return call->fail(answer.error());
  with_account(call, [this, answer = answer.value()](std::shared_ptr<Call> c, Account a) {
    store_job<Ok>(
        c,
        [id = a.id, answer](AccountStore& store) {
          return store.answer_contact_request(id, answer.from_id, answer.accept, unix_now());
        },
        [](std::shared_ptr<Call> c2, Ok) { c2->answer(http::status::ok, json::object()); });
  });
}

void AccountApi::remove_contact(std::shared_ptr<Call> call) {
  auto other = read_person(call->body);
  if (!other) return call->fail(other.error());
  with_account(call, [this, other = other.value()](std::shared_ptr<Call> c, Account a) {
    store_job<Ok>(
        c, [id = a.id, other](AccountStore& store) { return store.remove_contact(id, other); },
        [](std::shared_ptr<Call> c2, Ok) { c2->answer(http::status::ok, json::object()); });
  });
}

namespace {

json voice_message_json(const VoiceMessage& m) {
  return {{"id", m.id}, {"from", m.from_id}, {"from_name", m.from_name}, {"duration_ms", m.duration_ms},
          {"created_at", m.created_at}};
}

}  // namespace

void AccountApi::leave_voice_message(std::shared_ptr<Call> call, std::int64_t to_id) {
  // Read before any database work, so that only real, whole Ogg Opus files of a minute or less
  // are stored, with the length they really have.
  auto duration = check_voice_message(call->request.body());
  if (!duration) return call->fail(duration.error());
  with_account(call, [this, to_id, ms = duration.value()](std::shared_ptr<Call> c, Account a) {
    store_job<VoiceMessage>(
        c,
        [from = a.id, to_id, ms, ogg = c->request.body()](AccountStore& store) {
          return store.voice_mail().leave(from, to_id, ogg, ms, unix_now());
        },
        [](std::shared_ptr<Call> c2, VoiceMessage m) {
          c2->answer(http::status::created, {{"message", voice_message_json(m)}});
        });
  });
}

void AccountApi::voice_messages(std::shared_ptr<Call> call) {
  with_account(call, [this](std::shared_ptr<Call> c, Account a) {
    store_job<std::vector<VoiceMessage>>(
        c, [id = a.id](AccountStore& store) { return store.voice_mail().left_for(id); },
        [](std::shared_ptr<Call> c2, std::vector<VoiceMessage> list) {
          json out = json::array();
          for (const auto& m : list) out.push_back(voice_message_json(m));
          c2->answer(http::status::ok, {{"messages", out}});
        });
  });
}

void AccountApi::voice_message_audio(std::shared_ptr<Call> call, std::int64_t message_id) {
  with_account(call, [this, message_id](std::shared_ptr<Call> c, Account a) {
    store_job<std::string>(
        c, [id = a.id, message_id](AccountStore& store) { return store.voice_mail().audio(id, message_id); },
        [](std::shared_ptr<Call> c2, std::string ogg) {
          c2->answer_bytes(http::status::ok, "audio/ogg", "private, no-store", std::move(ogg));
        });
  });
}

void AccountApi::remove_voice_message(std::shared_ptr<Call> call) {
  auto message = read_voice_message_id(call->body);
  if (!message) return call->fail(message.error());
  with_account(call, [this, message_id = message.value()](std::shared_ptr<Call> c, Account a) {
    store_job<Ok>(
        c, [id = a.id, message_id](AccountStore& store) { return store.voice_mail().remove(id, message_id); },
        [](std::shared_ptr<Call> c2, Ok) { c2->answer(http::status::ok, json::object()); });
  });
}

}  // namespace treff::server
