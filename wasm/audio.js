// Sound levels of remote streams (WebAudio), for the active-speaker decision made in C++, and of
// the own microphone, for the join prompt's level meter.
// Browsers start an AudioContext suspended until the person interacts with the page; the first
// click, touch or key press resumes it.
mergeInto(LibraryManager.library, {
  $TreffAudio: {
    context: null,
    meters: {},
    next: 1,
    buffer: null,
    ensureContext: function() {
      if (TreffAudio.context) return TreffAudio.context;
      var Ctx = window.AudioContext || window.webkitAudioContext;
      if (!Ctx) return null;
      TreffAudio.context = new Ctx();
      var resume = function() {
        if (TreffAudio.context.state === 'suspended') TreffAudio.context.resume().catch(function() {});
      };
      ['pointerdown', 'keydown', 'touchstart'].forEach(function(type) {
        window.addEventListener(type, resume, { capture: true });
      });
      resume();
      return TreffAudio.context;
    },
    // An analyser on the stream's sound; returns its meter handle (0: no sound in the stream).
    watch: function(stream) {
      if (!stream.getAudioTracks().length) return 0;
      var ctx = TreffAudio.ensureContext();
      if (!ctx) return 0;
      var source = ctx.createMediaStreamSource(new MediaStream(stream.getAudioTracks()));
      var analyser = ctx.createAnalyser();
      analyser.fftSize = 512;
      source.connect(analyser);  // not to the destination: nobody should hear this twice
      var handle = TreffAudio.next++;
      TreffAudio.meters[handle] = { source: source, analyser: analyser };
      return handle;
    },
  },

  // Starts measuring the sound of a connection's remote tracks (mids: "" for all, else those
  // transceivers'); returns a meter handle (0: none).
  treff_audio_watch_remote__deps: ['$TreffAudio', '$TreffRtc'],
  treff_audio_watch_remote: function(peer, mids) {
    return TreffAudio.watch(new MediaStream(TreffRtc.remoteTracks(peer, UTF8ToString(mids), 'audio')));
  },

  treff_audio_watch_local__deps: ['$TreffAudio', '$TreffMedia'],
  treff_audio_watch_local: function() {
    return TreffMedia.stream ? TreffAudio.watch(TreffMedia.stream) : 0;
  },

  // RMS level (0..1) of the last ~10 ms of sound.
  treff_audio_level__deps: ['$TreffAudio'],
  treff_audio_level: function(handle) {
    var meter = TreffAudio.meters[handle];
    if (!meter) return 0;
    var n = meter.analyser.fftSize;
    if (!TreffAudio.buffer || TreffAudio.buffer.length !== n) TreffAudio.buffer = new Float32Array(n);
    var data = TreffAudio.buffer;
    meter.analyser.getFloatTimeDomainData(data);
    var sum = 0;
    for (var i = 0; i < n; i++) sum += data[i] * data[i];
    return Math.sqrt(sum / n);
  },

  treff_audio_unwatch__deps: ['$TreffAudio'],
  treff_audio_unwatch: function(handle) {
    var meter = TreffAudio.meters[handle];
    if (!meter) return;
    delete TreffAudio.meters[handle];
    meter.source.disconnect();
  },
});
