// Reads the fields of one JSON message object with checks, remembering the first problem, and at
// the end rejects fields the message type does not have. Never calls a throwing nlohmann accessor,
// so outside input cannot abort the client (built without exceptions) or the server.
#pragma once

#include <nlohmann/json.hpp>

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.h"

namespace treff::proto {

class FieldReader {
 public:
  // `type` names the message in error texts ("join: missing field 'name'").
  FieldReader(const nlohmann::json& object, std::string_view type) : object_(object), type_(type) {}

  std::string string(const char* key, std::size_t max_bytes, bool allow_empty = false);
  std::optional<std::string> optional_string(const char* key, std::size_t max_bytes);
  bool boolean(const char* key);
  std::optional<bool> optional_boolean(const char* key);
  std::optional<int> optional_int(const char* key, int min, int max);
  int integer(const char* key, int min, int max);
  // A whole number from 1 to `max` (up to 2^53 - 1, what JavaScript holds exactly).
  std::uint64_t positive_integer(const char* key, std::uint64_t max);
  const nlohmann::json* object(const char* key);
  const nlohmann::json* optional_object(const char* key);
  const nlohmann::json* array(const char* key);

  void adopt(const std::optional<Error>& e);
  void fail(std::string message);
  bool failed() const { return error_.has_value(); }

  // Call last: reports the first problem, including any field nobody asked for.
  std::optional<Error> finish();

 private:
  bool is_known(std::string_view key) const;
  const nlohmann::json* find(const char* key, bool required);

  const nlohmann::json& object_;
  std::string_view type_;
  // Field names asked for so far. Most messages have few fields, so they fit the fixed array
  // (this runs for every relayed message); the rest go to `more_known_`.
  static constexpr std::size_t kInlineFields = 12;
  const char* known_[kInlineFields] = {"v", "type"};
  std::size_t known_count_ = 2;
  std::vector<const char*> more_known_;
  std::optional<Error> error_;
};

}  // namespace treff::proto
