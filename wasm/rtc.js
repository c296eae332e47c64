// RTCPeerConnection behind integer handles that are never reused. Every browser event and promise
// result goes to C++ through _treff_rtc_event, naming its handle; results for a closed handle are
// dropped here and would be ignored by C++ as well. No decisions: C++ says what to do.
mergeInto(LibraryManager.library, {
  $TreffRtc: {
    conns: {},
    next: 1,
    // Event kinds, in the order of platform::PeerEvent::Kind.
    NEGOTIATION_NEEDED: 0, LOCAL_DESCRIPTION: 1, LOCAL_DESCRIPTION_FAILED: 2, REMOTE_APPLIED: 3,
    REMOTE_FAILED: 4, LOCAL_CANDIDATE: 5, CANDIDATE_FAILED: 6, SIGNALING_STATE: 7,
    CONNECTION_STATE: 8, REMOTE_MEDIA: 9, PATH: 10,
    SDP_KINDS: { offer: 0, answer: 1 },
    SIGNALING: { 'stable': 0, 'have-local-offer': 1, 'have-remote-offer': 2, 'closed': 3,
                 'have-local-pranswer': 2, 'have-remote-pranswer': 1 },
    CONNECTION: { 'new': 0, 'connecting': 1, 'connected': 2, 'disconnected': 3, 'failed': 4, 'closed': 5 },
    report: function(handle, kind, number, text, mid, mline) {
      if (!TreffRtc.conns[handle]) return;
      var t = stringToNewUTF8(text || ''), m = stringToNewUTF8(mid || '');
      _treff_rtc_event(handle, kind, number | 0, t, mid == null ? 0 : 1, m, mline == null ? -1 : mline);
      _free(t);
      _free(m);
    },
    errorName: function(e) { return (e && e.name) || 'Error'; },
    // The remote tracks of `kind` a connection receives: all of them (mids ''), or those of the
    // transceivers whose mid is in the comma-separated list (an SFU's connection, one person's).
    remoteTracks: function(handle, mids, kind) {
      var entry = TreffRtc.conns[handle];
      if (!entry) return [];
      if (!mids) return kind === 'audio' ? entry.remoteStream.getAudioTracks() : entry.remoteStream.getVideoTracks();
      var wanted = mids.split(',');
      return entry.pc.getTransceivers().filter(function(t) {
        return t.mid !== null && wanted.indexOf(t.mid) >= 0 && t.receiver.track.kind === kind;
      }).map(function(t) { return t.receiver.track; });
    },
    // The candidate types ("host", "srflx", "prflx", "relay") of the pair that carries the
    // connection now, from the stats, as "local remote"; '' when none is chosen yet.
    reportPath: function(handle, pc) {
      pc.getStats().then(function(stats) {
        var pairId = null, pairs = {}, candidates = {};
        stats.forEach(function(s) {
          if (s.type === 'transport' && s.selectedCandidatePairId) pairId = s.selectedCandidatePairId;
          if (s.type === 'candidate-pair') pairs[s.id] = s;
          if (s.type === 'local-candidate' || s.type === 'remote-candidate') candidates[s.id] = s;
        });
        var pair = pairId ? pairs[pairId] : null;
        if (!pair) {  // Firefox marks the pair instead of naming it in the transport
          Object.keys(pairs).forEach(function(id) {
            var p = pairs[id];
            if (p.selected || (!pair && p.nominated && p.state === 'succeeded')) pair = p;
          });
        }
        var local = pair ? candidates[pair.localCandidateId] : null;
        var remote = pair ? candidates[pair.remoteCandidateId] : null;
        TreffRtc.report(handle, TreffRtc.PATH, 0, local && remote ? local.candidateType + ' ' + remote.candidateType : '');
      }).catch(function() {});
    },
    // Reports the path again whenever the browser picks another pair (where it says so: the
    // RTCIceTransport of the bundled transport; elsewhere the ICE state changes above suffice).
    watchPath: function(handle, pc) {
      pc.getSenders().concat(pc.getReceivers()).forEach(function(x) {
        var ice = x.transport && x.transport.iceTransport;
        if (ice && !ice.onselectedcandidatepairchange) {
          ice.onselectedcandidatepairchange = function() { TreffRtc.reportPath(handle, pc); };
        }
      });
    },
  },

  // iceServers: the STUN/TURN servers the signaling server gave, as JSON (RTCIceServer[]).
  treff_rtc_create__deps: ['$TreffRtc', '$stringToNewUTF8', 'free'],
  treff_rtc_create: function(iceServers) {
    var handle = TreffRtc.next++;
    var pc = new RTCPeerConnection({ iceServers: JSON.parse(UTF8ToString(iceServers)) });
    var entry = { pc: pc, remoteStream: new MediaStream() };
    TreffRtc.conns[handle] = entry;
    pc.onnegotiationneeded = function() { TreffRtc.report(handle, TreffRtc.NEGOTIATION_NEEDED, 0); };
    pc.onicecandidate = function(e) {
      // null: gathering is over. It goes to the other side as end-of-candidates (an empty
      // candidate), so its ICE agent stops waiting for more and can decide sooner.
      var c = e.candidate;
      TreffRtc.report(handle, TreffRtc.LOCAL_CANDIDATE, 0, c ? c.candidate : '', c ? c.sdpMid : null,
                      c ? c.sdpMLineIndex : null);
    };
    pc.onsignalingstatechange = function() {
      TreffRtc.report(handle, TreffRtc.SIGNALING_STATE, TreffRtc.SIGNALING[pc.signalingState]);
    };
    pc.onconnectionstatechange = function() {
      TreffRtc.report(handle, TreffRtc.CONNECTION_STATE, TreffRtc.CONNECTION[pc.connectionState]);
      if (pc.connectionState === 'connected') {
        TreffRtc.reportPath(handle, pc);
        TreffRtc.watchPath(handle, pc);
      }
    };
    // An ICE restart can move a call to another path while it stays connected.
    pc.oniceconnectionstatechange = function() {
      if (pc.iceConnectionState === 'connected' || pc.iceConnectionState === 'completed') TreffRtc.reportPath(handle, pc);
    };
    pc.ontrack = function(e) {
      entry.remoteStream.addTrack(e.track);
      var s = entry.remoteStream;
      var flags = (s.getAudioTracks().length ? 1 : 0) | (s.getVideoTracks().length ? 2 : 0);
      TreffRtc.report(handle, TreffRtc.REMOTE_MEDIA, flags);
    };
    return handle;
  },

  treff_rtc_attach_local_media__deps: ['$TreffRtc', '$TreffMedia'],
  treff_rtc_attach_local_media: function(handle, toSfu) {
    var entry = TreffRtc.conns[handle];
    if (!entry) return;
    var pc = entry.pc, stream = TreffMedia.stream;
    if (toSfu) {
      if (stream) stream.getTracks().forEach(function(t) {
        var init = { direction: 'sendonly', streams: [stream] };
        if (t.kind === 'video') {
          // As many layers as the browser sends at this height (Chromium: three from 540 px, two
          // from 270 px, else one), so every layer offered flows and a viewer asking for the
          // lowest gets it. High, medium, low: the order Janus reads the rids in by default.
          var height = (t.getSettings && t.getSettings().height) || 0;
          var layers = height >= 540 ? 3 : height >= 270 ? 2 : 1;
          if (layers > 1) {
            init.sendEncodings = [
              { rid: 'h', maxBitrate: 900000 },
              { rid: 'm', maxBitrate: 300000, scaleResolutionDownBy: 2 },
              { rid: 'l', maxBitrate: 100000, scaleResolutionDownBy: 4 }].slice(0, layers);
          }
        }
        pc.addTransceiver(t, init);
      });
      return;
    }
    var kinds = { audio: false, video: false };
    if (stream) stream.getTracks().forEach(function(t) { pc.addTrack(t, stream); kinds[t.kind] = true; });
    // As the offerer, still ask to receive what we cannot send; as the answerer the offer decides.
    if (!pc.remoteDescription) {
      ['audio', 'video'].forEach(function(k) {
        if (!kinds[k]) pc.addTransceiver(k, { direction: 'recvonly' });
      });
    }
  },

  treff_rtc_set_local_description__deps: ['$TreffRtc'],
  treff_rtc_set_local_description: function(handle) {
    var entry = TreffRtc.conns[handle];
    if (!entry) return;
    entry.pc.setLocalDescription().then(function() {
      var d = entry.pc.localDescription;
      TreffRtc.report(handle, TreffRtc.LOCAL_DESCRIPTION, TreffRtc.SDP_KINDS[d.type], d.sdp);
    }).catch(function(e) {
      TreffRtc.report(handle, TreffRtc.LOCAL_DESCRIPTION_FAILED, 0, TreffRtc.errorName(e));
    });
  },

  treff_rtc_set_remote_description__deps: ['$TreffRtc'],
  treff_rtc_set_remote_description: function(handle, kind, sdp) {
    var entry = TreffRtc.conns[handle];
    if (!entry) return;
    var type = kind === 0 ? 'offer' : 'answer';
    entry.pc.setRemoteDescription({ type: type, sdp: UTF8ToString(sdp) }).then(function() {
      TreffRtc.report(handle, TreffRtc.REMOTE_APPLIED, kind);
    }).catch(function(e) {
      TreffRtc.report(handle, TreffRtc.REMOTE_FAILED, kind, TreffRtc.errorName(e));
    });
  },

  treff_rtc_add_ice_candidate__deps: ['$TreffRtc'],
  treff_rtc_add_ice_candidate: function(handle, candidate, hasMid, mid, mline) {
    var entry = TreffRtc.conns[handle];
    if (!entry) return;
    var init = { candidate: UTF8ToString(candidate) };
    if (hasMid) init.sdpMid = UTF8ToString(mid);
    if (mline >= 0) init.sdpMLineIndex = mline;
    entry.pc.addIceCandidate(init).catch(function(e) {
      TreffRtc.report(handle, TreffRtc.CANDIDATE_FAILED, 0, TreffRtc.errorName(e));
    });
  },

  treff_rtc_set_ice_servers__deps: ['$TreffRtc'],
  treff_rtc_set_ice_servers: function(handle, iceServers) {
    var entry = TreffRtc.conns[handle];
    if (!entry) return;
    var config = entry.pc.getConfiguration();
    config.iceServers = JSON.parse(UTF8ToString(iceServers));
    try { entry.pc.setConfiguration(config); } catch (e) {}  // only a closed connection refuses
  },

  treff_rtc_restart_ice__deps: ['$TreffRtc'],
  treff_rtc_restart_ice: function(handle) {
    var entry = TreffRtc.conns[handle];
    if (entry) entry.pc.restartIce();
  },

  treff_rtc_close__deps: ['$TreffRtc'],
  treff_rtc_close: function(handle) {
    var entry = TreffRtc.conns[handle];
    if (!entry) return;
    delete TreffRtc.conns[handle];  // first, so nothing more is reported for it
    var pc = entry.pc;
    pc.onnegotiationneeded = pc.onicecandidate = pc.onsignalingstatechange = null;
    pc.onconnectionstatechange = pc.ontrack = null;
    pc.close();
  },
});
