// Recording the own microphone (wasm/media.js's stream) into Ogg Opus and playing it back. The
// sound goes from an AudioWorklet (shell/audio-capture.js) straight to the audio worker
// (shell/audio-worker.js), which encodes it with Treff's C++ audio code; nothing of it passes
// through this thread but the finished file's pages. Results go to C++ as events
// (treff_recorder_event), keyed by the recording's number.
mergeInto(LibraryManager.library, {
  $TreffRecorder__deps: ['$TreffAudio', '$stringToNewUTF8', 'free'],
  $TreffRecorder: {
    worker: null,
    worklet: null,     // the context the capture module was added to, and the promise of it
    workletReady: null,
    recordings: {},
    next: 1,
    FINISHED: 0, PLAYED: 1, FAILED: 2,
    report: function(id, kind, seconds, rms, peak, bytes, error) {
      var p = stringToNewUTF8(error || '');
      _treff_recorder_event(id, kind, seconds, rms, peak, bytes, p);
      _free(p);
    },
    fail: function(id, error) {
      if (!TreffRecorder.recordings[id]) return;
      TreffRecorder.drop(id);
      TreffRecorder.report(id, TreffRecorder.FAILED, 0, 0, 0, 0, error);
    },
    theWorker: function() {
      if (TreffRecorder.worker) return TreffRecorder.worker;
      var w = new Worker('/audio-worker.js');
      w.onmessage = function(e) { TreffRecorder.fromWorker(e.data); };
      w.onerror = function() {
        Object.keys(TreffRecorder.recordings).forEach(function(id) { TreffRecorder.fail(+id, 'unsupported'); });
      };
      TreffRecorder.worker = w;
      return w;
    },
    fromWorker: function(m) {
      var id = m.chunk || m.finished || m.decoded || m.failed;
      var r = TreffRecorder.recordings[id];
      if (!r) return;
      if (m.chunk) r.chunks.push(m.bytes);
      else if (m.failed) TreffRecorder.fail(id, m.error);
      else if (m.finished) {
        TreffRecorder.unplug(r);
        var bytes = r.chunks.reduce(function(n, c) { return n + c.length; }, 0);
        TreffRecorder.report(id, TreffRecorder.FINISHED, m.seconds, m.rms, m.peak, bytes, '');
      } else if (m.decoded) TreffRecorder.play(id, r, m.pcm, m.channels);
    },
    captureModule: function(ctx) {
      if (TreffRecorder.worklet !== ctx) {
        TreffRecorder.worklet = ctx;
        TreffRecorder.workletReady = ctx.audioWorklet.addModule('/audio-capture.js');
      }
      return TreffRecorder.workletReady;
    },
    // Stops listening to the microphone (the track itself belongs to wasm/media.js).
    unplug: function(r) {
      if (r.track) r.track.removeEventListener('ended', r.onEnded);
      if (r.source) r.source.disconnect();
      if (r.node) r.node.disconnect();
      r.source = r.node = r.track = null;
    },
    drop: function(id) {
      var r = TreffRecorder.recordings[id];
      if (!r) return;
      delete TreffRecorder.recordings[id];
      TreffRecorder.unplug(r);
      if (r.player) { r.player.onended = null; try { r.player.stop(); } catch (e) {} r.player.disconnect(); }
      if (r.timer) clearInterval(r.timer);
      if (TreffRecorder.worker) TreffRecorder.worker.postMessage({ discard: id });
    },
    // Plays decoded 48 kHz sound and measures what reaches the speaker on the way.
    play: function(id, r, pcm, channels) {
      var ctx = TreffAudio.ensureContext();
      var frames = pcm.length / channels;
      var buffer = ctx.createBuffer(channels, Math.max(frames, 1), 48000);
      for (var c = 0; c < channels; c++) {
        var data = buffer.getChannelData(c);
        for (var i = 0; i < frames; i++) data[i] = pcm[i * channels + c];
      }
      var player = ctx.createBufferSource();
      var analyser = ctx.createAnalyser();
      analyser.fftSize = 2048;
      player.buffer = buffer;
      player.connect(analyser);
      analyser.connect(ctx.destination);
      var sum = 0, count = 0, samples = new Float32Array(analyser.fftSize);
      r.timer = setInterval(function() {
        analyser.getFloatTimeDomainData(samples);
        for (var i = 0; i < samples.length; i++) sum += samples[i] * samples[i];
        count += samples.length;
      }, 40);
      player.onended = function() {
        clearInterval(r.timer);
        r.timer = null;
        r.player = null;
        TreffRecorder.report(id, TreffRecorder.PLAYED, frames / 48000, count ? Math.sqrt(sum / count) : 0, 0, 0, '');
      };
      r.player = player;
      player.start();
    },
  },

  // Starts recording the open microphone; its number, or 0 when no microphone is open.
  treff_recorder_record__deps: ['$TreffRecorder', '$TreffMedia'],
  treff_recorder_record: function(bitrate, voice) {
    var stream = TreffMedia.stream;
    var track = stream && stream.getAudioTracks().filter(function(t) { return t.readyState === 'live'; })[0];
    if (!track) return 0;
    var id = TreffRecorder.next++;
    var r = { chunks: [], track: track, source: null, node: null, stopAsked: false };
    TreffRecorder.recordings[id] = r;
    r.onEnded = function() { TreffRecorder.fail(id, 'microphone-ended'); };
    track.addEventListener('ended', r.onEnded);
    var ctx = TreffAudio.ensureContext();
    if (!ctx || !ctx.audioWorklet || typeof Worker === 'undefined') {
      setTimeout(function() { TreffRecorder.fail(id, 'unsupported'); }, 0);
      return id;
    }
    var worker = TreffRecorder.theWorker();
    TreffRecorder.captureModule(ctx).then(function() {
      if (TreffRecorder.recordings[id] !== r || !r.track) return;
      r.source = ctx.createMediaStreamSource(new MediaStream([track]));
      r.node = new AudioWorkletNode(ctx, 'treff-capture', {
        numberOfInputs: 1, numberOfOutputs: 1, channelCount: 1, channelCountMode: 'explicit',
        processorOptions: { channels: 1, blockFrames: Math.round(ctx.sampleRate / 50) },
      });
      var channel = new MessageChannel();
      r.node.port.postMessage({ port: channel.port1 }, [channel.port1]);
      worker.postMessage({ record: id, rate: ctx.sampleRate, channels: 1, bitrate: bitrate, voice: !!voice,
                           port: channel.port2 }, [channel.port2]);
      r.source.connect(r.node);
      // The node writes silence; connected so that the context keeps asking it for sound.
      r.node.connect(ctx.destination);
      if (r.stopAsked) r.node.port.postMessage({ stop: true });
    }).catch(function() { TreffRecorder.fail(id, 'unsupported'); });
    return id;
  },

  treff_recorder_stop__deps: ['$TreffRecorder'],
  treff_recorder_stop: function(id) {
    var r = TreffRecorder.recordings[id];
    if (!r || r.stopAsked) return;
    r.stopAsked = true;
    if (r.node) r.node.port.postMessage({ stop: true });
  },

  // Decodes the finished file in the worker (Treff's Ogg Opus reader) and plays it.
  treff_recorder_play__deps: ['$TreffRecorder'],
  treff_recorder_play: function(id) {
    var r = TreffRecorder.recordings[id];
    if (!r) return;
    var size = r.chunks.reduce(function(n, c) { return n + c.length; }, 0), file = new Uint8Array(size), at = 0;
    r.chunks.forEach(function(c) { file.set(c, at); at += c.length; });
    TreffAudio.ensureContext();
    TreffRecorder.theWorker().postMessage({ decode: id, file: file.buffer }, [file.buffer]);
  },

  treff_recorder_discard__deps: ['$TreffRecorder'],
  treff_recorder_discard: function(id) { TreffRecorder.drop(id); },
});
