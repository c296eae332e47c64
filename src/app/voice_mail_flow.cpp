#include "app/voice_mail_flow.h"

#include "ui/audio_catalog.h"

namespace treff::app {
namespace {

// A message's length is rounded to the nearest second: a 2.6 s message reads "0:03".
std::string rounded_length(std::int64_t ms) { return ui::minutes_and_seconds((ms + 500) / 1000); }

const char* problem_text(const std::string& code) {
  using T = ui::AudioText;
  if (code == "not-a-contact" || code == "no-account" || code == "not-found") return ui::tr(T::MessageNotContact);
  if (code == "voice-message-too-long") return ui::tr(T::MessageTooLong);
  if (code.rfind("audio-", 0) == 0 || code == "voice-message-empty") return ui::tr(T::MessageNotOpus);
  if (code == "mailbox-full") return ui::tr(T::MessageMailboxFull);
  if (code == "server-unreachable") return ui::tr(T::MessageServerGone);
  if (code == "no-microphone") return ui::tr(T::MicTestNoMicrophone);
  if (code == "microphone-denied") return ui::tr(T::MicTestDenied);
  if (code == "microphone-ended") return ui::tr(T::MicTestUnplugged);
  if (code == "sound-stalled") return ui::tr(T::MicTestSoundStalled);
  if (code == "unsupported") return ui::tr(T::MicTestUnsupported);
  return ui::tr(T::MessageFailed);
}

}  // namespace

ui::VoiceMailView voice_mail_view(App& app, const std::vector<std::pair<int, std::string>>& not_reached, double now_ms) {
  using Phase = VoiceMail::Phase;
  const VoiceMail& mail = app.voice_mail;
  ui::VoiceMailView v;
  v.leave_for = not_reached;
  v.recording = mail.phase() == Phase::Recording;
  v.busy = v.recording || mail.phase() == Phase::Sending;
  switch (mail.phase()) {
    case Phase::Idle: break;
    case Phase::Recording:
      v.status = ui::tr_with_name(ui::AudioText::RecordingMessage, mail.to_name()) + "  " +
                 rounded_length(static_cast<std::int64_t>(mail.recorded_ms(now_ms))) + " / 1:00";
      v.progress = static_cast<float>(mail.recorded_ms(now_ms) / VoiceMail::kMaxMs);
      break;
    case Phase::Sending: v.status = ui::tr_with_name(ui::AudioText::SendingMessage, mail.to_name()); break;
    case Phase::Sent:
      v.status = ui::tr_with_name(ui::AudioText::MessageSent, mail.to_name());
      v.can_dismiss = true;
      break;
    case Phase::Failed:
      v.status = problem_text(mail.error());
      v.status_warning = true;
      v.can_dismiss = true;
      break;
  }
  for (const auto& m : mail.inbox())
    v.inbox.push_back({m.id, m.from_name, rounded_length(m.duration_ms), mail.playing() == m.id});
  if (!mail.inbox_error().empty()) v.inbox_problem = ui::tr(ui::AudioText::MessagesUnavailable);
  return v;
}

void act_on_voice_mail(App& app, const ui::VoiceMailIntents& in, double now_ms) {
  VoiceMail& mail = app.voice_mail;
  if (in.leave_for != 0) {
    std::string name;
    for (const auto& p : app.accounts->book().contacts)
      if (p.id == in.leave_for) name = p.name;
    mail.record_for(in.leave_for, name, now_ms);
  }
  if (in.send) mail.send();
  if (in.cancel) mail.cancel();
  if (in.dismiss) mail.dismiss();
  if (in.play != 0) mail.play(in.play);
  if (in.remove != 0) mail.remove(in.remove);
}

bool follow_voice_mail(App& app, double now_ms) {
  const bool shown = app.accounts && app.accounts->me() && app.account_ui.screen == AccountScreen::Contacts;
  if (shown) app.voice_mail.watch_inbox(now_ms);
  else app.voice_mail.cancel();  // leaving the screen drops a message not sent
  return app.voice_mail.update(now_ms);
}

}  // namespace treff::app
