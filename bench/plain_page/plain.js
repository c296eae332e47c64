// The plain page's call: join, offer to who is there, answer who comes, show and play.
const params = new URLSearchParams(location.search);
const room = params.get('room'), name = params.get('name');
window.firstRemoteFrameAt = null;
window.joinPressedAt = null;
let ws, self, stream;
const pcs = {};
function send(m) { ws.send(JSON.stringify(Object.assign({ v: 1 }, m))); }
function video(track, parent) {
  const v = document.createElement('video');
  v.muted = true; v.autoplay = true; v.playsInline = true;
  v.srcObject = new MediaStream([track]);
  parent.appendChild(v);
  return v;
}
function connection(id) {
  if (pcs[id]) return pcs[id];
  const pc = new RTCPeerConnection({ iceServers: [] });
  pcs[id] = pc;
  pc.onicecandidate = (e) => { if (e.candidate) send({ type: 'signal', to: id, kind: 'candidate', candidate: e.candidate.candidate, sdpMid: e.candidate.sdpMid, sdpMLineIndex: e.candidate.sdpMLineIndex }); };
  pc.ontrack = (e) => {
    if (e.track.kind === 'audio') {
      const a = new Audio();
      a.srcObject = new MediaStream([e.track]);
      a.play().catch(() => {});
      return;
    }
    const large = document.getElementById('large');
    const first = !large.firstChild;
    if (first) video(e.track, large).requestVideoFrameCallback(() => { if (!window.firstRemoteFrameAt) window.firstRemoteFrameAt = performance.now(); });
    video(e.track, document.getElementById('strip'));
  };
  stream.getTracks().forEach((t) => pc.addTrack(t, stream));
  return pc;
}
document.getElementById('join').onclick = async () => {
  window.joinPressedAt = performance.now();
  stream = await navigator.mediaDevices.getUserMedia({ audio: true, video: { width: { ideal: 640 }, height: { ideal: 480 } } });
  document.getElementById('self').srcObject = new MediaStream(stream.getVideoTracks());
  ws = new WebSocket(location.origin.replace(/^http/, 'ws') + '/ws');
  ws.onopen = () => send({ type: 'join', room, name, mic: true, camera: true });
  ws.onmessage = async (e) => {
    const m = JSON.parse(e.data);
    if (m.type === 'joined') {
      self = m.self;
      for (const p of m.peers) {  // the newcomer offers, as in Treff
        const pc = connection(p.id);
        await pc.setLocalDescription();
        send({ type: 'signal', to: p.id, kind: 'offer', sdp: pc.localDescription.sdp });
      }
    } else if (m.type === 'signal') {
      const pc = connection(m.from);
      if (m.kind === 'candidate') { await pc.addIceCandidate({ candidate: m.candidate, sdpMid: m.sdpMid, sdpMLineIndex: m.sdpMLineIndex }); return; }
      await pc.setRemoteDescription({ type: m.kind, sdp: m.sdp });
      if (m.kind === 'offer') {
        await pc.setLocalDescription();
        send({ type: 'signal', to: m.from, kind: 'answer', sdp: pc.localDescription.sdp });
      }
    }
  };
};

// ?overlay=1: a full-window transparent WebGL canvas over the videos, drawn once, as Treff's
// interface lies over its pictures. Measures what that layering alone costs the compositor.
if (params.get('overlay') === '1') {
  const canvas = document.createElement('canvas');
  canvas.style.cssText = 'position: fixed; inset: 0; width: 100%; height: 100%; pointer-events: none';
  canvas.width = innerWidth * devicePixelRatio;
  canvas.height = innerHeight * devicePixelRatio;
  document.body.appendChild(canvas);
  const gl = canvas.getContext('webgl2', { alpha: true, antialias: false });
  gl.clearColor(0, 0, 0, 0);
  gl.clear(gl.COLOR_BUFFER_BIT);
}
