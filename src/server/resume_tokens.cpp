#include "server/resume_tokens.h"

#include <openssl/crypto.h>
#include <openssl/evp.h>
#include <openssl/hmac.h>
#include <openssl/rand.h>
#include <sys/stat.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "core/text_rules.h"

namespace treff::server {
namespace {

constexpr std::size_t kKeyBytes = 32;
constexpr std::size_t kMacBytes = 16;  // 128 bits: guessing one is hopeless

std::string random_bytes(std::size_t n) {
  std::string out(n, '\0');
  if (RAND_bytes(reinterpret_cast<unsigned char*>(out.data()), static_cast<int>(n)) != 1) std::abort();
  return out;
}

std::string hex(const unsigned char* data, std::size_t n) {
  static const char digits[] = "0123456789abcdef";
  std::string out;
  out.reserve(2 * n);
  for (std::size_t i = 0; i < n; ++i) {
    out.push_back(digits[data[i] >> 4]);
    out.push_back(digits[data[i] & 15]);
  }
  return out;
}
}  // namespace

ResumeTokens ResumeTokens::ephemeral() { return ResumeTokens(random_bytes(kKeyBytes)); }

std::string ResumeTokens::mac(const std::string& room, const std::string& id) const {
  // The room's name may hold any text but no newline (text rules), so the two cannot run together.
  const std::string message = "treff-resume\n" + room + "\n" + id;
  unsigned char out[EVP_MAX_MD_SIZE];
  unsigned int size = 0;
  HMAC(EVP_sha256(), key_.data(), static_cast<int>(key_.size()), reinterpret_cast<const unsigned char*>(message.data()),
       message.size(), out, &size);
  return hex(out, kMacBytes);
}

std::string ResumeTokens::issue(const std::string& room, const std::string& id) const {
  return id + "." + mac(room, id);
}

std::optional<std::string> ResumeTokens::check(const std::string& room, const std::string& token) const {
  const auto dot = token.rfind('.');
  if (dot == std::string::npos) return std::nullopt;
  std::string id = token.substr(0, dot);
  if (!check_participant_id(id)) return std::nullopt;
  const std::string expected = mac(room, id);
  const std::string given = token.substr(dot + 1);
  if (given.size() != expected.size() || CRYPTO_memcmp(given.data(), expected.data(), expected.size()) != 0)
    return std::nullopt;
  return id;
}

Result<std::string> load_or_create_resume_key(const std::string& folder) {
  namespace fs = std::filesystem;
  std::error_code ec;
  fs::create_directories(folder, ec);
  if (ec) return Error{"state-dir", "cannot create " + folder + ": " + ec.message()};
  const fs::path path = fs::path(folder) / "resume.key";
  std::ifstream in(path, std::ios::binary);
  if (in) {
    std::stringstream text;
    text << in.rdbuf();
    if (text.str().size() == kKeyBytes) return text.str();
    return Error{"state-dir", path.string() + " is not a key written by treff-server; remove it to make a new one"};
  }
  const std::string key = random_bytes(kKeyBytes);
  const std::string temporary = path.string() + ".new";
  {
    const mode_t old_mask = umask(077);  // the key never readable by others, not even for a moment
    std::ofstream out(temporary, std::ios::binary | std::ios::trunc);
    umask(old_mask);
    out << key;
    if (!out.flush()) return Error{"state-dir", "cannot write " + temporary};
  }
  fs::rename(temporary, path, ec);  // atomic: a crash leaves no half key behind
  if (ec) return Error{"state-dir", "cannot write " + path.string() + ": " + ec.message()};
  return key;
}

std::string default_state_folder() {
  if (const char* xdg = std::getenv("XDG_STATE_HOME"); xdg && *xdg) return std::string(xdg) + "/treff-server";
  if (const char* home = std::getenv("HOME"); home && *home) return std::string(home) + "/.local/state/treff-server";
  return "";
}

}  // namespace treff::server
