// Getting the person's attention while a contact rings: the ring tone, the blinking page title and
// a notification when the tab is in the background (wasm/attention.js).
#pragma once

#include <string>

namespace treff::platform {

// At page start: the first click or key press unlocks sound for the ring tone.
void prepare_attention();
// A ring starts: the tone plays (repeated), the title alternates with `title`, and a tab in the
// background shows a notification (when allowed) with `title` and `body`.
void ring_attention_start(const std::string& title, const std::string& body);
void ring_attention_stop();

enum class NotificationPermission { Unsupported, NotAsked, Allowed, Refused };
NotificationPermission notification_permission();
// Only from a click: browsers ignore the question otherwise.
void ask_notification_permission();

}  // namespace treff::platform
