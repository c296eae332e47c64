// What a process takes, read from /proc: resident memory and CPU time.
#pragma once

#include <sys/types.h>
#include <unistd.h>

#include <cstdlib>
#include <fstream>
#include <iterator>
#include <sstream>
#include <string>

namespace treff::bench {

inline long rss_kib(pid_t pid) {
  std::ifstream status("/proc/" + std::to_string(pid) + "/status");
  std::string line;
  while (std::getline(status, line))
    if (line.rfind("VmRSS:", 0) == 0) return std::atol(line.c_str() + 6);
  return -1;
}

// CPU time of a process in milliseconds: in its own code (user) and in the kernel on its behalf
// (system: socket reads and writes, epoll).
struct CpuTimes {
  double user_ms = 0;
  double system_ms = 0;
  double total_ms() const { return user_ms + system_ms; }
  CpuTimes operator-(const CpuTimes& earlier) const {
    return {user_ms - earlier.user_ms, system_ms - earlier.system_ms};
  }
};

inline CpuTimes cpu_times(pid_t pid) {
  std::ifstream stat("/proc/" + std::to_string(pid) + "/stat");
  std::string text((std::istreambuf_iterator<char>(stat)), std::istreambuf_iterator<char>());
  std::size_t pos = text.rfind(')');
  std::istringstream rest(text.substr(pos + 2));
  std::string field;
  double utime = 0, stime = 0;
  for (int i = 3; i <= 15 && rest >> field; ++i) {
    if (i == 14) utime = std::atof(field.c_str());
    if (i == 15) stime = std::atof(field.c_str());
  }
  const double ms_per_tick = 1000.0 / static_cast<double>(sysconf(_SC_CLK_TCK));
  return {utime * ms_per_tick, stime * ms_per_tick};
}

inline double cpu_ms(pid_t pid) { return cpu_times(pid).total_ms(); }

}  // namespace treff::bench
