#include "app/connection_flow.h"

#include <cmath>
#include <string>

#include "app/entry_flow.h"
#include "ui/connection_catalog.h"
#include "ui/connection_screen.h"
#include "ui/screens.h"

namespace treff::app {
namespace {

constexpr double kRedrawMs = 100;  // the progress bar moves on while the test runs

const char* step_text(ConnectionCheck::Step step) {
  switch (step) {
    case ConnectionCheck::Step::RoundTrip: return ui::tr(ui::ConnectionText::StepRoundTrip);
    case ConnectionCheck::Step::Download: return ui::tr(ui::ConnectionText::StepDownload);
    case ConnectionCheck::Step::Upload: return ui::tr(ui::ConnectionText::StepUpload);
    case ConnectionCheck::Step::UdpPath: return ui::tr(ui::ConnectionText::StepPath);
    default: return "";
  }
}

ui::ConnectionText advice_text(LineAdvice advice) {
  switch (advice) {
    case LineAdvice::GoodForVideo: return ui::ConnectionText::GoodForVideo;
    case LineAdvice::SlowForVideo: return ui::ConnectionText::SlowForVideo;
    case LineAdvice::LongDelay: return ui::ConnectionText::LongDelay;
    case LineAdvice::TcpOnly: return ui::ConnectionText::TcpOnly;
    case LineAdvice::TooSlow: return ui::ConnectionText::TooSlow;
    case LineAdvice::DelayTooLong: return ui::ConnectionText::DelayTooLong;
    case LineAdvice::NoPath: return ui::ConnectionText::NoPath;
    case LineAdvice::ServerUnreachable: return ui::ConnectionText::ServerUnreachable;
  }
  return ui::ConnectionText::ServerUnreachable;
}

ui::ConnectionText path_text(UdpPath path) {
  switch (path) {
    case UdpPath::Udp: return ui::ConnectionText::PathUdp;
    case UdpPath::TcpRelayOnly: return ui::ConnectionText::PathTcp;
    case UdpPath::None: return ui::ConnectionText::PathNone;
    case UdpPath::NotChecked: return ui::ConnectionText::PathNotChecked;
  }
  return ui::ConnectionText::PathNotChecked;
}

ui::ConnectionTestView view_of(const ConnectionCheck& check, double now_ms) {
  ui::ConnectionTestView v;
  v.running = check.running();
  v.progress = static_cast<float>(check.progress(now_ms));
  v.step = step_text(check.step());
  if (check.failure() == ConnectionCheck::Failure::Busy) v.advice = ui::tr(ui::ConnectionText::Busy);
  if (check.failure() == ConnectionCheck::Failure::NotOffered) v.advice = ui::tr(ui::ConnectionText::NotOffered);
  const auto verdict = check.verdict();
  if (!verdict) return v;
  static const ui::ConnectionText kHeadlines[] = {ui::ConnectionText::GradeGreen, ui::ConnectionText::GradeAmber,
                                                  ui::ConnectionText::GradeRed};
  static const ui::LineColour kColours[] = {ui::LineColour::Green, ui::LineColour::Amber, ui::LineColour::Red};
  v.colour = kColours[static_cast<int>(verdict->grade)];
  v.headline = ui::tr(kHeadlines[static_cast<int>(verdict->grade)]);
  v.advice = ui::tr_with_name(advice_text(verdict->advice), std::to_string(verdict->video_people));
  if (verdict->advice == LineAdvice::ServerUnreachable) return v;  // nothing was measured
  const LineMeasurement& m = check.measured();
  v.figures.push_back(ui::tr_with_name(ui::ConnectionText::RoundTrip, std::to_string(std::lround(m.round_trip_ms))));
  v.figures.push_back(ui::tr_with_name(ui::ConnectionText::Download, ui::mbit_per_second(m.down_kbps)));
  v.figures.push_back(ui::tr_with_name(ui::ConnectionText::Upload, ui::mbit_per_second(m.up_kbps)));
  if (m.down_kbps > 0 && m.up_kbps > 0) v.figures.push_back(ui::tr(path_text(m.path)));
  return v;
}

}  // namespace

void open_connection_test(App& app, double now_ms) {
  if (!app.connection_check) app.connection_check = std::make_unique<ConnectionCheck>(app.check_http, app.ice_probes);
  app.show_connection_test = true;
  app.connection_check->start(now_ms);
}

bool follow_connection_test(App& app, double now_ms) {
  if (!app.connection_check) return false;
  bool changed = app.connection_check->update(now_ms);
  if (app.show_connection_test && app.connection_check->running() && now_ms >= app.next_check_redraw_ms) {
    app.next_check_redraw_ms = now_ms + kRedrawMs;
    changed = true;
  }
  return changed;
}

bool draw_connection_test(App& app, double now_ms) {
  if (!app.show_connection_test || !app.connection_check) return false;
  const ui::ConnectionTestIntents in = ui::draw_connection_test_screen(view_of(*app.connection_check, now_ms));
  if (in.language) switch_language(*in.language);
  if (in.start) app.connection_check->start(now_ms);
  if (in.back) {
    app.show_connection_test = false;
    app.connection_check.reset();  // a test still running stops (its probes close)
  }
  return true;
}

nlohmann::json connection_test_json(const App& app, double now_ms) {
  static const char* const kSteps[] = {"idle", "round-trip", "download", "upload", "udp-path", "done"};
  static const char* const kGrades[] = {"green", "amber", "red"};
  static const char* const kPaths[] = {"not-checked", "udp", "tcp-relay-only", "none"};
  static const char* const kFailures[] = {"", "busy", "not-offered"};
  if (!app.show_connection_test || !app.connection_check) return {{"open", false}};
  const ConnectionCheck& check = *app.connection_check;
  const LineMeasurement& m = check.measured();
  nlohmann::json j{{"open", true},
                   {"step", kSteps[static_cast<int>(check.step())]},
                   {"progress", check.progress(now_ms)},
                   {"roundTripMs", m.round_trip_ms},
                   {"downKbps", m.down_kbps},
                   {"upKbps", m.up_kbps},
                   {"path", kPaths[static_cast<int>(m.path)]},
                   {"failure", kFailures[static_cast<int>(check.failure())]}};
  if (const auto verdict = check.verdict()) {
    j["grade"] = kGrades[static_cast<int>(verdict->grade)];
    j["videoPeople"] = verdict->video_people;
  }
  return j;
}

}  // namespace treff::app
