// Calling a contact on screen: the "Online now" part of the contacts screen, the screen of a
// ring for this person ("Opnemen" / "Weigeren"), and the caller's bar in the room ("Calling …",
// the time left to answer, "Stop").
#pragma once

#include <string>
#include <vector>

#include "ui/account_screens.h"

namespace treff::ui {

// Within the contacts screen's column of `width`: the online contacts as photos to choose (a click
// chooses or unchooses), and the buttons that ring the chosen ones.
OnlineContactsIntents draw_online_contacts(const OnlineContactsView& view, std::vector<int>& chosen, float width);

// Voice messages (ui/voice_messages.cpp), drawn by draw_online_contacts under the outcome.
VoiceMailIntents draw_voice_mail(const VoiceMailView& view, float width);

struct IncomingRingView {
  PersonCard caller;
  bool sound_only = false;
  float left = 1;           // of the time to answer, 1..0
  bool answering = false;   // "Opnemen" was pressed: waiting for the call
};
struct IncomingRingIntents {
  bool answer = false;
  bool decline = false;
  std::optional<Language> language;
};
IncomingRingIntents draw_incoming_ring_screen(const IncomingRingView& view);

// The caller's bar at the top of the room while the others' phones ring.
struct RingBar {
  std::string text;      // "Calling Bob…"
  std::string seconds;   // "25 seconds left to answer"
  float left = 1;        // 1..0
};
// Draws the bar across `width` from the cursor; true when "Stop" was pressed.
bool draw_ring_bar(const RingBar& bar, float width);

}  // namespace treff::ui
