// Starts the real treff-server binary as a child process on a free port, and stops it. The binary
// is the native build's, or the one named by the TREFF_SERVER_BINARY environment variable.
#pragma once

#include <sys/types.h>

#include <filesystem>
#include <functional>
#include <string>
#include <vector>

namespace treff::test {

class ServerProcess {
 public:
  // Starts `treff-server --port 0 <args>` and waits for its "listening on" line. Without
  // --state-dir in `args` it gets a fresh one of its own. `in_child` runs in the child process
  // just before the server starts (e.g. to give it a mount namespace of its own).
  explicit ServerProcess(std::vector<std::string> args = {}, std::function<void()> in_child = {});
  ~ServerProcess();
  ServerProcess(const ServerProcess&) = delete;
  ServerProcess& operator=(const ServerProcess&) = delete;

  unsigned short port() const { return port_; }
  pid_t pid() const { return pid_; }

  // Sends a signal and waits up to `timeout_ms` for the exit; returns the exit status (or -1).
  int stop(int signal_number, int timeout_ms = 5000);

 private:
  pid_t pid_ = -1;
  unsigned short port_ = 0;
  std::string own_state_dir_;  // removed with the process
};

// A self-signed certificate for "localhost" whose organisation is `organisation`, made with the
// openssl command into `dir` (cert.pem, key.pem; written over if there). Fails the test if it cannot.
struct Certificate {
  std::string cert, key;
};
Certificate make_certificate(const std::filesystem::path& dir, const std::string& organisation = "Treff");

// A folder holding a small fake client build (index.html, treff.wasm with .gz/.br siblings, ...).
std::filesystem::path make_site_folder();

}  // namespace treff::test
