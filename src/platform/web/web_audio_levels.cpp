#include "platform/web/web_audio_levels.h"

extern "C" {
std::uint32_t treff_audio_watch_remote(std::uint32_t peer, const char* mids);
std::uint32_t treff_audio_watch_local();
double treff_audio_level(std::uint32_t meter);
void treff_audio_unwatch(std::uint32_t meter);
}

namespace treff::platform {

MeterHandle WebAudioLevels::watch_remote(const RemoteSource& source) {
  return treff_audio_watch_remote(source.peer, source.mid_list().c_str());
}
MeterHandle WebAudioLevels::watch_local() { return treff_audio_watch_local(); }
double WebAudioLevels::level(MeterHandle meter) { return treff_audio_level(meter); }
void WebAudioLevels::unwatch(MeterHandle meter) { treff_audio_unwatch(meter); }

}  // namespace treff::platform
