// The browser client's state: the platform objects, the call controller, the screens' forms and
// the videos shown. One App lives for the page; main.cpp runs its frame loop, and the files next
// to it each do one part of the work on it (media_slots, entry_flow, state_export).
#pragma once

#include <map>
#include <memory>
#include <string>
#include <vector>

#include "app/account_controller.h"
#include "app/account_forms.h"
#include "app/call_controller.h"
#include "app/call_recording.h"
#include "app/calling_line.h"
#include "app/connection_check.h"
#include "app/local_picture.h"
#include "app/microphone_test.h"
#include "app/photo_textures.h"
#include "app/prejoin_preview.h"
#include "app/server_choice.h"
#include "app/voice_mail.h"
#include "platform/web/web_audio_levels.h"
#include "platform/web/web_http_requests.h"
#include "platform/web/web_ice_probes.h"
#include "platform/web/web_local_media.h"
#include "platform/web/web_peer_connections.h"
#include "platform/web/web_remote_sound.h"
#include "platform/web/web_sound_recorder.h"
#include "platform/web/web_video_placement.h"
#include "ui/screens.h"

namespace treff::app {

// A participant's video, shown by the browser where the room screen puts it.
struct VideoSlot {
  platform::VideoHandle video = 0;  // for the local camera: own_picture's, which the slot does not close
  platform::RemoteSource source;    // peer 0 for the local camera
  platform::VideoStatus status;   // frames decoded so far, and the picture's size
  double next_status_ms = 0;      // when to ask for the status again
};

// A remote participant's sound meter, for the active-speaker decision.
struct Meter {
  platform::MeterHandle meter = 0;
  platform::RemoteSource source;
};

// A remote participant's sound, played whether or not they send video.
struct SoundSlot {
  platform::SoundHandle sound = 0;
  platform::RemoteSource source;
  bool blocked = false;  // the browser holds it back until the person clicks
};

struct App {
  platform::WebPeerConnections peers;
  platform::WebLocalMedia media;
  platform::WebVideoPlacement videos;
  platform::WebAudioLevels levels;
  platform::WebRemoteSound sound;
  std::map<std::string, Meter> meters;      // by participant id
  std::map<std::string, SoundSlot> sounds;  // by participant id
  LocalPicture own_picture{videos};         // the own camera's video, in the preview and the room
  PrejoinPreview preview{videos, levels};  // the join prompt's picture and meter
  platform::WebSoundRecorder recorder;
  MicrophoneTest mic_test{recorder};       // the join prompt's "Test microphone"
  std::string speaker;  // chosen output device id; "" for the default
  double next_level_sample_ms = 0;
  std::unique_ptr<CallController> call;
  platform::WebHttpRequests http;
  std::unique_ptr<AccountController> accounts;  // the logged-in side (app/account_flow.h)
  std::unique_ptr<CallingLine> line;            // presence and rings while logged in (app/calling_flow.h)
  bool ring_call = false;                       // the call joined came from a ring
  std::vector<int> watched;                     // the contacts the line's presence was asked for
  const char* ring_problem = nullptr;           // why a ring could not start
  double next_ring_redraw_ms = 0;               // the ring's bar is drawn anew as it empties
  std::string attention_ring;                   // the ring the tone and title are for; "" for none
  platform::WebHttpRequests check_http;          // the connection test's own requests
  platform::WebSoundRecorder voice_recorder;
  platform::WebHttpRequests voice_http;          // voice messages' own requests
  VoiceMail voice_mail{voice_recorder, voice_http};  // left and received on the contacts screen
  platform::WebSoundRecorder call_recorder;
  CallRecording call_recording{call_recorder};    // "Record this call" in the room menu
  platform::WebIceProbes ice_probes;
  std::unique_ptr<ConnectionCheck> connection_check;  // while its screen is open (app/connection_flow.h)
  bool show_connection_test = false;
  double next_check_redraw_ms = 0;
  PhotoTextures photos;
  AccountForms account_ui;
  ui::JoinForm form;
  ui::StartForm start;
  bool show_start = false;         // the page was opened without a room: the start screen
  bool open_menu_on_entry = false; // a room just made here: its invite link is the next step
  ui::RoomMenu menu;
  ui::ThumbnailPages thumbnail_pages;
  unsigned copy_request = 0;       // the clipboard copy whose answer the menu waits for
  std::string origin;              // of the page, for invite links
  std::unique_ptr<ServerChoice> servers;  // which server rooms are on
  std::string server_error;        // why a link's server is refused (form.error points here)
  std::map<std::string, VideoSlot> slots;  // by participant id
  bool call_changed = false;              // the call changed since the last drawn frame
  int settle_frames = 2;                  // ImGui needs a frame or two after input to settle
  std::string last_tree;                  // the automation tree of the last drawn frame
  std::vector<platform::VideoRect> placed;  // the pictures as last handed to the browser
  long frames_laid_out = 0;  // ImGui frames made (each wakes the C++ UI)
  long frames_rendered = 0;  // of those, the ones drawn into the canvas (the others showed nothing new)
  double last_css_w = 0, last_css_h = 0, last_dpr = 0;
  bool more_contrast = false;  // the system asks for more contrast (prefers-contrast: more)
  int fb_w = 0, fb_h = 0;
};

}  // namespace treff::app
