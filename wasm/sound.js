// The others' sound: one <audio> element per remote person's sound, behind a handle, opened when
// their audio track arrives and independent of their video (video elements stay muted). The chosen
// speaker (setSinkId) applies to every one. Whether each really plays goes to C++ as an event:
// browsers refuse to start sound without a click or key press (autoplay policy), and then C++
// shows a button. Any click or key press starts what was held back, inside the gesture, since
// some browsers (Safari) allow playback only there.
mergeInto(LibraryManager.library, {
  $TreffSound__deps: ['$TreffRtc'],
  $TreffSound: {
    players: {},
    next: 1,
    container: null,
    speaker: '',  // '' is the default output
    gestureHooked: false,
    // Event kinds, in the order of platform::SoundEvent::Kind.
    PLAYING: 0, BLOCKED: 1,
    report: function(handle, kind) {
      if (TreffSound.players[handle]) _treff_sound_event(handle, kind);
    },
    // A hidden <audio> element playing `stream` on the chosen speaker.
    element: function(stream) {
      if (!TreffSound.container) {
        var c = document.createElement('div');
        c.setAttribute('aria-hidden', 'true');
        c.style.display = 'none';
        document.body.appendChild(c);
        TreffSound.container = c;
      }
      var audio = document.createElement('audio');
      audio.srcObject = stream;
      TreffSound.container.appendChild(audio);
      TreffSound.routeToSpeaker(audio);
      return audio;
    },
    routeToSpeaker: function(audio) {
      if (audio.setSinkId && (TreffSound.speaker || audio.sinkId)) audio.setSinkId(TreffSound.speaker).catch(function() {});
    },
    start: function(handle) {
      var player = TreffSound.players[handle];
      if (!player) return;
      player.audio.play().then(function() {
        TreffSound.report(handle, TreffSound.PLAYING);
      }).catch(function(e) {
        // AbortError and the like: the element was closed or given another source meanwhile.
        if (e && e.name === 'NotAllowedError') TreffSound.report(handle, TreffSound.BLOCKED);
      });
    },
    startHeldBack: function() {
      Object.keys(TreffSound.players).forEach(function(h) {
        if (TreffSound.players[h].audio.paused) TreffSound.start(+h);
      });
    },
    hookGestures: function() {
      if (TreffSound.gestureHooked) return;
      TreffSound.gestureHooked = true;
      ['pointerdown', 'keydown', 'touchend'].forEach(function(type) {
        window.addEventListener(type, TreffSound.startHeldBack, { capture: true });
      });
    },
  },

  // Starts playing the sound of a connection's remote tracks (mids: "" for all, else those
  // transceivers'); returns its handle (0: no sound there).
  treff_sound_play__deps: ['$TreffSound', '$TreffRtc'],
  treff_sound_play: function(peer, mids) {
    var tracks = TreffRtc.remoteTracks(peer, UTF8ToString(mids), 'audio');
    if (!tracks.length) return 0;
    TreffSound.hookGestures();
    var audio = TreffSound.element(new MediaStream(tracks));
    var handle = TreffSound.next++;
    TreffSound.players[handle] = { audio: audio };
    TreffSound.start(handle);
    return handle;
  },

  // After the person's click on "hear the others": starts every sound the browser held back.
  treff_sound_resume__deps: ['$TreffSound'],
  treff_sound_resume: function() {
    TreffSound.startHeldBack();
  },

  treff_sound_speaker_supported: function() {
    return typeof HTMLMediaElement !== 'undefined' && 'setSinkId' in HTMLMediaElement.prototype ? 1 : 0;
  },

  treff_sound_set_speaker__deps: ['$TreffSound'],
  treff_sound_set_speaker: function(deviceId) {
    TreffSound.speaker = UTF8ToString(deviceId);
    Object.keys(TreffSound.players).forEach(function(h) { TreffSound.routeToSpeaker(TreffSound.players[h].audio); });
  },

  treff_sound_close__deps: ['$TreffSound'],
  treff_sound_close: function(handle) {
    var player = TreffSound.players[handle];
    if (!player) return;
    delete TreffSound.players[handle];
    player.audio.pause();
    player.audio.srcObject = null;
    player.audio.remove();
  },
});
