#include "server_process.h"

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <fstream>
#include <stdexcept>
#include <thread>

namespace treff::test {
namespace fs = std::filesystem;

ServerProcess::ServerProcess(std::vector<std::string> args, std::function<void()> in_child) {
  int out[2];
  if (pipe(out) != 0) throw std::runtime_error("pipe failed");
  // TREFF_SERVER_BINARY in the environment runs another build of it (tools/race_check).
  const char* binary = std::getenv("TREFF_SERVER_BINARY");
  args.insert(args.begin(), {binary && *binary ? binary : TREFF_SERVER_BINARY, "--port", "0"});
  // A state folder of its own (the resume key) unless the test shares one between servers.
  if (std::find(args.begin(), args.end(), "--state-dir") == args.end()) {
    char folder[] = "/tmp/treff-state-XXXXXX";
    if (!mkdtemp(folder)) throw std::runtime_error("mkdtemp failed");
    own_state_dir_ = folder;
    args.insert(args.end(), {"--state-dir", own_state_dir_});
  }
  pid_ = fork();
  if (pid_ == 0) {
    dup2(out[1], STDOUT_FILENO);
    close(out[0]);
    close(out[1]);
    if (in_child) in_child();
    std::vector<char*> argv;
    for (auto& a : args) argv.push_back(a.data());
    argv.push_back(nullptr);
    execv(argv[0], argv.data());
    _exit(127);
  }
  close(out[1]);
  std::string text;
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(10);
  while (std::chrono::steady_clock::now() < deadline) {
    pollfd p{out[0], POLLIN, 0};
    if (poll(&p, 1, 100) <= 0) continue;
    char buf[512];
    const ssize_t n = read(out[0], buf, sizeof buf);
    if (n <= 0) break;
    text.append(buf, static_cast<std::size_t>(n));
    const auto at = text.find("localhost:");
    if (at != std::string::npos && text.find('/', at) != std::string::npos) {
      port_ = static_cast<unsigned short>(std::stoi(text.substr(at + 10)));
      break;
    }
  }
  close(out[0]);
  if (port_ == 0) {
    stop(SIGKILL);
    throw std::runtime_error("treff-server did not start; it printed: " + text);
  }
}

ServerProcess::~ServerProcess() {
  if (pid_ > 0) stop(SIGKILL);
  std::error_code ignored;
  if (!own_state_dir_.empty()) fs::remove_all(own_state_dir_, ignored);
}

int ServerProcess::stop(int signal_number, int timeout_ms) {
  if (pid_ <= 0) return -1;
  kill(pid_, signal_number);
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::milliseconds(timeout_ms);
  int status = 0;
  while (std::chrono::steady_clock::now() < deadline) {
    if (waitpid(pid_, &status, WNOHANG) == pid_) {
      pid_ = -1;
      return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
  }
  kill(pid_, SIGKILL);
  waitpid(pid_, &status, 0);
  pid_ = -1;
  return -1;
}

Certificate make_certificate(const fs::path& dir, const std::string& organisation) {
  fs::create_directories(dir);
  Certificate c{(dir / "cert.pem").string(), (dir / "key.pem").string()};
  const std::string cmd = "openssl req -x509 -newkey rsa:2048 -nodes -days 1 -subj '/CN=localhost/O=" + organisation +
                          "' -keyout " + c.key + " -out " + c.cert + " >/dev/null 2>&1";
  if (std::system(cmd.c_str()) != 0) throw std::runtime_error("openssl could not make a certificate");
  return c;
}

fs::path make_site_folder() {
  fs::path dir = fs::temp_directory_path() / ("treff-site-" + std::to_string(getpid()));
  fs::create_directories(dir);
  auto write = [&](const std::string& name, const std::string& body) { std::ofstream(dir / name, std::ios::binary) << body; };
  write("index.html", "<!doctype html><title>Treff</title>");
  write("treff.wasm", std::string("\0asm\1\0\0\0", 8));
  write("treff.js", "console.log('treff')");
  // Stand-ins for precompressed siblings: the server picks them by name, not by content.
  write("treff.wasm.gz", "GZIP-BYTES");
  write("treff.js.br", "BROTLI-BYTES");
  write(".secret", "hidden");
  return dir;
}

}  // namespace treff::test
