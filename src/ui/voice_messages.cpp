// Voice messages on the contacts screen, under "Online now": "Leave {name} a message" for whom
// the last ring did not reach, the message being recorded (a bar over its minute, Send, Cancel)
// and the messages left for this person, each with Play and Delete.
#include <string>

#include "ui/audio_catalog.h"
#include "ui/calling_catalog.h"
#include "ui/calling_screens.h"
#include "ui/widgets.h"

namespace treff::ui {

VoiceMailIntents draw_voice_mail(const VoiceMailView& view, float width) {
  VoiceMailIntents out;
  const float half = (width - 16) / 2;
  if (!view.busy) {
    for (const auto& [id, name] : view.leave_for) {
      ImGui::PushID(id);
      if (button((tr_with_name(AudioText::LeaveMessage, name) + "###leave").c_str(), ImVec2(width, kTouchTarget)))
        out.leave_for = id;
      ImGui::PopID();
    }
  }
  if (!view.status.empty()) text_block(view.status.c_str(), width, view.status_warning ? kWarning : 0);
  if (view.progress >= 0) progress_bar(width, view.progress, kWarning);
  if (view.recording) {
    out.send = filled_button(tr(AudioText::SendMessage), ImVec2(half, kTouchTarget), kPrimaryButton);
    ImGui::SameLine(0, 16);
    out.cancel = button(tr(AudioText::CancelMessage), ImVec2(half, kTouchTarget));
  }
  if (view.can_dismiss) out.dismiss = button(tr(CallingText::Dismiss), ImVec2(std::min(width, 160.0f), kTouchTarget));
  if (!view.inbox.empty() || view.inbox_problem) {
    ImGui::Spacing();
    text_block(tr(AudioText::VoiceMessages), width, kAccent);
  }
  if (view.inbox_problem) text_block(view.inbox_problem, width, kWarning);
  for (const auto& m : view.inbox) {
    ImGui::PushID(static_cast<int>(m.id));
    text_block((m.from + ", " + m.length + (m.playing ? std::string("  ") + tr(AudioText::MessagePlaying) : "")).c_str(), width);
    if (button((tr_with_name(AudioText::PlayMessage, m.from) + "###play").c_str(), ImVec2(half, kTouchTarget)))
      out.play = m.id;
    ImGui::SameLine(0, 16);
    if (button((tr_with_name(AudioText::DeleteMessage, m.from) + "###delete").c_str(), ImVec2(half, kTouchTarget)))
      out.remove = m.id;
    ImGui::PopID();
  }
  return out;
}

}  // namespace treff::ui
