// The screens: each draws a view of the state it is given and returns what the user asked for.
// They own no state and do no I/O.
#pragma once

#include <imgui.h>

#include <cstddef>
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "ui/calling_screens.h"

namespace treff::ui {

enum class Language;

struct JoinForm {
  char name[256] = {};
  char room[128] = {};
  char password[1200] = {};     // room passwords are at most 256 characters (4 bytes each at most)
  bool ask_password = false;    // the room turned out to be locked
  bool focus_password = false;  // the password field has just appeared: the caret goes there
  const char* error = nullptr;  // shown under the fields
  bool busy = false;            // joining: the button waits
  bool audio_only = false;      // join without the camera ("Nur Audio"); remembered
  bool blocked = false;         // no join possible (the error says why): the button is disabled
  bool devices_open = false;    // one column: the camera, microphone and speaker buttons are shown
};

struct JoinIntents {
  bool join = false;                  // button or Enter
  bool audio_only_changed = false;    // the person ticked or unticked "audio only"
  bool next_camera = false, next_microphone = false, next_speaker = false;
  bool test_microphone = false;       // "Test microphone"
  std::optional<Language> language;   // picked from the language row
};

// The start screen's own state; the name is the join form's.
struct StartForm {
  char new_room[128] = {};
  bool details_open = false;
  const char* error = nullptr;
  std::string server;              // "Server: <name>"; empty when there is only this one
  std::string server_description;
  // The server keeps accounts: a button to log in, or for someone logged in, back to their
  // contacts; its label. Null: no such button.
  const char* account_button = nullptr;
};

struct StartIntents {
  bool call_now = false;     // a fresh random room, joined at once
  bool create_room = false;  // the room named in new_room
  bool next_server = false;  // the server button: the next one in the list
  bool account = false;      // the account button: to the login, or to the contacts
  bool test_connection = false;  // "Test connection"
  std::optional<Language> language;
};

struct Tile {
  std::string id;
  std::string name;
  std::string initials;
  bool is_self = false;
  bool mic_on = true;
  bool camera_on = true;
  bool speaking = false;
  std::uint32_t video = 0;  // a picture to show (ui/video_layer.h); 0: none yet, initials are shown
  float aspect = 4.0f / 3.0f;
  bool mirror = false;      // the self-view, shown as in a mirror (what is sent stays unmirrored)
  std::string notice;             // e.g. no connection to this person: said on the tile
};

enum class InviteStatus { None, Copied, CopyFailed };

// The join prompt's look at the person's own camera and microphone before joining.
struct PrejoinView {
  Tile self;               // own picture, or initials while there is none
  bool has_audio = false;  // a microphone is open: its level meter shows
  float level = 0;         // 0..1
  // "Camera: <name>" and so on; pressing one switches to the next device of its kind. Empty: the
  // row is not shown (no such device, or the browser lets no page choose its speaker).
  std::string camera, microphone, speaker;
  // "Test microphone": offered while a microphone was asked for; busy while it records and plays.
  bool offer_mic_test = false;
  bool mic_test_busy = false;
  float mic_test_progress = -1;           // 0..1 while recording, else < 0
  const char* mic_test_message = nullptr; // what the test says now
  bool mic_test_warning = false;          // the message is a problem to fix
};

// The room menu's state, kept by the caller between frames.
struct RoomMenu {
  bool open = false;
  bool focus_first = false;     // just opened: keyboard focus goes into the menu
  bool focus_button = false;    // closed with Escape: keyboard focus goes back to its button
  char password[1200] = {};
  const char* error = nullptr;  // e.g. an invalid password
  InviteStatus invite = InviteStatus::None;
  bool select_link = false;     // copying failed: the link field takes focus with its text selected
};

// Which page of thumbnails is shown when not all fit (rooms of many people, small screens).
struct ThumbnailPages {
  int page = 0;
};

struct RoomView {
  std::vector<Tile> tiles;  // thumbnail order
  int large = -1;           // index into tiles
  bool has_mic = false, mic_on = false;
  bool has_camera = false, camera_on = false;
  bool locked = false;          // the room has a password
  bool is_host = false;         // you may set or remove it
  std::string host_name;
  std::string link;             // this room's invite link
  bool can_share = false;       // the browser has a share sheet (phones)
  bool sound_blocked = false;   // the browser holds the others' sound back until a click
  const char* notice = nullptr;               // e.g. reconnecting
  std::vector<const char*> help;              // e.g. how to allow the camera
  std::optional<RingBar> ringing;             // the caller's contacts are being rung
  // Logged in: the room menu lists the organisation's people to ring into this room, online first.
  bool can_call_colleagues = false;
  struct Colleague {
    int id = 0;
    std::string label;   // "Dirk Bakker (online)"
    bool reachable = false;  // online or in a call (the server says "busy" for the latter)
  };
  std::vector<Colleague> colleagues;
  std::string ring_note;  // how the last ring from here ended, or why it could not start
  // Recording: the button in the menu, and who records (a line on top for everyone).
  bool can_record = false;
  bool recording = false;          // this person records
  std::string recording_note;      // "Anna is recording this call."; "" when nobody does
  std::string recording_result;    // where the last recording went, or that it failed
  bool recording_failed = false;
};

struct RoomIntents {
  std::optional<std::string> pick;
  bool toggle_mic = false;
  bool toggle_camera = false;
  bool leave = false;
  bool toggle_menu = false;
  bool close_menu = false;  // Escape in the open menu
  bool lock = false;    // with the menu's password
  bool unlock = false;
  bool copy_link = false;
  bool share_link = false;
  bool hear_others = false;  // the click the browser wanted before it plays the others' sound
  bool stop_ringing = false;  // the caller hangs up before anyone answered
  bool toggle_recording = false;
  std::optional<int> call_colleague;  // ring this person of the organisation into the room
  // How tall (CSS px) each person's tile is on screen this frame, by id: the large view's or the
  // thumbnail's, whichever is taller; people on no tile are not named (an SFU sends their video
  // only while it is seen).
  std::map<std::string, float> shown_heights;
};

// The look: calm colours, or (`more_contrast`, when the system asks for it) black text and strong
// borders on white.
void apply_theme(float scale, bool more_contrast = false);
// Loads the embedded UI font (/fonts/ui.ttf) at 18 CSS px, rasterised at the device pixel ratio
// so text stays sharp on HiDPI screens, plus a larger size for titles. Called again (it replaces
// the fonts) when the ratio changes, as when a person zooms.
void load_fonts(float device_pixel_ratio);
// The titles' font; the body font in a very short window.
ImFont* title_font();
// Call now, create a named room, or pick a language; with how it works above.
StartIntents draw_start_screen(JoinForm& join, StartForm& form);
JoinIntents draw_join_screen(JoinForm& form, const PrejoinView& preview);
RoomIntents draw_room_screen(const RoomView& view, RoomMenu& menu, ThumbnailPages& pages);
// True when the person asked to rejoin.
bool draw_left_screen(const char* message);

}  // namespace treff::ui
