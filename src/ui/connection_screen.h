// The connection test on screen: what it measures, a progress bar while it runs, then the result
// as a bar of three parts (red, amber, green) with the reached part lit and named, one sentence on
// what to do, and the figures.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "ui/catalog.h"

namespace treff::ui {

enum class LineColour { Red, Amber, Green };

struct ConnectionTestView {
  bool running = false;
  float progress = 0;             // 0..1 while running
  std::string step;               // "Measuring download…"
  std::optional<LineColour> colour;  // when there is a verdict
  std::string headline;           // "Good for video calls"
  std::string advice;             // one sentence on what to do (also: why there is no verdict)
  std::vector<std::string> figures;  // response time, download, upload, the way found
};

struct ConnectionTestIntents {
  bool start = false;  // "Start the test" or "Test again"
  bool back = false;
  std::optional<Language> language;
};

ConnectionTestIntents draw_connection_test_screen(const ConnectionTestView& view);

}  // namespace treff::ui
