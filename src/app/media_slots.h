// The videos, sounds and sound meters of the people in the room: a video per camera, a player and
// a meter per remote microphone (the meter for the active speaker), opened and closed as people
// come, go or reconnect. A person's sound does not depend on their video.
#pragma once

#include "app/client_app.h"

namespace treff::app {

// Opens a video slot for each participant with a camera, closes those of people who left or whose
// connection was replaced.
void sync_video_slots(App& app);
// The same for the remote people's sound: a player for each, whatever happens to their video.
void sync_sounds(App& app);
// Takes the players' news (playing, or held back by the browser until a click); true when the
// room screen must show or hide its button to hear the others.
bool take_sound_events(App& app);
// The same as sync_sounds for the remote people's sound meters.
void sync_meters(App& app);
// Hands the meters' levels to the call (for the active speaker), ten times a second.
void sample_audio_levels(App& app, double now_ms);
// Tells the call how tall each person's tile is shown this frame (`shown_heights`, CSS px, from the
// room screen; `device_pixel_ratio` turns them into the picture's real pixels), so an SFU sends
// each video only at the layer its tile needs, and nothing for tiles not shown.
void choose_video_sizes(App& app, const std::map<std::string, float>& shown_heights, double device_pixel_ratio);
// Reads how far each video is (frames decoded, picture size); true when the screen must change
// for it: a first picture replaces initials, or the picture's shape changed. New frames alone
// change nothing here: the browser shows them.
bool follow_video_status(App& app, double now_ms);

}  // namespace treff::app
