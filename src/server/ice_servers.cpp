#include "server/ice_servers.h"

#include <openssl/evp.h>
#include <openssl/hmac.h>
#include <openssl/rand.h>
#include <sys/stat.h>

#include <chrono>
#include <fstream>
#include <regex>
#include <sstream>

namespace treff::server {

std::string turn_rest_credential(std::string_view secret, std::string_view username) {
  unsigned char mac[EVP_MAX_MD_SIZE];
  unsigned int mac_size = 0;
  HMAC(EVP_sha1(), secret.data(), static_cast<int>(secret.size()), reinterpret_cast<const unsigned char*>(username.data()),
       username.size(), mac, &mac_size);
  std::string out(4 * ((mac_size + 2) / 3), '\0');
  const int n = EVP_EncodeBlock(reinterpret_cast<unsigned char*>(out.data()), mac, static_cast<int>(mac_size));
  out.resize(static_cast<std::size_t>(n));
  return out;
}

std::optional<std::string> ice_url_problem(const std::string& url, bool turn) {
  // scheme:host[:port][?transport=...]; host a name, an IPv4 address or an IPv6 one in brackets.
  static const std::regex shape(
      R"(^(stuns?|turns?):([A-Za-z0-9.-]+|\[[0-9A-Fa-f:.]+\])(?::([0-9]{1,5}))?(?:\?transport=(udp|tcp))?$)");
  std::smatch m;
  const bool matches = std::regex_match(url, m, shape);
  const std::string scheme = matches ? m[1].str() : "";
  const bool ok = matches && (turn ? (scheme == "turn" || (scheme == "turns" && m[4] != "udp"))
                                   : (scheme.rfind("stun", 0) == 0 && !m[4].matched));
  if (!ok) {
    return turn ? "'" + url + "' is not a TURN address like turn:host:3478?transport=udp, turn:host:3478?transport=tcp "
                              "or turns:host:5349"
                : "'" + url + "' is not a STUN address like stun:host:3478";
  }
  if (m[3].matched) {
    const long port = std::stol(m[3].str());
    if (port < 1 || port > 65535) return "'" + url + "' has a port outside 1-65535";
  }
  return std::nullopt;
}

Result<std::string> read_turn_secret(const std::string& path) {
  struct stat st {};
  if (stat(path.c_str(), &st) != 0 || !S_ISREG(st.st_mode))
    return Error{"turn-secret", "--turn-secret-file " + path + ": no such file"};
  if (st.st_mode & S_IROTH)
    return Error{"turn-secret", "--turn-secret-file " + path +
                                    " is readable by every user of this machine; make it private (chmod 600 " + path + ")"};
  std::ifstream in(path, std::ios::binary);
  if (!in) return Error{"turn-secret", "--turn-secret-file " + path + ": cannot be read"};
  std::stringstream text;
  text << in.rdbuf();
  std::string secret = text.str();
  while (!secret.empty() && (secret.back() == '\n' || secret.back() == '\r')) secret.pop_back();
  if (secret.empty()) return Error{"turn-secret", "--turn-secret-file " + path + " is empty"};
  return secret;
}

TurnRestIceServers::TurnRestIceServers(std::vector<std::string> stun_urls, std::vector<std::string> turn_urls,
                                       std::string secret, int ttl_seconds, UnixClock now)
    : stun_urls_(std::move(stun_urls)),
      turn_urls_(std::move(turn_urls)),
      secret_(std::move(secret)),
      ttl_seconds_(ttl_seconds),
      now_(now ? std::move(now) : [] {
        return static_cast<std::int64_t>(
            std::chrono::duration_cast<std::chrono::seconds>(std::chrono::system_clock::now().time_since_epoch()).count());
      }) {}

std::optional<proto::IceConfig> TurnRestIceServers::for_client() {
  if (stun_urls_.empty() && turn_urls_.empty()) return std::nullopt;
  proto::IceConfig config;
  if (!stun_urls_.empty()) config.servers.push_back({stun_urls_, "", ""});
  if (!turn_urls_.empty()) {
    unsigned char id[8];
    if (RAND_bytes(id, sizeof id) != 1) return config;  // STUN alone rather than a guessable name
    static const char* hex = "0123456789abcdef";
    std::string username = std::to_string(now_() + ttl_seconds_) + ":";
    for (unsigned char b : id) username += {hex[b >> 4], hex[b & 15]};
    config.servers.push_back({turn_urls_, username, turn_rest_credential(secret_, username)});
    // Asked for again well before they expire: a quarter of their life early.
    config.renew_in_seconds = ttl_seconds_ - ttl_seconds_ / 4;
  }
  return config;
}

}  // namespace treff::server
