// The contacts screen's voice messages (app/voice_mail.h) as the screen shows them, and what the
// person did with them.
#pragma once

#include <string>
#include <utility>
#include <vector>

#include "app/client_app.h"

namespace treff::app {

// `not_reached`: whom the last ring did not reach (id, name), offered a message.
ui::VoiceMailView voice_mail_view(App& app, const std::vector<std::pair<int, std::string>>& not_reached, double now_ms);
void act_on_voice_mail(App& app, const ui::VoiceMailIntents& in, double now_ms);
// Keeps the list fresh while the contacts screen shows it; true when the screen must change.
bool follow_voice_mail(App& app, double now_ms);

}  // namespace treff::app
