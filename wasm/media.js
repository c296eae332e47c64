// Camera and microphone (getUserMedia). One local stream per page, shared by every peer
// connection (wasm/rtc.js reads TreffMedia.stream). Results go to C++ as events; a result of an
// older request (the person left, or asked again) is dropped and its tracks are stopped.
mergeInto(LibraryManager.library, {
  $TreffMedia: {
    stream: null,
    generation: 0,
    report: function(kind, hasAudio, hasVideo, error) {
      var p = stringToNewUTF8(error || '');
      _treff_media_event(kind, hasAudio ? 1 : 0, hasVideo ? 1 : 0, p);
      _free(p);
    },
    stop: function(stream) {
      if (stream) stream.getTracks().forEach(function(t) { t.stop(); });
    },
  },

  treff_media_open__deps: ['$TreffMedia', '$stringToNewUTF8', 'free'],
  treff_media_open: function(audio, video) {
    var gen = ++TreffMedia.generation;
    TreffMedia.stop(TreffMedia.stream);
    TreffMedia.stream = null;
    var OPENED = 0, FAILED = 1;
    var constraints = {
      audio: audio ? { echoCancellation: true, noiseSuppression: true, autoGainControl: true } : false,
      video: video ? { width: { ideal: 640 }, height: { ideal: 480 }, frameRate: { ideal: 24 } } : false,
    };
    function accept(stream, error) {
      if (gen !== TreffMedia.generation) { TreffMedia.stop(stream); return; }
      TreffMedia.stream = stream;
      TreffMedia.report(OPENED, stream.getAudioTracks().length > 0, stream.getVideoTracks().length > 0, error);
    }
    if (!navigator.mediaDevices || !navigator.mediaDevices.getUserMedia) {
      TreffMedia.report(FAILED, false, false, 'NotSupportedError');
      return;
    }
    navigator.mediaDevices.getUserMedia(constraints).then(function(stream) {
      accept(stream, '');
    }).catch(function(err) {
      if (gen !== TreffMedia.generation) return;
      var name = (err && err.name) || 'Error';
      if (!(audio && video)) { TreffMedia.report(FAILED, false, false, name); return; }
      // The camera may be the problem (denied, missing, in use): try the microphone alone.
      navigator.mediaDevices.getUserMedia({ audio: constraints.audio, video: false }).then(function(stream) {
        accept(stream, name);
      }).catch(function() {
        if (gen === TreffMedia.generation) TreffMedia.report(FAILED, false, false, name);
      });
    });
  },

  treff_media_set_enabled__deps: ['$TreffMedia'],
  treff_media_set_enabled: function(audio, video) {
    if (!TreffMedia.stream) return;
    TreffMedia.stream.getAudioTracks().forEach(function(t) { t.enabled = !!audio; });
    TreffMedia.stream.getVideoTracks().forEach(function(t) { t.enabled = !!video; });
  },

  treff_media_close__deps: ['$TreffMedia'],
  treff_media_close: function() {
    TreffMedia.generation++;
    TreffMedia.stop(TreffMedia.stream);
    TreffMedia.stream = null;
  },
});
