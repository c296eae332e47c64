// Recording the own microphone (wasm/media.js's stream) into Ogg Opus and playing it back. The
// sound goes from an AudioWorklet (shell/audio-capture.js) straight to the audio worker
// (shell/audio-worker.js), which encodes it with Treff's C++ audio code; nothing of it passes
// through this thread but the finished file's pages. Results go to C++ as events
// (treff_recorder_event), keyed by the recording's number.
mergeInto(LibraryManager.library, {
  $TreffRecorder__deps: ['$TreffAudio', '$TreffSound', '$stringToNewUTF8', 'free'],
  $TreffRecorder: {
    worker: null,
    worklet: null,     // the context the capture module was added to, and the promise of it
    workletReady: null,
    recordings: {},
    next: 1,
    FINISHED: 0, PLAYED: 1, FAILED: 2, STARTED: 3,
    DOWNLOAD_TYPE: 'application/octet-stream',  // see store().close
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
      if (m.chunk) {
        if (r.store) r.store.write(m.bytes);
        else r.chunks.push(m.bytes);
      }
      else if (m.failed) TreffRecorder.fail(id, m.error);
      else if (m.finished) {
        TreffRecorder.unplug(r);
        var done = function(bytes) { TreffRecorder.report(id, TreffRecorder.FINISHED, m.seconds, m.rms, m.peak, bytes, ''); };
        if (r.store) {
          r.saved = true;
          r.store.close(r.fileName).then(done, function() { TreffRecorder.fail(id, 'storage'); });
        }
        else done(r.chunks.reduce(function(n, c) { return n + c.length; }, 0));
      } else if (m.decoded) TreffRecorder.play(id, r, m.pcm, m.channels);
    },
    captureModule: function(ctx) {
      if (TreffRecorder.worklet !== ctx) {
        TreffRecorder.worklet = ctx;
        TreffRecorder.workletReady = ctx.audioWorklet.addModule('/audio-capture.js');
      }
      return TreffRecorder.workletReady;
    },
    // The recording's capture node (mono, `inputs` inputs mixed) and its direct line to the worker,
    // which starts the file.
    capture: function(id, r, ctx, inputs, bitrate, voice) {
      r.node = new AudioWorkletNode(ctx, 'treff-capture', {
        numberOfInputs: inputs, numberOfOutputs: 1, channelCount: 1, channelCountMode: 'explicit',
        processorOptions: { channels: 1, blockFrames: Math.round(ctx.sampleRate / 50) },
      });
      // The worklet says when the sound starts to flow: that is the recording's start.
      r.node.port.onmessage = function(e) {
        if (e.data.flowing && TreffRecorder.recordings[id] === r && !r.stopAsked) {
          TreffRecorder.report(id, TreffRecorder.STARTED, 0, 0, 0, 0, '');
        }
      };
      var channel = new MessageChannel();
      r.node.port.postMessage({ port: channel.port1 }, [channel.port1]);
      TreffRecorder.theWorker().postMessage({ record: id, rate: ctx.sampleRate, channels: 1, bitrate: bitrate,
                                              voice: !!voice, port: channel.port2 }, [channel.port2]);
      // The node writes silence; connected so that the context keeps asking it for sound.
      r.node.connect(ctx.destination);
    },
    // A remote person's sound into the mix (input 1 of the capture node).
    connectSource: function(r, key, tracks) {
      if (r.sources[key]) r.sources[key].disconnect();
      var source = TreffAudio.context.createMediaStreamSource(new MediaStream(tracks));
      source.connect(r.node, 0, 1);
      r.sources[key] = source;
    },
    // The recording's pages as one file (kept as one chunk from then on).
    file: function(r) {
      if (r.chunks.length === 1) return r.chunks[0];
      var size = r.chunks.reduce(function(n, c) { return n + c.length; }, 0), file = new Uint8Array(size), at = 0;
      r.chunks.forEach(function(c) { file.set(c, at); at += c.length; });
      r.chunks = [file];
      return file;
    },
    // Stops listening to the microphone (closing it only when it was opened for the recording).
    unplug: function(r) {
      if (r.track) r.track.removeEventListener('ended', r.onEnded);
      if (r.own) r.own.getTracks().forEach(function(t) { t.stop(); });
      r.own = null;
      if (r.source) r.source.disconnect();
      if (r.sources) Object.keys(r.sources).forEach(function(k) { r.sources[k].disconnect(); });
      r.sources = {};
      if (r.node) r.node.disconnect();
      r.source = r.node = r.track = null;
    },
    drop: function(id) {
      var r = TreffRecorder.recordings[id];
      if (!r) return;
      delete TreffRecorder.recordings[id];
      TreffRecorder.unplug(r);
      if (r.player) { r.player.onended = null; try { r.player.stop(); } catch (e) {} r.player.disconnect(); }
      TreffRecorder.leaveSpeaker(r);
      if (r.timer) clearInterval(r.timer);
      if (r.store && !r.saved) r.store.abort();
      if (TreffRecorder.worker) TreffRecorder.worker.postMessage({ discard: id });
    },
    // Where a call recording's pages go while it runs: a file in the origin's private storage
    // (on disk, so a two-hour call keeps the page's memory flat) or, where the browser has none,
    // Blobs (which browsers move out of the page's memory). close() offers it as a download.
    store: function() {
      var writable = null, handle = null, dir = null, name = 'recording-' + Date.now() + '.opus', blobs = [];
      var ready = navigator.storage && navigator.storage.getDirectory
        ? navigator.storage.getDirectory().then(function(d) {
            dir = d;
            return d.getFileHandle(name, { create: true });
          }).then(function(h) { handle = h; return h.createWritable(); }).then(function(w) { writable = w; })
            .catch(function() { writable = null; })
        : Promise.resolve();
      var chain = ready;
      return {
        write: function(bytes) {
          chain = chain.then(function() {
            if (writable) return writable.write(bytes);
            blobs.push(new Blob([bytes]));
          });
        },
        close: function(fileName) {
          return chain.then(function() {
            // Labelled as plain bytes: Firefox renames a download of any Ogg type (or of none,
            // sniffing it) to ".ogx" and keeps ".opus" only for these; slice() labels the stored
            // file without reading it into memory.
            if (writable) return writable.close().then(function() { return handle.getFile(); })
              .then(function(f) { return f.slice(0, f.size, TreffRecorder.DOWNLOAD_TYPE); });
            return new Blob(blobs, { type: TreffRecorder.DOWNLOAD_TYPE });
          }).then(function(file) {
            var url = URL.createObjectURL(file);
            var a = document.createElement('a');
            a.href = url;
            a.download = fileName;
            document.body.appendChild(a);
            a.click();
            a.remove();
            setTimeout(function() {
              URL.revokeObjectURL(url);
              if (dir) dir.removeEntry(name).catch(function() {});
            }, 60000);
            return file.size;
          });
        },
        // A recording dropped before its end: nothing is offered, and nothing stays behind.
        abort: function() {
          chain.then(function() { if (writable) return writable.abort(); }).catch(function() {}).then(function() {
            if (dir) dir.removeEntry(name).catch(function() {});
          });
        },
      };
    },
    // Where played sound goes: the context's own output is the system's default, so when another
    // speaker is chosen on the join prompt it goes through an <audio> element routed there, as the
    // others' voices do (wasm/sound.js).
    toSpeaker: function(ctx, r) {
      if (!TreffSound.speaker || !('setSinkId' in HTMLMediaElement.prototype) || !ctx.createMediaStreamDestination) {
        return ctx.destination;
      }
      var out = ctx.createMediaStreamDestination();
      r.speaker = TreffSound.element(out.stream);
      r.speaker.play().catch(function() {});
      return out;
    },
    leaveSpeaker: function(r) {
      if (!r.speaker) return;
      r.speaker.pause();
      r.speaker.srcObject = null;
      r.speaker.remove();
      r.speaker = null;
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
      analyser.connect(TreffRecorder.toSpeaker(ctx, r));
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
        TreffRecorder.leaveSpeaker(r);
        TreffRecorder.report(id, TreffRecorder.PLAYED, frames / 48000, count ? Math.sqrt(sum / count) : 0, 0, 0, '');
      };
      r.player = player;
      player.start();
    },
  },

  // Starts recording the microphone: the one the call or the join prompt has open, or else one
  // opened for this recording alone (and closed with it). Its number; failures come as events.
  treff_recorder_record__deps: ['$TreffRecorder', '$TreffMedia'],
  treff_recorder_record: function(bitrate, voice) {
    var stream = TreffMedia.stream;
    var track = stream && stream.getAudioTracks().filter(function(t) { return t.readyState === 'live'; })[0];
    var id = TreffRecorder.next++;
    var r = { chunks: [], track: null, own: null, source: null, node: null, stopAsked: false };
    TreffRecorder.recordings[id] = r;
    var ctx = TreffAudio.ensureContext();
    if (!ctx || !ctx.audioWorklet || typeof Worker === 'undefined') {
      setTimeout(function() { TreffRecorder.fail(id, 'unsupported'); }, 0);
      return id;
    }
    var got = track ? Promise.resolve(track) : navigator.mediaDevices.getUserMedia({ audio: true }).then(function(own) {
      if (TreffRecorder.recordings[id] !== r) { own.getTracks().forEach(function(t) { t.stop(); }); throw null; }
      r.own = own;
      return own.getAudioTracks()[0];
    }, function(e) {
      TreffRecorder.fail(id, e && e.name === 'NotAllowedError' ? 'microphone-denied' : 'no-microphone');
      throw null;
    });
    got.then(function(t) {
      r.track = t;
      r.onEnded = function() { TreffRecorder.fail(id, 'microphone-ended'); };
      t.addEventListener('ended', r.onEnded);
      return TreffRecorder.captureModule(ctx);
    }).then(function() {
      if (TreffRecorder.recordings[id] !== r || !r.track) return;
      TreffRecorder.capture(id, r, ctx, 1, bitrate, voice);
      r.source = ctx.createMediaStreamSource(new MediaStream([r.track]));
      r.source.connect(r.node);
      if (r.stopAsked) r.node.port.postMessage({ stop: true });
    }).catch(function(e) { if (e !== null) TreffRecorder.fail(id, 'unsupported'); });
    return id;
  },

  // Records the call: the own microphone (input 0 of the capture node; silent while muted) and
  // every remote source added (input 1), mixed in the worklet, encoded in the worker, streamed to
  // storage and offered as a download named fileName when stopped.
  treff_recorder_record_call__deps: ['$TreffRecorder', '$TreffMedia'],
  treff_recorder_record_call: function(bitrate, voice, fileName) {
    var id = TreffRecorder.next++;
    var r = { chunks: [], track: null, own: null, source: null, node: null, sources: {}, stopAsked: false,
              fileName: UTF8ToString(fileName), store: null, pendingSources: [] };
    TreffRecorder.recordings[id] = r;
    var ctx = TreffAudio.ensureContext();
    if (!ctx || !ctx.audioWorklet || typeof Worker === 'undefined') {
      setTimeout(function() { TreffRecorder.fail(id, 'unsupported'); }, 0);
      return id;
    }
    r.store = TreffRecorder.store();
    TreffRecorder.captureModule(ctx).then(function() {
      if (TreffRecorder.recordings[id] !== r) return;
      TreffRecorder.capture(id, r, ctx, 2, bitrate, voice);
      var stream = TreffMedia.stream;
      var mic = stream && stream.getAudioTracks()[0];
      if (mic) {
        r.source = ctx.createMediaStreamSource(new MediaStream([mic]));
        r.source.connect(r.node, 0, 0);
      }
      r.pendingSources.forEach(function(s) { TreffRecorder.connectSource(r, s.key, s.tracks); });
      r.pendingSources = [];
      if (r.stopAsked) r.node.port.postMessage({ stop: true });
    }).catch(function() { TreffRecorder.fail(id, 'unsupported'); });
    return id;
  },

  treff_recorder_source__deps: ['$TreffRecorder', '$TreffRtc'],
  treff_recorder_source: function(id, peer, mids, add) {
    var r = TreffRecorder.recordings[id];
    if (!r || !r.sources) return;
    var key = peer + '/' + UTF8ToString(mids);
    if (!add) {
      if (r.sources[key]) { r.sources[key].disconnect(); delete r.sources[key]; }
      r.pendingSources = r.pendingSources.filter(function(s) { return s.key !== key; });
      return;
    }
    var tracks = TreffRtc.remoteTracks(peer, UTF8ToString(mids), 'audio');
    if (!tracks.length) return;
    if (r.node) TreffRecorder.connectSource(r, key, tracks);
    else r.pendingSources.push({ key: key, tracks: tracks });
  },

  treff_recorder_stop__deps: ['$TreffRecorder'],
  treff_recorder_stop: function(id) {
    var r = TreffRecorder.recordings[id];
    if (!r || r.stopAsked) return;
    r.stopAsked = true;
    if (r.node) r.node.port.postMessage({ stop: true });
  },

  // The finished file, for C++ to upload: its size, then a copy into C++'s buffer.
  treff_recorder_file_size__deps: ['$TreffRecorder'],
  treff_recorder_file_size: function(id) {
    var r = TreffRecorder.recordings[id];
    return r ? TreffRecorder.file(r).length : 0;
  },
  treff_recorder_file_copy__deps: ['$TreffRecorder'],
  treff_recorder_file_copy: function(id, out) {
    var r = TreffRecorder.recordings[id];
    if (r) HEAPU8.set(TreffRecorder.file(r), out);
  },

  // A file from elsewhere (a voice message), to play.
  treff_recorder_open__deps: ['$TreffRecorder'],
  treff_recorder_open: function(bytes, size) {
    var id = TreffRecorder.next++;
    TreffRecorder.recordings[id] = { chunks: [HEAPU8.slice(bytes, bytes + size)], track: null, own: null, source: null, node: null };
    return id;
  },

  // Decodes the file in the worker (Treff's Ogg Opus reader) and plays it.
  treff_recorder_play__deps: ['$TreffRecorder'],
  treff_recorder_play: function(id) {
    var r = TreffRecorder.recordings[id];
    if (!r) return;
    var file = TreffRecorder.file(r).slice();  // a copy: its buffer moves to the worker
    TreffAudio.ensureContext();
    TreffRecorder.theWorker().postMessage({ decode: id, file: file.buffer }, [file.buffer]);
  },

  treff_recorder_discard__deps: ['$TreffRecorder'],
  treff_recorder_discard: function(id) { TreffRecorder.drop(id); },
});
