// Checks, on the receiving page, that the sound of every other person is really played: for each
// open peer connection, its remote audio track must be carried by a playing, unmuted, audible media
// element whose clock advances, and the connection's inbound audio stats must show samples
// arriving. Independent of the client's own state: the test records the page's RTCPeerConnections
// itself, before any of the page's scripts run.

// Add with context.addInitScript (playwright) or page.evaluateOnNewDocument (puppeteer).
export function recordPeerConnections() {
  const Native = window.RTCPeerConnection;
  if (!Native || window.__peerConnections) return;
  window.__peerConnections = [];
  window.RTCPeerConnection = class extends Native {
    constructor(...args) {
      super(...args);
      window.__peerConnections.push(this);
    }
  };
}

// Runs in the page: for each open peer connection that receives sound, what carries it, sampled twice a
// second apart. Works in Chromium and Firefox.
async function soundOfEachConnection() {
  // Connections that bring sound in: a mesh's, an SFU's subscription; not an SFU publisher's
  // connection, which only sends.
  const receivesSound = (pc) => pc.getTransceivers().some((t) =>
    t.receiver.track && t.receiver.track.kind === 'audio' && /recv/.test(t.currentDirection || ''));
  const open = (window.__peerConnections || []).filter((pc) =>
    pc.connectionState !== 'closed' && pc.signalingState !== 'closed' && receivesSound(pc));
  const sample = () => Promise.all(open.map(async (pc) => {
    const ids = pc.getReceivers().filter((r) => r.track && r.track.kind === 'audio' && r.track.readyState === 'live')
      .map((r) => r.track.id);
    let samples = 0;
    (await pc.getStats()).forEach((s) => {
      // Firefox has no totalSamplesReceived; packets of sound arriving are the next best sign.
      if (s.type === 'inbound-rtp' && s.kind === 'audio') samples += s.totalSamplesReceived ?? s.packetsReceived ?? 0;
    });
    const players = [...document.querySelectorAll('audio, video')].filter((el) =>
      el.srcObject && !el.paused && !el.muted && el.volume > 0 &&
      el.srcObject.getAudioTracks().some((t) => ids.includes(t.id)));
    return { connection: pc.connectionState, tracks: ids.length, samples, players: players.length,
             time: players.map((el) => el.currentTime) };
  }));
  const first = await sample();
  await new Promise((r) => setTimeout(r, 1000));
  const second = await sample();
  return second.map((s, i) => ({ ...s, samplesBefore: first[i].samples,
    clockAdvances: s.time.length > 0 && Math.max(...s.time) > Math.max(0, ...first[i].time) }));
}

// What the page hears of each connection (see above).
export function soundHeard(page) {
  return page.evaluate(soundOfEachConnection);
}

// True when every one of `expected` connections plays its remote sound and its samples arrive.
export function everyoneHeard(connections, expected) {
  return connections.length === expected && connections.every((c) =>
    c.tracks > 0 && c.players > 0 && c.clockAdvances && c.samples > c.samplesBefore);
}

// Waits until the page hears `expected` other people (sound playing, samples arriving); returns what
// it last heard, for the assertion message.
export async function waitUntilHeard(page, expected, timeout = 20000) {
  const deadline = Date.now() + timeout;
  for (;;) {
    const heard = await soundHeard(page);
    if (everyoneHeard(heard, expected) || Date.now() > deadline) return heard;
  }
}
