#include "app/media_slots.h"

#include <algorithm>

namespace treff::app {
namespace {

constexpr double kStatusIntervalMs = 250;

}  // namespace

void sync_video_slots(App& app) {
  app.own_picture.follow(app.call->local_media());
  const auto& room = app.call->room();
  // Close slots of people who left, of remote people whose connection was replaced, and the own
  // slot when the own picture changed.
  for (auto it = app.slots.begin(); it != app.slots.end();) {
    const Participant* p = room.find(it->first);
    const RemoteMediaState* r = p && !p->is_self ? app.call->remote(p->id) : nullptr;
    const bool stale = !p || (p->is_self ? it->second.video != app.own_picture.video()
                                         : !r || r->source() != it->second.source);
    if (stale) {
      if (it->second.source.peer) app.videos.close(it->second.video);
      it = app.slots.erase(it);
    } else {
      ++it;
    }
  }
  for (const auto& p : room.thumbnails()) {
    if (app.slots.count(p.id)) continue;
    VideoSlot slot;
    if (p.is_self) {
      slot.video = app.own_picture.video();
    } else {
      const RemoteMediaState* r = app.call->remote(p.id);
      if (!r || !r->has_video) continue;
      slot.source = r->source();
      slot.video = app.videos.open_remote(slot.source);
    }
    if (!slot.video) continue;
    app.slots[p.id] = slot;
  }
}

namespace {

// Keeps one open thing (a player, a meter) per remote participant whose connection carries sound:
// closes those of people who left or whose connection (or its part that is theirs) was replaced,
// opens one for each new sound. `open` returns the slot for a source, with no source when there
// is nothing to open yet.
template <class Slot, class Open, class Close>
void sync_remote_sound(App& app, std::map<std::string, Slot>& slots, Open open, Close close) {
  for (auto it = slots.begin(); it != slots.end();) {
    const RemoteMediaState* r = app.call->remote(it->first);
    if (!r || r->source() != it->second.source) {
      close(it->second);
      it = slots.erase(it);
    } else {
      ++it;
    }
  }
  for (const auto& p : app.call->room().thumbnails()) {
    const RemoteMediaState* r = p.is_self ? nullptr : app.call->remote(p.id);
    if (!r || !r->has_audio || slots.count(p.id)) continue;
    Slot slot = open(r->source());
    if (slot.source.peer) slots[p.id] = slot;
  }
}

}  // namespace

void sync_sounds(App& app) {
  sync_remote_sound(
      app, app.sounds,
      [&app](const platform::RemoteSource& source) {
        const platform::SoundHandle sound = app.sound.play(source);
        return SoundSlot{sound, sound ? source : platform::RemoteSource{}, false};
      },
      [&app](const SoundSlot& slot) { app.sound.close(slot.sound); });
}

void sync_meters(App& app) {
  sync_remote_sound(
      app, app.meters,
      [&app](const platform::RemoteSource& source) {
        const platform::MeterHandle meter = app.levels.watch_remote(source);
        return Meter{meter, meter ? source : platform::RemoteSource{}};
      },
      [&app](const Meter& m) { app.levels.unwatch(m.meter); });
}

void choose_video_sizes(App& app, const std::map<std::string, float>& shown_heights, double device_pixel_ratio) {
  std::map<std::string, VideoSize> sizes;
  for (const auto& [id, height] : shown_heights)
    sizes[id] = video_size_for_height(height * static_cast<float>(device_pixel_ratio));
  app.call->choose_videos(sizes);
}

bool take_sound_events(App& app) {
  bool changed = false;
  for (const auto& e : app.sound.take_events()) {
    for (auto& [id, slot] : app.sounds) {
      if (slot.sound != e.sound) continue;
      const bool blocked = e.kind == platform::SoundEvent::Kind::Blocked;
      changed |= slot.blocked != blocked;
      slot.blocked = blocked;
    }
  }
  return changed;
}

// Ten samples a second are enough to follow speech and cost next to nothing.
void sample_audio_levels(App& app, double now_ms) {
  if (now_ms < app.next_level_sample_ms) return;
  app.next_level_sample_ms = now_ms + 100;
  for (const auto& [id, m] : app.meters) app.call->add_audio_level(id, app.levels.level(m.meter));
}

bool follow_video_status(App& app, double now_ms) {
  bool changed = false;
  for (auto& [id, slot] : app.slots) {
    // Waiting for a first picture: asked at every tick. Showing one: a few times a second is
    // enough to follow a new shape (a phone turned), and costs the page next to nothing.
    if (slot.status.frames > 0 && now_ms < slot.next_status_ms) continue;
    slot.next_status_ms = now_ms + kStatusIntervalMs;
    const platform::VideoStatus now = app.videos.status(slot.video);
    changed |= platform::looks_different(slot.status, now);
    slot.status = now;
  }
  return changed;
}

}  // namespace treff::app
