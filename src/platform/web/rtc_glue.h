// Declarations of the functions in wasm/rtc.js and wasm/media.js, and of the C++ entry points
// they call back (defined in web_peer_connections.cpp and web_local_media.cpp).
#pragma once

#include <cstdint>

extern "C" {
std::uint32_t treff_rtc_create(const char* ice_servers_json);  // RTCIceServer[] as JSON
void treff_rtc_set_ice_servers(std::uint32_t handle, const char* ice_servers_json);
void treff_rtc_attach_local_media(std::uint32_t handle, bool to_sfu);
void treff_rtc_set_local_description(std::uint32_t handle);
void treff_rtc_set_remote_description(std::uint32_t handle, int kind, const char* sdp);
void treff_rtc_add_ice_candidate(std::uint32_t handle, const char* candidate, int has_mid, const char* mid,
                                 int mline_index);
void treff_rtc_restart_ice(std::uint32_t handle);
void treff_rtc_close(std::uint32_t handle);

void treff_media_open(int audio, int video, const char* microphone_id, const char* camera_id);
void treff_media_set_enabled(int audio, int video);
void treff_media_close();

// Called from JS. Strings are only valid during the call.
void treff_rtc_event(std::uint32_t handle, int kind, int number, const char* text, int has_mid, const char* mid,
                     int mline_index);
void treff_media_event(int kind, int has_audio, int has_video, const char* error, const char* microphone_id,
                       const char* camera_id);
void treff_media_devices(const char* json);
}
