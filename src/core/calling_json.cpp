#include "core/calling_json.h"

#include <algorithm>
#include <limits>

#include "core/text_rules.h"

namespace treff::proto {

const char* presence_name(Presence presence) {
  switch (presence) {
    case Presence::Offline: return "offline";
    case Presence::Online: return "online";
    case Presence::InCall: return "in-call";
  }
  return "offline";
}

namespace calling {
namespace {

using json = nlohmann::json;

constexpr int kMaxAccount = std::numeric_limits<int>::max();
constexpr int kMaxRingMs = 10 * 60 * 1000;  // far beyond any ring's time: a sanity bound

int read_account(const json& j, FieldReader& r, const char* what) {
  if (!j.is_number_integer() || j.get<std::int64_t>() < 1 || j.get<std::int64_t>() > kMaxAccount) {
    r.fail(std::string("every ") + what + " must be an account number");
    return 0;
  }
  return static_cast<int>(j.get<std::int64_t>());
}

Presence read_presence_state(FieldReader& r) {
  const std::string name = r.string("state", 16);
  for (Presence p : {Presence::Offline, Presence::Online, Presence::InCall})
    if (name == presence_name(p)) return p;
  if (!r.failed()) r.fail("field 'state' must be \"offline\", \"online\" or \"in-call\"");
  return Presence::Offline;
}

CalleeState read_callee_state(FieldReader& r) {
  const std::string name = r.string("state", 16);
  for (CalleeState s : {CalleeState::Ringing, CalleeState::Answered, CalleeState::Declined, CalleeState::TimedOut,
                        CalleeState::Busy, CalleeState::Offline, CalleeState::Cancelled})
    if (name == callee_state_name(s)) return s;
  if (!r.failed()) r.fail("field 'state' has an unknown callee state");
  return CalleeState::Ringing;
}

// Reads the objects of array field `key` with `read_one`, at most `max` of them.
template <class T, class F>
std::vector<T> read_list(FieldReader& r, const char* key, std::size_t max, F read_one) {
  std::vector<T> out;
  const json* list = r.array(key);
  if (!list) return out;
  if (list->size() > max) {
    r.fail(std::string("field '") + key + "' has more than " + std::to_string(max) + " entries");
    return out;
  }
  for (const auto& item : *list) {
    if (!item.is_object()) {
      r.fail(std::string("every entry of '") + key + "' must be an object");
      break;
    }
    FieldReader inner(item, key);
    T value = read_one(inner);
    if (auto e = inner.finish()) {
      r.adopt(e);
      break;
    }
    out.push_back(std::move(value));
  }
  return out;
}

}  // namespace

std::string read_ring_id(FieldReader& r) { return r.string("ring", kMaxRingIdBytes); }

RingStart read_ring_start(FieldReader& r) {
  RingStart m;
  if (const json* callees = r.array("callees")) {
    if (callees->empty() || callees->size() > kMaxCallees)
      r.fail("field 'callees' must name 1 to " + std::to_string(kMaxCallees) + " people");
    for (const auto& c : *callees) {
      if (r.failed()) break;
      const int account = read_account(c, r, "callee");
      if (std::find(m.callees.begin(), m.callees.end(), account) != m.callees.end()) r.fail("field 'callees' names someone twice");
      m.callees.push_back(account);
    }
  }
  m.audio_only = r.boolean("audioOnly");
  m.room = r.optional_string("room", 4 * kMaxRoomNameChars).value_or("");
  return m;
}

PresenceUpdate read_presence(FieldReader& r) {
  PresenceUpdate m;
  m.complete = r.boolean("complete");
  m.entries = read_list<PresenceEntry>(r, "entries", kMaxPresenceEntries, [](FieldReader& e) {
    PresenceEntry entry;
    entry.account = e.integer("account", 1, kMaxAccount);
    entry.state = read_presence_state(e);
    return entry;
  });
  return m;
}

RingProgress read_ring_progress(FieldReader& r) {
  RingProgress m;
  m.ring = read_ring_id(r);
  m.room = r.string("room", 4 * kMaxRoomNameChars);
  m.audio_only = r.boolean("audioOnly");
  m.over = r.boolean("over");
  m.callees = read_list<RingCallee>(r, "callees", kMaxCallees, [](FieldReader& e) {
    RingCallee callee;
    callee.account = e.integer("account", 1, kMaxAccount);
    callee.state = read_callee_state(e);
    callee.ms_left = e.integer("msLeft", 0, kMaxRingMs);
    return callee;
  });
  return m;
}

IncomingRing read_incoming_ring(FieldReader& r) {
  IncomingRing m;
  m.ring = read_ring_id(r);
  m.caller = r.integer("caller", 1, kMaxAccount);
  m.caller_name = r.string("callerName", 4 * kMaxDisplayNameChars);
  m.audio_only = r.boolean("audioOnly");
  m.ms_left = r.integer("msLeft", 0, kMaxRingMs);
  return m;
}

RingOver read_ring_over(FieldReader& r) {
  RingOver m;
  m.ring = read_ring_id(r);
  m.reason = r.string("reason", 32);
  m.room = r.optional_string("room", 4 * kMaxRoomNameChars).value_or("");
  return m;
}

void write(json& j, const RingStart& m) {
  j["callees"] = m.callees;
  j["audioOnly"] = m.audio_only;
  if (!m.room.empty()) j["room"] = m.room;
}

void write(json& j, const PresenceUpdate& m) {
  json entries = json::array();
  for (const auto& e : m.entries) entries.push_back({{"account", e.account}, {"state", presence_name(e.state)}});
  j["entries"] = std::move(entries);
  j["complete"] = m.complete;
}

void write(json& j, const RingProgress& m) {
  j["ring"] = m.ring;
  j["room"] = m.room;
  j["audioOnly"] = m.audio_only;
  j["over"] = m.over;
  json callees = json::array();
  for (const auto& c : m.callees)
    callees.push_back({{"account", c.account}, {"state", callee_state_name(c.state)}, {"msLeft", c.ms_left}});
  j["callees"] = std::move(callees);
}

void write(json& j, const IncomingRing& m) {
  j["ring"] = m.ring;
  j["caller"] = m.caller;
  j["callerName"] = m.caller_name;
  j["audioOnly"] = m.audio_only;
  j["msLeft"] = m.ms_left;
}

void write(json& j, const RingOver& m) {
  j["ring"] = m.ring;
  j["reason"] = m.reason;
  if (!m.room.empty()) j["room"] = m.room;
}

}  // namespace calling
}  // namespace treff::proto
