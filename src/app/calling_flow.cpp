#include "app/calling_flow.h"

#include <emscripten.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <string>

#include "app/account_flow.h"
#include "app/entry_flow.h"
#include "app/voice_mail_flow.h"
#include "core/text_rules.h"
#include "platform/web/web_attention.h"
#include "ui/calling_catalog.h"

namespace treff::app {
namespace {

// A contact, or someone of the organisation (rung from a room).
const Person* contact(const App& app, int account) {
  for (const auto& p : app.accounts->book().contacts)
    if (p.id == account) return &p;
  for (const auto& p : app.accounts->organisation())
    if (p.id == account) return &p;
  return nullptr;
}

// "Bob", "Bob and Cor", "Bob, Cor and Dirk"; an account not (or no longer) in the list as "?".
std::string names_of(const App& app, const std::vector<int>& accounts) {
  std::string out;
  for (std::size_t i = 0; i < accounts.size(); ++i) {
    if (i > 0) out += i + 1 == accounts.size() ? std::string(" ") + ui::tr(ui::CallingText::And) + " " : ", ";
    const Person* p = contact(app, accounts[i]);
    out += p ? p->name : "?";
  }
  return out;
}

std::vector<int> callees_in(const OutgoingRing& ring, CalleeState state) {
  std::vector<int> out;
  for (const auto& c : ring.callees)
    if (c.state == state) out.push_back(c.account);
  return out;
}

// Whom the last ring did not reach (declined, not answered, busy, offline): they may get a voice
// message instead.
std::vector<std::pair<int, std::string>> not_reached(const App& app) {
  std::vector<std::pair<int, std::string>> out;
  const auto& ring = app.line->outgoing();
  if (!ring || !ring->over) return out;
  for (const auto& c : ring->callees) {
    if (c.state != CalleeState::TimedOut && c.state != CalleeState::Declined && c.state != CalleeState::Busy &&
        c.state != CalleeState::Offline)
      continue;
    if (const Person* p = contact(app, c.account)) out.emplace_back(p->id, p->name);
  }
  return out;
}

// How the last ring ended, in a sentence; "" when there is nothing to say.
std::string outcome_text(const App& app) {
  const CallingLine& line = *app.line;
  const auto& out = line.outgoing();
  auto caller_side = [&](CalleeState state, ui::CallingText text) {
    return out ? ui::tr_with_name(text, names_of(app, callees_in(*out, state))) : std::string();
  };
  switch (line.outcome()) {
    case RingOutcome::None: return "";
    case RingOutcome::Declined: return caller_side(CalleeState::Declined, ui::CallingText::Declined);
    case RingOutcome::NotAnswered: return caller_side(CalleeState::TimedOut, ui::CallingText::NotAnswered);
    case RingOutcome::Busy: return caller_side(CalleeState::Busy, ui::CallingText::Busy);
    case RingOutcome::Offline: return caller_side(CalleeState::Offline, ui::CallingText::NotOnline);
    case RingOutcome::CallerStopped: return ui::tr_with_name(ui::CallingText::HungUp, line.outcome_caller());
    case RingOutcome::AnsweredElsewhere: return ui::tr(ui::CallingText::AnsweredElsewhere);
    case RingOutcome::Missed: return ui::tr_with_name(ui::CallingText::Missed, line.outcome_caller());
    case RingOutcome::ConnectionLost: return ui::tr(ui::CallingText::ConnectionLost);
    case RingOutcome::Refused: return "";  // said as the problem
  }
  return "";
}

// Into the ring's private room, as the account's name, on the page's own server (where the
// account and the ring are).
void join_ring_call(App& app, const CallToJoin& call) {
  app.ring_call = true;
  app.ring_problem = nullptr;
  std::snprintf(app.form.room, sizeof app.form.room, "%s", call.room.c_str());
  std::snprintf(app.form.name, sizeof app.form.name, "%s", app.accounts->me()->name.c_str());
  app.form.audio_only = call.audio_only;
  app.form.ask_password = false;
  app.servers->choose_page_server();
  app.account_ui.screen = AccountScreen::None;
  app.show_start = false;
  start_join(app);
}

// The ring call is over (left, or its join refused): back to the contacts.
void end_ring_call(App& app) {
  app.ring_call = false;
  if (app.line->outgoing() && !app.line->outgoing()->over) app.line->stop();
  if (app.call->phase() == CallPhase::Failed && app.call->problem())
    app.ring_problem = ui::tr_calling_problem(app.call->problem()->code);
  if (app.accounts->me()) open_account(app);
}

int others_in_call(const App& app) {
  const auto& participants = app.call->room().thumbnails();
  return static_cast<int>(std::count_if(participants.begin(), participants.end(), [](const auto& p) { return !p.is_self; }));
}

}  // namespace

ui::PresenceMark presence_mark(const App& app, int account) {
  if (!app.line || !app.line->presence_known()) return ui::PresenceMark::Unknown;
  switch (app.line->presence(account)) {
    case proto::Presence::Online: return ui::PresenceMark::Online;
    case proto::Presence::InCall: return ui::PresenceMark::InCall;
    case proto::Presence::Offline: return ui::PresenceMark::Offline;
  }
  return ui::PresenceMark::Unknown;
}

bool follow_calling(App& app, double now_ms) {
  const auto now = static_cast<std::int64_t>(now_ms);
  CallingLine& line = *app.line;
  bool changed = false;
  const bool logged_in = app.accounts && app.accounts->me();
  if (logged_in && !line.is_open()) line.open(now);
  if (!logged_in && line.is_open()) {
    line.close();
    app.watched.clear();
    changed = true;
  }
  changed |= line.update(now);
  if (logged_in) {
    std::vector<int> ids;
    for (const auto& p : app.accounts->book().contacts) ids.push_back(p.id);
    std::sort(ids.begin(), ids.end());
    if (ids != app.watched) {  // a contact accepted or removed: their presence is asked anew
      app.watched = std::move(ids);
      line.contacts_changed();
    }
  }
  if (auto call = line.take_call_to_join()) {
    join_ring_call(app, *call);
    changed = true;
  }
  if (line.outcome() == RingOutcome::Refused && !app.ring_problem) {
    app.ring_problem = ui::tr_calling_problem(line.problem());
    changed = true;
  }
  // The tone, the blinking title and (in the background) a notification while a ring for this
  // person waits for an answer.
  const auto& in = line.incoming();
  const std::string attention = in && !in->answering ? in->id : std::string();
  if (attention != app.attention_ring) {
    if (attention.empty()) {
      platform::ring_attention_stop();
    } else {
      platform::ring_attention_start(ui::tr_with_name(ui::CallingText::IsCallingYou, in->caller_name),
                                     in->audio_only ? ui::tr(ui::CallingText::SoundOnly) : ui::tr(ui::CallingText::Answer));
    }
    app.attention_ring = attention;
  }
  // While something rings, its bar empties: four redraws a second (nothing else may be changing).
  const auto& ringing_out = line.outgoing();
  if (((ringing_out && !ringing_out->over) || line.incoming()) && now_ms >= app.next_ring_redraw_ms) {
    app.next_ring_redraw_ms = now_ms + 250;
    changed = true;
  }
  if (app.ring_call) {
    const CallPhase phase = app.call->phase();
    // Nobody came (declined, not answered, busy, offline), or the line broke while it rang (the
    // server forgot the ring: nobody will come): the caller does not wait alone.
    const auto& out = line.outgoing();
    const bool nobody_comes = (out && out->over && line.outcome() != RingOutcome::None) ||
                              (!out && line.outcome() == RingOutcome::ConnectionLost);
    if (nobody_comes && others_in_call(app) == 0 &&
        (phase == CallPhase::InRoom || phase == CallPhase::Joining || phase == CallPhase::Connecting ||
         phase == CallPhase::OpeningMedia || phase == CallPhase::Reconnecting))
      app.call->leave();
    if (app.call->phase() == CallPhase::Left || app.call->phase() == CallPhase::Failed) {
      end_ring_call(app);
      changed = true;
    }
  }
  return changed;
}

ui::OnlineContactsView online_contacts_view(App& app) {
  ui::OnlineContactsView v;
  v.available = app.line && app.line->is_open();
  if (!v.available) return v;
  v.connecting = !app.line->presence_known();
  for (const auto& p : app.accounts->book().contacts) {
    const ui::PresenceMark mark = presence_mark(app, p.id);
    if (mark != ui::PresenceMark::Online && mark != ui::PresenceMark::InCall) continue;
    v.online.push_back(person_card(app, p));
    v.online.back().presence = mark;
  }
  v.outcome = outcome_text(app);
  v.problem = app.ring_problem;
  v.voice = voice_mail_view(app, not_reached(app), emscripten_get_now());
  v.offer_notifications = platform::notification_permission() == platform::NotificationPermission::NotAsked;
  return v;
}

void act_on_online_contacts(App& app, const ui::OnlineContactsIntents& in, double now_ms) {
  act_on_voice_mail(app, in.voice, now_ms);
  if (in.dismiss) {
    app.line->dismiss_outcome();
    app.ring_problem = nullptr;
  }
  if (in.allow_notifications) platform::ask_notification_permission();
  if (!in.start && !in.sound_only) return;
  std::vector<int>& chosen = app.account_ui.contacts.chosen;
  const Status status = app.line->ring(chosen, in.sound_only, static_cast<std::int64_t>(now_ms));
  if (!status) {
    app.ring_problem = ui::tr(status.error().code == "nobody" ? ui::CallingText::ChooseFirst : ui::CallingText::Connecting);
    return;
  }
  app.ring_problem = nullptr;
  chosen.clear();
}

bool draw_incoming_ring(App& app, double now_ms) {
  const auto& ring = app.line ? app.line->incoming() : std::nullopt;
  if (!ring) return false;
  ui::IncomingRingView v;
  if (const Person* p = contact(app, ring->caller)) {
    v.caller = person_card(app, *p);
  } else {
    v.caller.id = ring->caller;
    v.caller.name = ring->caller_name;
    v.caller.initials = initials_of(ring->caller_name);
  }
  v.caller.name = ring->caller_name;
  v.sound_only = ring->audio_only;
  const double span = static_cast<double>(ring->deadline_ms - ring->started_ms);
  v.left = span > 0 ? static_cast<float>(std::clamp((ring->deadline_ms - now_ms) / span, 0.0, 1.0)) : 0.0f;
  v.answering = ring->answering;
  const ui::IncomingRingIntents in = ui::draw_incoming_ring_screen(v);
  if (in.language) switch_language(*in.language);
  if (in.answer) app.line->answer();
  if (in.decline) app.line->decline();
  return true;
}

std::optional<ui::RingBar> ring_bar(const App& app, double now_ms) {
  const auto& out = app.line ? app.line->outgoing() : std::nullopt;
  if (!out || out->over || !(app.ring_call || out->into_room)) return std::nullopt;
  const std::vector<int> ringing = callees_in(*out, CalleeState::Ringing);
  if (ringing.empty()) return std::nullopt;
  std::int64_t deadline = 0;
  for (const auto& c : out->callees)
    if (c.state == CalleeState::Ringing) deadline = std::max(deadline, c.deadline_ms);
  ui::RingBar bar;
  bar.text = ui::tr_with_name(ui::CallingText::Calling, names_of(app, ringing));
  const double span = static_cast<double>(deadline - out->started_ms);
  const double left_ms = std::max(0.0, deadline - now_ms);
  bar.left = span > 0 ? static_cast<float>(std::clamp(left_ms / span, 0.0, 1.0)) : 1.0f;
  const int seconds = static_cast<int>(std::ceil(left_ms / 1000));
  bar.seconds = seconds == 1 ? ui::tr(ui::CallingText::OneSecondLeft)
                             : ui::tr_with_name(ui::CallingText::SecondsLeft, std::to_string(seconds));
  return bar;
}

void stop_ringing(App& app) {
  const bool from_room = app.line->outgoing() && app.line->outgoing()->into_room;
  app.line->stop();
  if (!from_room) app.call->leave();
}

void load_colleagues(App& app) {
  if (app.accounts && app.accounts->me()) app.accounts->load_organisation();
}

void show_colleagues(const App& app, ui::RoomView& view) {
  // The line and the accounts are on the page's own server: a room elsewhere is not theirs to ring into.
  view.can_call_colleagues = app.accounts && app.accounts->me() && app.line && app.line->is_open() &&
                             app.servers->is_page_server();
  if (!view.can_call_colleagues) return;
  // Online first, then in a call, then offline; by name within each (the server's order).
  for (const ui::PresenceMark wanted : {ui::PresenceMark::Online, ui::PresenceMark::InCall, ui::PresenceMark::Offline,
                                        ui::PresenceMark::Unknown}) {
    for (const auto& p : app.accounts->organisation()) {
      if (presence_mark(app, p.id) != wanted) continue;
      // Not known yet (the line is connecting): said as offline, as it cannot be rung now.
      const char* word = ui::presence_words(wanted == ui::PresenceMark::Unknown ? ui::PresenceMark::Offline : wanted);
      view.colleagues.push_back({p.id, p.name + " (" + word + ")",
                                 wanted == ui::PresenceMark::Online || wanted == ui::PresenceMark::InCall});
    }
  }
  const auto& out = app.line->outgoing();
  if (out && out->into_room) view.ring_note = outcome_text(app);
  if (app.ring_problem) view.ring_note = app.ring_problem;
}

void call_colleague(App& app, int account, double now_ms) {
  app.line->dismiss_outcome();
  const Status status = app.line->ring({account}, app.form.audio_only, static_cast<std::int64_t>(now_ms),
                                       app.call->room_name());
  app.ring_problem = status ? nullptr : ui::tr(ui::CallingText::Connecting);
}

bool in_ring_call(const App& app) { return app.ring_call; }

}  // namespace treff::app
