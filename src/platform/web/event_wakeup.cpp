#include "platform/web/event_wakeup.h"

namespace treff::platform {
namespace {

WakeHandler g_handler = nullptr;
bool g_running = false;
bool g_again = false;

}  // namespace

void set_wake_handler(WakeHandler handler) { g_handler = handler; }

void wake() {
  if (!g_handler) return;
  if (g_running) {
    g_again = true;
    return;
  }
  g_running = true;
  do {
    g_again = false;
    g_handler();
  } while (g_again);
  g_running = false;
}

}  // namespace treff::platform
