#include "server/accounts/voice_mailbox.h"

namespace treff::server {
namespace {

const Error kNotFound{"not-found", "There is no such voice message."};

Result<bool> has_row(SqliteDb& db, const char* sql, std::int64_t a, std::int64_t b) {
  auto stmt = db.prepare(sql);
  if (!stmt) return stmt.error();
  stmt.value().bind(1, a).bind(2, b);
  return stmt.value().step();
}

}  // namespace

Result<VoiceMessage> VoiceMailbox::leave(std::int64_t from_id, std::int64_t to_id, const std::string& ogg,
                                         std::int64_t duration_ms, std::int64_t now) {
  Transaction tx(db_);
  if (!tx.begun()) return tx.begun().error();
  auto contact = has_row(db_, "SELECT 1 FROM contacts WHERE owner_id = ? AND contact_id = ?", from_id, to_id);
  if (!contact) return contact.error();
  if (!contact.value())
    return Error{"not-a-contact", "Voice messages can only be left for your contacts."};
  auto count = db_.prepare("SELECT count(*) FROM voice_messages WHERE to_id = ?");
  if (!count) return count.error();
  count.value().bind(1, to_id);
  if (auto row = count.value().step(); !row) return row.error();
  if (count.value().integer(0) >= kKeptPerPerson)
    return Error{"mailbox-full", "This person has too many voice messages waiting; try again later."};
  auto insert = db_.prepare(
      "INSERT INTO voice_messages (from_id, to_id, created_at, duration_ms, ogg) VALUES (?, ?, ?, ?, ?)");
  if (!insert) return insert.error();
  insert.value().bind(1, from_id).bind(2, to_id).bind(3, now).bind(4, duration_ms).bind_blob(5, ogg);
  if (auto done = insert.value().run(); !done) return done.error();
  VoiceMessage message{db_.last_insert_id(), from_id, "", duration_ms, now};
  if (auto done = tx.commit(); !done) return done.error();
  return message;
}

Result<std::vector<VoiceMessage>> VoiceMailbox::left_for(std::int64_t to_id) {
  auto stmt = db_.prepare(
      "SELECT m.id, m.from_id, a.display_name, m.duration_ms, m.created_at FROM voice_messages m "
      "JOIN accounts a ON a.id = m.from_id WHERE m.to_id = ? ORDER BY m.id DESC");
  if (!stmt) return stmt.error();
  stmt.value().bind(1, to_id);
  std::vector<VoiceMessage> out;
  for (;;) {
    auto row = stmt.value().step();
    if (!row) return row.error();
    if (!row.value()) break;
    const Statement& s = stmt.value();
    out.push_back({s.integer(0), s.integer(1), s.text(2), s.integer(3), s.integer(4)});
  }
  return out;
}

Result<std::string> VoiceMailbox::audio(std::int64_t to_id, std::int64_t message_id) {
  auto stmt = db_.prepare("SELECT ogg FROM voice_messages WHERE id = ? AND to_id = ?");
  if (!stmt) return stmt.error();
  stmt.value().bind(1, message_id).bind(2, to_id);
  auto row = stmt.value().step();
  if (!row) return row.error();
  if (!row.value()) return kNotFound;
  return stmt.value().text(0);
}

Status VoiceMailbox::remove(std::int64_t to_id, std::int64_t message_id) {
  auto stmt = db_.prepare("DELETE FROM voice_messages WHERE id = ? AND to_id = ?");
  if (!stmt) return stmt.error();
  stmt.value().bind(1, message_id).bind(2, to_id);
  if (auto done = stmt.value().run(); !done) return done.error();
  if (db_.changes() == 0) return kNotFound;
  return Ok{};
}

}  // namespace treff::server
