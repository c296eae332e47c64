#include "core/line_grade.h"

#include <algorithm>

namespace treff {

LineVerdict judge_line(const LineMeasurement& m) {
  const double narrower = std::min(m.down_kbps, m.up_kbps);  // a call sends as much as it receives
  if (m.path == UdpPath::None) return {LineGrade::Red, LineAdvice::NoPath};
  if (narrower < kSoundCallKbps) return {LineGrade::Red, LineAdvice::TooSlow};
  if (m.round_trip_ms > kUsableRoundTripMs) return {LineGrade::Red, LineAdvice::DelayTooLong};
  if (m.path == UdpPath::TcpRelayOnly) return {LineGrade::Amber, LineAdvice::TcpOnly};
  if (narrower < kVideoCallKbps) return {LineGrade::Amber, LineAdvice::SlowForVideo};
  if (m.round_trip_ms > kGoodRoundTripMs) return {LineGrade::Amber, LineAdvice::LongDelay};
  // In a mesh each other person is one more stream up and one more down.
  const int others = static_cast<int>(narrower / kVideoCallKbps);
  return {LineGrade::Green, LineAdvice::GoodForVideo, std::min(kMostVideoPeople, 1 + others)};
}

}  // namespace treff
