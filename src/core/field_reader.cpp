#include "core/field_reader.h"

namespace treff::proto {

using json = nlohmann::json;

std::string FieldReader::string(const char* key, std::size_t max_bytes, bool allow_empty) {
  const json* v = find(key, true);
  if (!v) return {};
  if (!v->is_string()) return fail(std::string("field '") + key + "' must be a string"), "";
  const auto& s = v->get_ref<const std::string&>();
  if (s.size() > max_bytes)
    return fail(std::string("field '") + key + "' is longer than " + std::to_string(max_bytes) + " bytes"), "";
  if (s.empty() && !allow_empty) return fail(std::string("field '") + key + "' is empty"), "";
  return s;
}

std::optional<std::string> FieldReader::optional_string(const char* key, std::size_t max_bytes) {
  if (!object_.contains(key)) return std::nullopt;
  return string(key, max_bytes, true);
}

bool FieldReader::boolean(const char* key) {
  const json* v = find(key, true);
  if (!v) return false;
  if (!v->is_boolean()) return fail(std::string("field '") + key + "' must be true or false"), false;
  return v->get<bool>();
}

std::optional<bool> FieldReader::optional_boolean(const char* key) {
  if (!object_.contains(key)) return std::nullopt;
  return boolean(key);
}

std::optional<int> FieldReader::optional_int(const char* key, int min, int max) {
  const json* v = find(key, false);
  if (!v) return std::nullopt;
  if (!v->is_number_integer()) return fail(std::string("field '") + key + "' must be a whole number"), std::nullopt;
  const auto n = v->get<std::int64_t>();
  if (n < min || n > max) return fail(std::string("field '") + key + "' is out of range"), std::nullopt;
  return static_cast<int>(n);
}

int FieldReader::integer(const char* key, int min, int max) {
  if (!find(key, true)) return 0;
  return optional_int(key, min, max).value_or(0);
}

std::uint64_t FieldReader::positive_integer(const char* key, std::uint64_t max) {
  const json* v = find(key, true);
  if (!v) return 0;
  if (!v->is_number_unsigned()) return fail(std::string("field '") + key + "' must be a whole number above 0"), 0;
  const auto n = v->get<std::uint64_t>();
  if (n < 1 || n > max) return fail(std::string("field '") + key + "' is out of range"), 0;
  return n;
}

const json* FieldReader::object(const char* key) {
  const json* v = find(key, true);
  if (v && !v->is_object()) return fail(std::string("field '") + key + "' must be an object"), nullptr;
  return v;
}

const json* FieldReader::optional_object(const char* key) {
  const json* v = find(key, false);
  if (v && !v->is_object()) return fail(std::string("field '") + key + "' must be an object"), nullptr;
  return v;
}

const json* FieldReader::array(const char* key) {
  const json* v = find(key, true);
  if (v && !v->is_array()) return fail(std::string("field '") + key + "' must be a list"), nullptr;
  return v;
}

void FieldReader::adopt(const std::optional<Error>& e) {
  if (e && !error_) error_ = e;
}

void FieldReader::fail(std::string message) {
  if (!error_) error_ = Error{"bad-message", std::string(type_) + ": " + message};
}

std::optional<Error> FieldReader::finish() {
  if (!error_) {
    for (auto it = object_.begin(); it != object_.end(); ++it) {
      if (!is_known(it.key())) {
        fail("unexpected field '" + it.key() + "'");
        break;
      }
    }
  }
  return error_;
}

bool FieldReader::is_known(std::string_view key) const {
  for (std::size_t i = 0; i < known_count_; ++i)
    if (key == known_[i]) return true;
  for (const char* k : more_known_)
    if (key == k) return true;
  return false;
}

const json* FieldReader::find(const char* key, bool required) {
  if (known_count_ < kInlineFields) {
    known_[known_count_++] = key;
  } else {
    more_known_.push_back(key);
  }
  auto it = object_.find(key);
  if (it == object_.end()) {
    if (required) fail(std::string("missing field '") + key + "'");
    return nullptr;
  }
  return &*it;
}

}  // namespace treff::proto
