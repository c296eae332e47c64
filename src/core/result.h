// A value or a user-facing error, returned across module borders instead of throwing.
#pragma once

#include <string>
#include <utility>
#include <variant>

namespace treff {

// Machine-readable code (stable, used by clients to pick a translated text) plus a plain-words
// message in English for logs and for clients that have no translation for the code.
struct Error {
  std::string code;
  std::string message;
};

template <class T>
class Result {
 public:
  Result(T value) : v_(std::move(value)) {}        // NOLINT: implicit on purpose
  Result(Error error) : v_(std::move(error)) {}    // NOLINT: implicit on purpose

  bool ok() const { return v_.index() == 0; }
  explicit operator bool() const { return ok(); }
  const T& value() const& { return std::get<0>(v_); }
  T& value() & { return std::get<0>(v_); }
  T&& value() && { return std::get<0>(std::move(v_)); }
  const Error& error() const { return std::get<1>(v_); }

 private:
  std::variant<T, Error> v_;
};

// For operations that produce nothing but may fail.
struct Ok {};
using Status = Result<Ok>;

}  // namespace treff
