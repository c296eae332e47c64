#include "core/protocol.h"

#include <algorithm>
#include <cctype>
#include <limits>

#include <nlohmann/json.hpp>

#include "core/calling_json.h"
#include "core/field_reader.h"
#include "core/server_list.h"
#include "core/text_rules.h"

namespace treff::proto {
namespace {

using json = nlohmann::json;

// ---- shared pieces ----

std::optional<Error> read_participant_id(FieldReader& r, const char* key, std::string& out) {
  out = r.string(key, kMaxParticipantIdBytes);
  if (r.failed()) return std::nullopt;
  auto ok = check_participant_id(out);
  return ok ? std::nullopt : std::optional<Error>(ok.error());
}

MediaState read_media(FieldReader& r) {
  MediaState m;
  m.mic = r.boolean("mic");
  m.camera = r.boolean("camera");
  m.recording = r.optional_boolean("recording").value_or(false);
  return m;
}

Signal read_signal(FieldReader& r) {
  Signal s;
  const std::string kind = r.string("kind", 16);
  if (r.failed()) return s;
  if (kind == "offer" || kind == "answer") {
    s.kind = kind == "offer" ? SignalKind::Offer : SignalKind::Answer;
    s.sdp = r.string("sdp", kMaxSdpBytes);
  } else if (kind == "candidate") {
    s.kind = SignalKind::Candidate;
    s.candidate = r.string("candidate", kMaxCandidateBytes, /*allow_empty=*/true);
    s.sdp_mid = r.optional_string("sdpMid", 64);
    s.sdp_mline_index = r.optional_int("sdpMLineIndex", 0, 1023);
  } else {
    r.fail("field 'kind' must be \"offer\", \"answer\" or \"candidate\"");
  }
  return s;
}

void write_signal(json& j, const Signal& s) {
  j["kind"] = to_string(s.kind);
  if (s.kind == SignalKind::Candidate) {
    j["candidate"] = s.candidate;
    if (s.sdp_mid) j["sdpMid"] = *s.sdp_mid;
    if (s.sdp_mline_index) j["sdpMLineIndex"] = *s.sdp_mline_index;
  } else {
    j["sdp"] = s.sdp;
  }
}

json peer_json(const PeerInfo& p) {
  json j{{"id", p.id}, {"name", p.name}, {"mic", p.media.mic}, {"camera", p.media.camera}};
  if (p.media.recording) j["recording"] = true;
  return j;
}

// "locked" and "host" of a joined or room message.
RoomInfo read_room_info(FieldReader& r) {
  RoomInfo info;
  info.locked = r.boolean("locked");
  r.adopt(read_participant_id(r, "host", info.host));
  return info;
}

void write_room_info(json& j, const RoomInfo& info) {
  j["locked"] = info.locked;
  j["host"] = info.host;
}

std::optional<PeerInfo> read_peer(const json& j, FieldReader& outer) {
  if (!j.is_object()) return outer.fail("every peer must be an object"), std::nullopt;
  FieldReader r(j, "peer");
  PeerInfo p;
  r.adopt(read_participant_id(r, "id", p.id));
  p.name = r.string("name", 4 * kMaxDisplayNameChars);
  p.media = read_media(r);
  if (auto e = r.finish()) return outer.adopt(e), std::nullopt;
  return p;
}

// One entry of an "ice" message's servers: urls of the STUN/TURN schemes, and credentials.
IceServer read_ice_server(const json& j, FieldReader& outer) {
  IceServer server;
  if (!j.is_object()) return outer.fail("every ICE server must be an object"), server;
  FieldReader r(j, "ice server");
  if (const json* urls = r.array("urls")) {
    if (urls->empty() || urls->size() > kMaxIceUrls) r.fail("field 'urls' must have 1 to " + std::to_string(kMaxIceUrls) + " entries");
    for (const auto& url : *urls) {
      if (r.failed()) break;
      const std::string* text = url.is_string() ? url.get_ptr<const std::string*>() : nullptr;
      const bool known_scheme = text && (text->rfind("stun:", 0) == 0 || text->rfind("stuns:", 0) == 0 ||
                                         text->rfind("turn:", 0) == 0 || text->rfind("turns:", 0) == 0);
      if (!known_scheme || text->size() > kMaxIceFieldBytes) r.fail("every url must be a stun:, stuns:, turn: or turns: address");
      else server.urls.push_back(*text);
    }
  }
  if (auto user = r.optional_string("username", kMaxIceFieldBytes)) server.username = *user;
  if (auto credential = r.optional_string("credential", kMaxIceFieldBytes)) server.credential = *credential;
  if (auto e = r.finish()) outer.adopt(e);
  return server;
}

std::string dump(const json& j) {
  // `replace` keeps dump() from throwing on invalid UTF-8; inputs were validated anyway.
  return j.dump(-1, ' ', false, json::error_handler_t::replace);
}

// RTCIceServer[]: what the "ice" message carries and what RTCPeerConnection takes.
json ice_servers_array(const std::vector<IceServer>& servers) {
  json list = json::array();
  for (const auto& server : servers) {
    json entry{{"urls", server.urls}};
    if (!server.username.empty()) entry["username"] = server.username;
    if (!server.credential.empty()) entry["credential"] = server.credential;
    list.push_back(std::move(entry));
  }
  return list;
}

json envelope(const char* type) { return json{{"v", kVersion}, {"type", type}}; }

// An envelope with a calling message's fields (core/calling_json.h).
template <class M>
json with(json j, const M& m) {
  calling::write(j, m);
  return j;
}
json with_ring(json j, const std::string& ring) {
  j["ring"] = ring;
  return j;
}

// Parses the outer object and checks version and type; `type` receives the type string.
Result<json> open_envelope(std::string_view text, std::string& type) {
  if (text.size() > kMaxMessageBytes)
    return Error{"too-big", "The message is larger than 64 KiB."};
  json j = json::parse(text.begin(), text.end(), nullptr, /*allow_exceptions=*/false);
  if (j.is_discarded()) return Error{"bad-json", "The message is not valid JSON."};
  if (!j.is_object()) return Error{"bad-json", "The message must be a JSON object."};
  auto v = j.find("v");
  if (v == j.end() || !v->is_number_integer())
    return Error{"bad-message", "The message has no protocol version field 'v'."};
  if (v->get<std::int64_t>() != kVersion)
    return Error{"unsupported-version", "This server speaks protocol version 1 only."};
  auto t = j.find("type");
  if (t == j.end() || !t->is_string())
    return Error{"bad-message", "The message has no 'type' field."};
  type = t->get<std::string>();
  return j;
}

Error unknown_type(const std::string& type) {
  return Error{"unknown-type", "Unknown message type '" + type.substr(0, 32) + "'."};
}

template <class T>
Result<T> finish(FieldReader& r, T value) {
  if (auto e = r.finish()) return *e;
  return value;
}

}  // namespace

std::string_view to_string(SignalKind kind) {
  switch (kind) {
    case SignalKind::Offer: return "offer";
    case SignalKind::Answer: return "answer";
    case SignalKind::Candidate: return "candidate";
  }
  return "offer";
}

Result<ClientMessage> parse_client_message(std::string_view text) {
  std::string type;
  auto env = open_envelope(text, type);
  if (!env) return env.error();
  const json& j = env.value();
  FieldReader r(j, type);

  if (type == "hello") {
    Hello m;
    m.agent = r.string("agent", kMaxAgentBytes);
    return finish<ClientMessage>(r, m);
  }
  if (type == "join") {
    Join m;
    // Lengths are checked by the text rules below, which explain the limit in plain words.
    m.room = r.string("room", kMaxMessageBytes, true);
    m.name = r.string("name", kMaxMessageBytes, true);
    m.password = r.optional_string("password", kMaxMessageBytes);
    m.media = read_media(r);
    m.resume = r.optional_string("resume", kMaxResumeTokenBytes);
    if (auto e = r.finish()) return *e;
    if (auto ok = check_room_name(m.room); !ok) return ok.error();
    auto name = check_display_name(m.name);
    if (!name) return name.error();
    m.name = name.value();
    if (m.password) {
      if (auto ok = check_password(*m.password); !ok) return ok.error();
    }
    return ClientMessage{m};
  }
  if (type == "signal") {
    SendSignal m;
    r.adopt(read_participant_id(r, "to", m.to));
    m.signal = read_signal(r);
    return finish<ClientMessage>(r, m);
  }
  if (type == "media") {
    SetMedia m;
    m.media = read_media(r);
    return finish<ClientMessage>(r, m);
  }
  if (type == "leave") return finish<ClientMessage>(r, Leave{});
  if (type == "lock") {
    Lock m;
    m.password = r.string("password", kMaxMessageBytes, true);
    if (auto e = r.finish()) return *e;
    if (auto ok = check_password(m.password); !ok) return ok.error();
    return ClientMessage{m};
  }
  if (type == "unlock") return finish<ClientMessage>(r, Unlock{});
  if (type == "ice") return finish<ClientMessage>(r, IceRequest{});
  if (type == "ping") return finish<ClientMessage>(r, Ping{});
  if (type == "watch") return finish<ClientMessage>(r, Watch{});
  if (type == "ring") return finish<ClientMessage>(r, calling::read_ring_start(r));
  if (type == "ring-answer") return finish<ClientMessage>(r, RingAnswer{calling::read_ring_id(r)});
  if (type == "ring-decline") return finish<ClientMessage>(r, RingDecline{calling::read_ring_id(r)});
  if (type == "ring-stop") return finish<ClientMessage>(r, RingStop{calling::read_ring_id(r)});
  return unknown_type(type);
}

Result<ServerMessage> parse_server_message(std::string_view text) {
  std::string type;
  auto env = open_envelope(text, type);
  if (!env) return env.error();
  const json& j = env.value();
  FieldReader r(j, type);

  if (type == "hello") {
    Welcome m;
    m.agent = r.string("agent", kMaxAgentBytes);
    m.room_limit = r.integer("roomLimit", 1, 1 << 20);
    m.max_message_bytes = static_cast<std::size_t>(r.integer("maxMessageBytes", 1024, 1 << 24));
    if (const json* account = r.optional_object("account")) {
      FieldReader a(*account, "account");
      SignedInAccount signed_in;
      signed_in.id = a.integer("id", 1, std::numeric_limits<int>::max());
      signed_in.name = a.string("name", 4 * kMaxDisplayNameChars);
      if (auto e = a.finish()) r.adopt(e);
      else m.account = std::move(signed_in);
    }
    return finish<ServerMessage>(r, m);
  }
  if (type == "joined") {
    Joined m;
    m.room = r.string("room", 4 * kMaxRoomNameChars);
    r.adopt(read_participant_id(r, "self", m.self_id));
    if (const json* peers = r.array("peers")) {
      for (const auto& p : *peers) {
        auto peer = read_peer(p, r);
        if (!peer) break;
        m.peers.push_back(std::move(*peer));
      }
    }
    m.info = read_room_info(r);
    m.resume = r.optional_string("resume", kMaxResumeTokenBytes).value_or("");
    return finish<ServerMessage>(r, m);
  }
  if (type == "room") {
    RoomChanged m;
    m.info = read_room_info(r);
    return finish<ServerMessage>(r, m);
  }
  if (type == "peer-joined") {
    PeerJoined m;
    if (const json* peer = r.object("peer")) {
      if (auto p = read_peer(*peer, r)) m.peer = std::move(*p);
    }
    return finish<ServerMessage>(r, m);
  }
  if (type == "peer-left") {
    PeerLeft m;
    r.adopt(read_participant_id(r, "id", m.id));
    return finish<ServerMessage>(r, m);
  }
  if (type == "signal") {
    RelayedSignal m;
    r.adopt(read_participant_id(r, "from", m.from));
    m.signal = read_signal(r);
    return finish<ServerMessage>(r, m);
  }
  if (type == "media") {
    PeerMedia m;
    r.adopt(read_participant_id(r, "from", m.from));
    m.media = read_media(r);
    return finish<ServerMessage>(r, m);
  }
  if (type == "error") {
    ErrorReply m;
    m.code = r.string("code", 64);
    m.message = r.string("message", 1024, true);
    return finish<ServerMessage>(r, m);
  }
  if (type == "ice") {
    IceConfig m;
    if (const json* servers = r.array("servers")) {
      if (servers->size() > kMaxIceServers) r.fail("field 'servers' has more than " + std::to_string(kMaxIceServers) + " entries");
      for (const auto& s : *servers) {
        if (r.failed()) break;
        m.servers.push_back(read_ice_server(s, r));
      }
    }
    m.renew_in_seconds = r.integer("renewIn", 0, 7 * 24 * 3600);
    return finish<ServerMessage>(r, m);
  }
  if (type == "pong") return finish<ServerMessage>(r, Pong{});
  if (type == "janus") {
    OnJanus m;
    const std::string url = r.string("url", 512);
    m.url = normalize_janus_url(url);
    if (!r.failed() && m.url.empty()) r.fail("field 'url' must be a ws:// or wss:// URL");
    m.room = r.positive_integer("room", kMaxJanusRoom);
    m.pin = r.string("pin", kJanusPinDigits);
    const bool hex = std::all_of(m.pin.begin(), m.pin.end(), [](char c) { return std::isxdigit(static_cast<unsigned char>(c)); });
    if (!r.failed() && (m.pin.size() != kJanusPinDigits || !hex))
      r.fail("field 'pin' must be " + std::to_string(kJanusPinDigits) + " hex digits");
    return finish<ServerMessage>(r, m);
  }
  if (type == "presence") return finish<ServerMessage>(r, calling::read_presence(r));
  if (type == "ring-state") return finish<ServerMessage>(r, calling::read_ring_progress(r));
  if (type == "ringing") return finish<ServerMessage>(r, calling::read_incoming_ring(r));
  if (type == "ring-over") return finish<ServerMessage>(r, calling::read_ring_over(r));
  return unknown_type(type);
}

std::string serialize(const ClientMessage& message) {
  struct Writer {
    json operator()(const Hello& m) const {
      json j = envelope("hello");
      j["agent"] = m.agent;
      return j;
    }
    json operator()(const Join& m) const {
      json j = envelope("join");
      j["room"] = m.room;
      j["name"] = m.name;
      if (m.password) j["password"] = *m.password;
      j["mic"] = m.media.mic;
      j["camera"] = m.media.camera;
      if (m.media.recording) j["recording"] = true;
      if (m.resume) j["resume"] = *m.resume;
      return j;
    }
    json operator()(const SendSignal& m) const {
      json j = envelope("signal");
      j["to"] = m.to;
      write_signal(j, m.signal);
      return j;
    }
    json operator()(const SetMedia& m) const {
      json j = envelope("media");
      j["mic"] = m.media.mic;
      j["camera"] = m.media.camera;
      if (m.media.recording) j["recording"] = true;
      return j;
    }
    json operator()(const Leave&) const { return envelope("leave"); }
    json operator()(const Lock& m) const {
      json j = envelope("lock");
      j["password"] = m.password;
      return j;
    }
    json operator()(const Unlock&) const { return envelope("unlock"); }
    json operator()(const IceRequest&) const { return envelope("ice"); }
    json operator()(const Ping&) const { return envelope("ping"); }
    json operator()(const Watch&) const { return envelope("watch"); }
    json operator()(const RingStart& m) const { return with(envelope("ring"), m); }
    json operator()(const RingAnswer& m) const { return with_ring(envelope("ring-answer"), m.ring); }
    json operator()(const RingDecline& m) const { return with_ring(envelope("ring-decline"), m.ring); }
    json operator()(const RingStop& m) const { return with_ring(envelope("ring-stop"), m.ring); }
  };
  return dump(std::visit(Writer{}, message));
}

namespace {

// Appends `text` as a JSON string, escaped exactly as nlohmann's dump() does for valid UTF-8 (the
// relayed strings were parsed, hence validated, on the way in).
void append_json_string(std::string& out, std::string_view text) {
  static const char hex[] = "0123456789abcdef";
  out.push_back('"');
  for (const char ch : text) {
    const auto c = static_cast<unsigned char>(ch);
    switch (c) {
      case '"': out += "\\\""; break;
      case '\\': out += "\\\\"; break;
      case '\b': out += "\\b"; break;
      case '\f': out += "\\f"; break;
      case '\n': out += "\\n"; break;
      case '\r': out += "\\r"; break;
      case '\t': out += "\\t"; break;
      default:
        if (c < 0x20) {
          out += "\\u00";
          out.push_back(hex[c >> 4]);
          out.push_back(hex[c & 15]);
        } else {
          out.push_back(ch);
        }
    }
  }
  out.push_back('"');
}

}  // namespace

std::string relayed_signal_text(std::string_view from, const Signal& s) {
  std::string out;
  out.reserve(96 + s.sdp.size() + s.candidate.size());
  if (s.kind == SignalKind::Candidate) {
    out += "{\"candidate\":";
    append_json_string(out, s.candidate);
    out += ",\"from\":";
    append_json_string(out, from);
    out += ",\"kind\":\"candidate\"";
    if (s.sdp_mline_index) out += ",\"sdpMLineIndex\":" + std::to_string(*s.sdp_mline_index);
    if (s.sdp_mid) {
      out += ",\"sdpMid\":";
      append_json_string(out, *s.sdp_mid);
    }
  } else {
    out += "{\"from\":";
    append_json_string(out, from);
    out += s.kind == SignalKind::Offer ? ",\"kind\":\"offer\",\"sdp\":" : ",\"kind\":\"answer\",\"sdp\":";
    append_json_string(out, s.sdp);
  }
  out += ",\"type\":\"signal\",\"v\":1}";
  return out;
}

std::string serialize(const ServerMessage& message) {
  if (const auto* relayed = std::get_if<RelayedSignal>(&message)) return relayed_signal_text(relayed->from, relayed->signal);
  struct Writer {
    json operator()(const Welcome& m) const {
      json j = envelope("hello");
      j["agent"] = m.agent;
      j["roomLimit"] = m.room_limit;
      j["maxMessageBytes"] = m.max_message_bytes;
      if (m.account) j["account"] = {{"id", m.account->id}, {"name", m.account->name}};
      return j;
    }
    json operator()(const Joined& m) const {
      json j = envelope("joined");
      j["room"] = m.room;
      j["self"] = m.self_id;
      json peers = json::array();
      for (const auto& p : m.peers) peers.push_back(peer_json(p));
      j["peers"] = std::move(peers);
      write_room_info(j, m.info);
      if (!m.resume.empty()) j["resume"] = m.resume;
      return j;
    }
    json operator()(const RoomChanged& m) const {
      json j = envelope("room");
      write_room_info(j, m.info);
      return j;
    }
    json operator()(const PeerJoined& m) const {
      json j = envelope("peer-joined");
      j["peer"] = peer_json(m.peer);
      return j;
    }
    json operator()(const PeerLeft& m) const {
      json j = envelope("peer-left");
      j["id"] = m.id;
      return j;
    }
    json operator()(const RelayedSignal& m) const {
      json j = envelope("signal");
      j["from"] = m.from;
      write_signal(j, m.signal);
      return j;
    }
    json operator()(const PeerMedia& m) const {
      json j = envelope("media");
      j["from"] = m.from;
      j["mic"] = m.media.mic;
      j["camera"] = m.media.camera;
      if (m.media.recording) j["recording"] = true;
      return j;
    }
    json operator()(const ErrorReply& m) const {
      json j = envelope("error");
      j["code"] = m.code;
      j["message"] = m.message;
      return j;
    }
    json operator()(const IceConfig& m) const {
      json j = envelope("ice");
      j["servers"] = ice_servers_array(m.servers);
      j["renewIn"] = m.renew_in_seconds;
      return j;
    }
    json operator()(const Pong&) const { return envelope("pong"); }
    json operator()(const OnJanus& m) const {
      json j = envelope("janus");
      j["url"] = m.url;
      j["room"] = m.room;
      j["pin"] = m.pin;
      return j;
    }
    json operator()(const PresenceUpdate& m) const { return with(envelope("presence"), m); }
    json operator()(const RingProgress& m) const { return with(envelope("ring-state"), m); }
    json operator()(const IncomingRing& m) const { return with(envelope("ringing"), m); }
    json operator()(const RingOver& m) const { return with(envelope("ring-over"), m); }
  };
  return dump(std::visit(Writer{}, message));
}

std::string ice_servers_json(const std::vector<IceServer>& servers) { return dump(ice_servers_array(servers)); }

std::string_view type_name(const ClientMessage& message) {
  static constexpr std::string_view names[] = {"hello", "join",  "signal", "media",       "leave",
                                               "lock",  "unlock", "ice",   "ping",        "watch",
                                               "ring",  "ring-answer", "ring-decline", "ring-stop"};
  return names[message.index()];
}

std::string_view type_name(const ServerMessage& message) {
  static constexpr std::string_view names[] = {"hello",  "joined",     "peer-joined", "peer-left", "signal",
                                               "media",  "error",      "room",        "ice",       "pong",
                                               "presence", "ring-state", "ringing",   "ring-over", "janus"};
  return names[message.index()];
}

}  // namespace treff::proto
