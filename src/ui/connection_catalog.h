// The texts of the connection test ("Test verbinding"), in Dutch, German and English; the language
// is the rooms' (catalog.h).
#pragma once

#include <string>

#include "ui/catalog.h"

namespace treff::ui {

enum class ConnectionText {
  TestConnection,
  Intro,
  Start,
  StepRoundTrip,
  StepDownload,
  StepUpload,
  StepPath,
  GradeGreen,
  GradeAmber,
  GradeRed,
  GoodForVideo,       // {name}: how many people
  SlowForVideo,
  LongDelay,
  TcpOnly,
  TooSlow,
  DelayTooLong,
  NoPath,
  ServerUnreachable,
  Busy,
  NotOffered,
  RoundTrip,          // {name}: milliseconds
  Download,           // {name}: Mbit/s
  Upload,             // {name}: Mbit/s
  PathUdp,
  PathTcp,
  PathNone,
  PathNotChecked,
  TestAgain,
  Back,
  ScaleRed,           // the bar's three parts, for screen readers
  ScaleAmber,
  ScaleGreen,
  Count
};

const char* tr(ConnectionText text);
std::string tr_with_name(ConnectionText text, const std::string& name);
// kbit/s as Mbit/s with one decimal, in the language's way of writing it ("2,5" or "2.5").
std::string mbit_per_second(double kbps);

}  // namespace treff::ui
