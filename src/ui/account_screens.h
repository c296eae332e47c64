// The account screens: login, the invitation's set-password page, my contacts, my details. As
// the other screens, each draws a view of what it is given and returns what the person asked for;
// the forms' text lives in the structs below, kept by the caller between frames.
#pragma once

#include <imgui.h>

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace treff::ui {

enum class Language;

struct LoginForm {
  char email[256] = {};
  char password[1200] = {};
  const char* error = nullptr;
  const char* notice = nullptr;  // e.g. the session ended
  bool busy = false;
};

struct LoginIntents {
  bool log_in = false;
  bool back = false;
  bool test_connection = false;  // "Test connection", before logging in
  std::optional<Language> language;
};
LoginIntents draw_login_screen(LoginForm& form);

struct InvitationForm {
  std::string greeting;  // "Invitation for Bob"; "" while the link is checked
  std::string email;
  char password[1200] = {};
  char repeated[1200] = {};
  const char* error = nullptr;
  bool busy = false;
  bool usable = false;  // the link is good: the password fields are shown
};

struct InvitationIntents {
  bool set_password = false;
  bool to_login = false;
  std::optional<Language> language;
};
InvitationIntents draw_invitation_screen(InvitationForm& form);

// Whether a contact is online now, as the server's presence says; Unknown before it said.
enum class PresenceMark { Unknown, Offline, Online, InCall };

// A person as the account screens show them.
struct PersonCard {
  int id = 0;
  std::string name, initials, email, phone, about, organisation;
  ImTextureID photo = nullptr;  // null: initials on a coloured disc
  PresenceMark presence = PresenceMark::Unknown;
};

// Voice messages on the contacts screen: the one being left for someone the last ring did not
// reach, and those left for this person.
struct VoiceMessageRow {
  std::int64_t id = 0;
  std::string from;
  std::string length;   // "0:12"
  bool playing = false;
};
struct VoiceMailView {
  std::vector<std::pair<int, std::string>> leave_for;  // a "Leave a message" button each
  bool recording = false;
  bool busy = false;          // recording or sending: no other message can start
  std::string status;         // what the message being left is doing; "" for nothing
  bool status_warning = false;
  bool can_dismiss = false;   // sent or failed: the status can be put away
  float progress = -1;        // 0..1 of the minute while recording
  std::vector<VoiceMessageRow> inbox;
  const char* inbox_problem = nullptr;
};
struct VoiceMailIntents {
  int leave_for = 0;          // a contact's id
  bool send = false, cancel = false, dismiss = false;
  std::int64_t play = 0, remove = 0;  // a message's id
};

// The "Online now" part of the contacts screen (ui/calling_screens.h draws it): the contacts to
// ring, chosen by clicking their photos.
struct OnlineContactsView {
  bool available = false;        // a server with calling (the line is there): the part shows
  bool connecting = false;       // the line is not open yet
  std::vector<PersonCard> online;  // online or in a call
  std::string outcome;           // how the last ring ended, in words; "" for none
  const char* problem = nullptr; // why a ring could not start
  bool offer_notifications = false;  // the browser could notify of rings, and was not asked yet
  VoiceMailView voice;
};

struct OnlineContactsIntents {
  bool start = false;            // with the chosen people
  bool sound_only = false;       // "Alleen bellen"
  bool dismiss = false;          // the outcome was read
  bool allow_notifications = false;
  VoiceMailIntents voice;
};

// What the person did in the search of "New contact", per person found.
enum class FoundState { CanAsk, AlreadyContact, Waiting, Self };
struct FoundPerson {
  PersonCard card;
  FoundState state = FoundState::CanAsk;
};

struct ContactsView {
  std::string my_name;
  std::vector<PersonCard> contacts;
  std::vector<PersonCard> asking_me;
  std::vector<PersonCard> asked;
  std::vector<FoundPerson> found;
  bool searched = false;         // a search came back (an empty list then says "nobody found")
  bool busy = false;             // a request is out: its buttons wait
  const char* error = nullptr;   // the last action's problem
  std::string notice;            // e.g. "Request sent"
  OnlineContactsView online;
};

// The contacts screen's own state, kept by the caller.
struct ContactsState {
  int page = 0;
  int selected = 0;             // account id; 0: none
  int confirm_remove = 0;       // account id whose removal is being confirmed
  bool search_open = false;
  bool focus_search = false;    // the search just opened: the caret goes there
  char query[256] = {};
  std::vector<int> chosen;      // whom "Start beeldcontact" rings (online contacts' ids)
};

struct ContactsIntents {
  bool my_details = false;
  bool log_out = false;
  bool rooms = false;                // to the start screen: a call by link
  bool test_connection = false;      // "Test connection"
  bool search = false;               // with state.query
  std::optional<int> request;        // send a contact request to this account
  std::optional<int> accept, decline;
  std::optional<int> remove;         // confirmed
  OnlineContactsIntents calling;
  std::optional<Language> language;
};
ContactsIntents draw_contacts_screen(const ContactsView& view, ContactsState& state);

struct DetailsForm {
  char name[256] = {};
  char phone[160] = {};
  char about[1200] = {};
  char current[1200] = {};
  char fresh[1200] = {};
  char repeated[1200] = {};
  char invite_email[256] = {};
  char invite_name[256] = {};
  char invite_link[600] = {};    // the link made, in a read-only field to copy from
  bool ask_unsaved = false;      // leaving with changes: "save them?"
  bool taking_photo = false;     // the camera's picture is shown, "Take the photo" waits
};

struct DetailsView {
  PersonCard me;
  bool admin = false;
  bool changed = false;          // the fields differ from what is saved
  bool saving = false;
  const char* details_message = nullptr;   // "Saved." or the problem
  bool details_failed = false;
  const char* photo_message = nullptr;
  bool photo_failed = false;
  bool photo_busy = false;
  const char* password_message = nullptr;
  bool password_failed = false;
  bool password_busy = false;
  const char* invite_message = nullptr;
  bool invite_failed = false;
  std::string invite_note;       // "Send this link to ..."
  std::string invite_link;
  std::uint32_t camera_video = 0;  // the camera's picture while taking a photo (ui/video_layer.h)
  float camera_aspect = 4.0f / 3.0f;
};

struct DetailsIntents {
  bool save = false;
  bool back = false;             // to the contacts (asks first when there are changes)
  bool leave_unsaved = false;    // "Don't save": back without saving
  bool save_and_leave = false;
  bool choose_photo = false;
  bool open_camera = false;
  bool take_photo = false;
  bool close_camera = false;
  bool change_password = false;
  bool log_out_everywhere = false;
  bool invite = false;
  bool copy_invite = false;
  std::optional<Language> language;
};
DetailsIntents draw_my_details_screen(const DetailsView& view, DetailsForm& form);

// A person's photo filling the square a..b, or their initials on a disc; with a dot in its corner
// for the presence (green online, orange in a call, grey offline) when it is known.
void draw_person_photo(ImDrawList* dl, const PersonCard& person, ImVec2 a, ImVec2 b);
// The presence in words ("online", "in a call", "offline"), for screen readers; "" when unknown.
const char* presence_words(PresenceMark presence);

}  // namespace treff::ui
