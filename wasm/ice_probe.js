// Peer connections that only gather candidates (src/platform/web/web_ice_probes.cpp): each
// candidate's type goes to C++, then "complete". Nothing is decided here.
mergeInto(LibraryManager.library, {
  $TreffIceProbe: { probes: {}, next: 1 },

  treff_ice_probe_open__deps: ['$TreffIceProbe', '$stringToNewUTF8', 'free'],
  treff_ice_probe_open: function(iceServers) {
    var id = TreffIceProbe.next++;
    var report = function(type, complete) {
      if (!TreffIceProbe.probes[id]) return;  // closed meanwhile
      var t = stringToNewUTF8(type);
      _treff_ice_probe_event(id, t, complete ? 1 : 0);
      _free(t);
    };
    var pc = null;
    try {
      pc = new RTCPeerConnection({ iceServers: JSON.parse(UTF8ToString(iceServers)) });
    } catch (e) {
      pc = null;
    }
    TreffIceProbe.probes[id] = pc || {};
    if (!pc) {  // no WebRTC here, or servers it refuses: nothing will be found
      setTimeout(function() { report('', true); }, 0);
      return id;
    }
    pc.onicecandidate = function(e) {
      if (!e.candidate) return report('', true);
      // Older browsers have no .type: the candidate line names it after "typ".
      var type = e.candidate.type || ((/ typ (\w+)/.exec(e.candidate.candidate) || [])[1] || '');
      if (type) report(type, false);
    };
    pc.createDataChannel('probe');  // something to gather for
    pc.createOffer().then(function(offer) { return pc.setLocalDescription(offer); })
      .catch(function() { report('', true); });
    return id;
  },

  treff_ice_probe_close__deps: ['$TreffIceProbe'],
  treff_ice_probe_close: function(id) {
    var pc = TreffIceProbe.probes[id];
    delete TreffIceProbe.probes[id];
    if (pc && pc.close) pc.close();
  },
});
