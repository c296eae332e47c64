// Camera and microphone (getUserMedia). One local stream per page, shared by every peer
// connection (wasm/rtc.js reads TreffMedia.stream). Results go to C++ as events; a result of an
// older request (the person left, or asked again) is dropped and its tracks are stopped.
mergeInto(LibraryManager.library, {
  $TreffMedia: {
    stream: null,
    generation: 0,
    report: function(kind, hasAudio, hasVideo, error, stream) {
      var setting = function(tracks) { return tracks.length ? (tracks[0].getSettings().deviceId || '') : ''; };
      var p = stringToNewUTF8(error || '');
      var mic = stringToNewUTF8(stream ? setting(stream.getAudioTracks()) : '');
      var cam = stringToNewUTF8(stream ? setting(stream.getVideoTracks()) : '');
      _treff_media_event(kind, hasAudio ? 1 : 0, hasVideo ? 1 : 0, p, mic, cam);
      _free(p); _free(mic); _free(cam);
    },
    // The device list; labels are only given once access was allowed, so it is sent after opening.
    listDevices: function(gen) {
      if (!navigator.mediaDevices.enumerateDevices) return;
      navigator.mediaDevices.enumerateDevices().then(function(devices) {
        if (gen !== TreffMedia.generation) return;
        var list = devices.filter(function(d) { return d.deviceId && d.deviceId !== 'communications'; })
          .map(function(d) { return { kind: d.kind, id: d.deviceId, label: d.label }; });
        var p = stringToNewUTF8(JSON.stringify(list));
        _treff_media_devices(p);
        _free(p);
      }).catch(function() {});
    },
    stop: function(stream) {
      if (stream) stream.getTracks().forEach(function(t) { t.stop(); });
    },
  },

  treff_media_open__deps: ['$TreffMedia', '$stringToNewUTF8', 'free'],
  treff_media_open: function(audio, video, microphoneId, cameraId) {
    var gen = ++TreffMedia.generation;
    var mic = UTF8ToString(microphoneId), cam = UTF8ToString(cameraId);
    TreffMedia.stop(TreffMedia.stream);
    TreffMedia.stream = null;
    var OPENED = 0, FAILED = 1;
    var constraints = {
      audio: audio ? { echoCancellation: true, noiseSuppression: true, autoGainControl: true } : false,
      video: video ? { width: { ideal: 640 }, height: { ideal: 480 }, frameRate: { ideal: 24 } } : false,
    };
    // "exact": browsers may ignore an "ideal" device. A chosen device that is gone (unplugged) or
    // refuses makes the request fail with OverconstrainedError/NotFoundError: then the default.
    if (audio && mic) constraints.audio.deviceId = { exact: mic };
    if (video && cam) constraints.video.deviceId = { exact: cam };
    function accept(stream, error) {
      if (gen !== TreffMedia.generation) { TreffMedia.stop(stream); return; }
      TreffMedia.stream = stream;
      TreffMedia.report(OPENED, stream.getAudioTracks().length > 0, stream.getVideoTracks().length > 0, error, stream);
      TreffMedia.listDevices(gen);
    }
    // Browsers give camera and microphone only to secure pages (https, or this machine): a page
    // opened over plain http from elsewhere has no getUserMedia at all. Told apart for C++.
    if (!window.isSecureContext) {
      TreffMedia.report(FAILED, false, false, 'InsecureContextError');
      return;
    }
    if (!navigator.mediaDevices || !navigator.mediaDevices.getUserMedia) {
      TreffMedia.report(FAILED, false, false, 'NotSupportedError');
      return;
    }
    function ask(c) {
      navigator.mediaDevices.getUserMedia(c).then(function(stream) {
        accept(stream, '');
      }).catch(function(err) {
        if (gen !== TreffMedia.generation) return;
        var name = (err && err.name) || 'Error';
        if (c.audio && c.audio.deviceId || c.video && c.video.deviceId) {
          if (name === 'OverconstrainedError' || name === 'NotFoundError' || name === 'NotReadableError') {
            if (c.audio) delete c.audio.deviceId;
            if (c.video) delete c.video.deviceId;
            ask(c);
            return;
          }
        }
        if (!(audio && video)) { TreffMedia.report(FAILED, false, false, name); return; }
        // The camera may be the problem (denied, missing, in use): try the microphone alone.
        navigator.mediaDevices.getUserMedia({ audio: c.audio, video: false }).then(function(stream) {
          accept(stream, name);
        }).catch(function() {
          if (gen === TreffMedia.generation) TreffMedia.report(FAILED, false, false, name);
        });
      });
    }
    ask(constraints);
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
