// The texts of calling a contact (who is online, ringing, how a ring ended), in Dutch, German and
// English; the language is the rooms' (catalog.h).
#pragma once

#include <string>
#include <string_view>

#include "ui/catalog.h"

namespace treff::ui {

enum class CallingText {
  OnlineNow,
  ChooseWhom,           // how to start a call
  NobodyOnline,
  StartCall,            // "Start beeldcontact"
  SoundOnlyCall,        // "Alleen bellen"
  Online,
  InCall,
  Offline,
  Chosen,
  Calling,              // {name}
  SecondsLeft,          // {name}: the seconds
  OneSecondLeft,
  Stop,
  IsCallingYou,         // {name}
  SoundOnly,
  Answer,               // "Opnemen"
  Refuse,               // "Weigeren"
  Declined,             // {name}
  NotAnswered,          // {name}
  Busy,                 // {name}
  NotOnline,            // {name}
  HungUp,               // {name}
  AnsweredElsewhere,
  Missed,               // {name}
  ConnectionLost,
  Connecting,           // the line to the server is not open (yet)
  ChooseFirst,
  Dismiss,
  And,                  // between the last two names of a list
  NotificationsWhy,
  AllowNotifications,
  CallColleague,        // the room menu's list of the organisation
  CallColleagueHow,
  NoColleagues,
  Count
};

const char* tr(CallingText text);
std::string tr_with_name(CallingText text, const std::string& name);
// A plain message for the server's refusal of a ring ("ring-self", "too-many-rings", ...).
const char* tr_calling_problem(std::string_view code);

}  // namespace treff::ui
