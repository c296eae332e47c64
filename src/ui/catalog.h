// Every text the screens show, in Dutch, German and English. Screens ask for a Text, never
// write a literal.
#pragma once

#include <string>
#include <string_view>

namespace treff::ui {

enum class Text {
  AppName,
  JoinTitle,
  YourName,
  RoomName,
  Join,
  Joining,
  Reconnecting,
  MicOff,
  MicOn,
  CameraOff,
  CameraOn,
  Leave,
  LeftTitle,
  Rejoin,
  You,
  Muted,
  CameraIsOff,
  Speaking,
  NoCameraAllowed,
  HowToAllowFirefox,
  HowToAllowChrome,
  NoDevices,
  ServerUnreachable,
  RoomFull,
  ConnectionLost,
  SomethingWentWrong,
  BadName,
  BadRoom,
  RoomLocked,
  WrongPassword,
  TooManyAttempts,
  ServerBusy,
  Password,
  BadPassword,
  RoomMenu,
  RoomMenuLocked,
  LockRoom,
  UnlockRoom,
  RoomIsLocked,
  RoomIsOpen,
  OnlyHostLocks,
  StartTitle,
  HowItWorks,
  Step1,
  Step2,
  Step3,
  MoreDetails,
  FewerDetails,
  Details,
  CallNow,
  Or,
  NewRoomName,
  CreateRoom,
  NameFirst,
  LanguageName,  // each language's own name: the picker shows "Nederlands", "Deutsch", "English"
  InviteTitle,
  RoomLink,
  CopyLink,
  LinkCopied,
  CopyByHand,
  ShareLink,
  AudioOnly,
  MicLevel,
  CameraDevice,
  MicrophoneDevice,
  SpeakerDevice,
  DefaultDevice,
  ServerRow,
  ThisServer,
  UnknownServer,
  HearOthers,  // the browser held back the others' sound until a click
  NoConnectionRetrying,  // on a person's tile, with {name}
  NoConnectionGaveUp,
  NeedsSecureConnection,  // the page was opened over plain http from another machine
  DeviceChoices,          // the join prompt's button that shows the camera, microphone and speaker
  ServerFull,             // the server's limits (server/limits.h)
  TooManyConnections,
  TooManyJoins,
  // A room on a Janus media server (core/janus_backend.h)
  MediaServerSilent,
  RoomCannotBeLocked,
  RoomClosed,
  RemovedFromRoom,
  MediaServerRefused,
  NoVideoRooms,
  PreviousPeople,  // the thumbnail strip's page buttons
  NextPeople,
  PageOfPages,     // "{page} / {pages}"
  Count
};

enum class Language { Dutch, German, English };

// Picks from a BCP 47 tag such as "de-DE" or "nl"; anything else is English.
Language language_from_tag(std::string_view tag);
void set_language(Language language);
Language language();
// "nl", "de" or "en".
const char* language_tag(Language language);

// One text in the three languages: a row of a catalog.
struct CatalogEntry {
  const char* nl;
  const char* de;
  const char* en;
};
// The row's text in `language`.
const char* in_language(const CatalogEntry& entry, Language language);

const char* tr(Text text);
const char* tr(Text text, Language language);
// The text with "{name}" replaced by `name`.
std::string tr_with_name(Text text, const std::string& name);
// `text` with "{name}" replaced by `name` (for the catalogs).
std::string fill_name(const char* text, const std::string& name);
// A plain message for a problem code from the call ("room-full", "bad-name", ...).
const char* tr_problem(std::string_view code);

}  // namespace treff::ui
