// Voice messages left for a contact who did not answer a ring: kept in the accounts database
// until the recipient deletes them, at most kKeptPerPerson per recipient. The sound was checked
// before it gets here (voice_message_check.h).
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "core/result.h"
#include "server/accounts/sqlite_db.h"

namespace treff::server {

struct VoiceMessage {
  std::int64_t id = 0;
  std::int64_t from_id = 0;
  std::string from_name;
  std::int64_t duration_ms = 0;
  std::int64_t created_at = 0;  // Unix seconds
};

class VoiceMailbox {
 public:
  static constexpr int kKeptPerPerson = 50;

  explicit VoiceMailbox(SqliteDb& db) : db_(db) {}

  // "not-a-contact" unless from_id has to_id among their contacts; "mailbox-full" when to_id
  // keeps kKeptPerPerson messages already.
  Result<VoiceMessage> leave(std::int64_t from_id, std::int64_t to_id, const std::string& ogg,
                             std::int64_t duration_ms, std::int64_t now);
  // Newest first.
  Result<std::vector<VoiceMessage>> left_for(std::int64_t to_id);
  // The Ogg Opus file; "not-found" unless it was left for to_id (nothing is told about others').
  Result<std::string> audio(std::int64_t to_id, std::int64_t message_id);
  Status remove(std::int64_t to_id, std::int64_t message_id);

 private:
  SqliteDb& db_;
};

}  // namespace treff::server
