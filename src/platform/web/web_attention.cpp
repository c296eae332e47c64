#include "platform/web/web_attention.h"

extern "C" {
void treff_attention_prepare();
void treff_attention_ring_start(const char* title, const char* body);
void treff_attention_ring_stop();
int treff_attention_notifications();
void treff_attention_ask_notifications();
}

namespace treff::platform {

void prepare_attention() { treff_attention_prepare(); }

void ring_attention_start(const std::string& title, const std::string& body) {
  treff_attention_ring_start(title.c_str(), body.c_str());
}

void ring_attention_stop() { treff_attention_ring_stop(); }

NotificationPermission notification_permission() {
  switch (treff_attention_notifications()) {
    case 0: return NotificationPermission::Unsupported;
    case 2: return NotificationPermission::Allowed;
    case 3: return NotificationPermission::Refused;
    default: return NotificationPermission::NotAsked;
  }
}

void ask_notification_permission() { treff_attention_ask_notifications(); }

}  // namespace treff::platform
