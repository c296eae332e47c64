#include "core/active_speaker.h"

#include <gtest/gtest.h>

namespace treff {
namespace {

// Feeds levels every 50 ms for `ms` milliseconds, like the audio meter does.
void speak(ActiveSpeakerDetector& d, std::int64_t& now,
           const std::map<std::string, double>& levels, std::int64_t ms) {
  for (std::int64_t t = 0; t < ms; t += 50) {
    now += 50;
    for (const auto& [id, level] : levels) d.add_level(id, level);
    d.update(now);
  }
}

TEST(ActiveSpeaker, FirstVoiceTakesTheFloorAtOnce) {
  ActiveSpeakerDetector d;
  std::int64_t now = 0;
  speak(d, now, {{"a", 0.3}, {"b", 0.0}}, 100);
  EXPECT_EQ(d.speaker(), "a");
}

TEST(ActiveSpeaker, BackgroundNoiseIsNoSpeaker) {
  ActiveSpeakerDetector d;
  std::int64_t now = 0;
  speak(d, now, {{"a", 0.01}, {"b", 0.005}}, 2000);
  EXPECT_FALSE(d.speaker().has_value());
}

TEST(ActiveSpeaker, ShortInterruptionDoesNotSwitch) {
  ActiveSpeakerDetector d;
  std::int64_t now = 0;
  speak(d, now, {{"a", 0.2}, {"b", 0.0}}, 500);
  speak(d, now, {{"a", 0.0}, {"b", 0.4}}, 300);  // a cough
  speak(d, now, {{"a", 0.2}, {"b", 0.0}}, 500);
  EXPECT_EQ(d.speaker(), "a");
}

TEST(ActiveSpeaker, SustainedNewSpeakerTakesOver) {
  ActiveSpeakerDetector d;
  std::int64_t now = 0;
  speak(d, now, {{"a", 0.2}, {"b", 0.0}}, 500);
  speak(d, now, {{"a", 0.0}, {"b", 0.3}}, 1200);
  EXPECT_EQ(d.speaker(), "b");
}

TEST(ActiveSpeaker, SlightlyLouderCrosstalkDoesNotSwitch) {
  ActiveSpeakerDetector d;
  std::int64_t now = 0;
  speak(d, now, {{"a", 0.2}, {"b", 0.0}}, 500);
  speak(d, now, {{"a", 0.2}, {"b", 0.25}}, 3000);
  EXPECT_EQ(d.speaker(), "a");
}

TEST(ActiveSpeaker, SilenceKeepsTheLastSpeakerAndLeavingClearsIt) {
  ActiveSpeakerDetector d;
  std::int64_t now = 0;
  speak(d, now, {{"a", 0.2}}, 300);
  speak(d, now, {{"a", 0.0}}, 3000);
  EXPECT_EQ(d.speaker(), "a");
  d.remove("a");
  EXPECT_FALSE(d.speaker().has_value());
}

}  // namespace
}  // namespace treff
