// Prints the timeline of one Treff join, both sides on one clock: the second person presses Enter,
// and each page's signaling messages (in and out), WebRTC calls and events, long tasks (> 50 ms)
// and the joiner's phases until the first remote frame is drawn. Shows where join-to-first-frame
// time goes: network, the client's own work, or a page too busy to answer. Run in a loopback-only
// namespace:
//   unshare --net bash -c 'ip link set lo up && node bench/join_timeline.mjs'
import { launchChromium, waitForState } from '../tests/e2e/lib/browser.js';
import { startServer, stopServer } from '../tests/e2e/lib/server.js';
import { click } from '../tests/e2e/lib/ui.js';
const treff = await startServer();
const browser = await launchChromium();
const mk = async () => (await browser.newContext({ viewport: { width: 800, height: 500 }, locale: 'en-US' })).newPage();
// Runs in each page before its scripts: marks what the page's WebSocket and RTCPeerConnections do.
const instrument = () => {
  window.__log = [];
  const mark = (k) => window.__log.push([k, performance.timeOrigin + performance.now()]);
  window.__mark = mark;
  const Native = window.RTCPeerConnection;
  window.RTCPeerConnection = function(...args) {
    const pc = new Native(...args);
    mark('pc new');
    pc.addEventListener('connectionstatechange', () => mark('pc ' + pc.connectionState));
    pc.addEventListener('icecandidate', (e) => e.candidate && mark('pc candidate'));
    pc.addEventListener('track', (e) => mark('pc track ' + e.track.kind));
    const wrap = (name) => { const f = pc[name].bind(pc); pc[name] = (...a) => { mark('pc ' + name); const r = f(...a); r.then(() => mark('pc ' + name + ' done')); return r; }; };
    ['createOffer', 'createAnswer', 'setLocalDescription', 'setRemoteDescription', 'addIceCandidate'].forEach(wrap);
    return pc;
  };
  window.RTCPeerConnection.prototype = Native.prototype;
  const NWS = window.WebSocket;
  window.WebSocket = function(...a) {
    const ws = new NWS(...a);
    mark('ws new');
    ws.addEventListener('open', () => mark('ws open'));
    ws.addEventListener('message', (e) => { try { mark('ws in ' + JSON.parse(e.data).type + (JSON.parse(e.data).signal ? ' ' + (JSON.parse(e.data).signal.type||'') : '')); } catch (x) {} });
    const send = ws.send.bind(ws);
    ws.send = (d) => { try { const m = JSON.parse(d); mark('ws out ' + m.type + (m.signal ? ' ' + (m.signal.type||'') : '')); } catch (x) {} return send(d); };
    return ws;
  };
  window.WebSocket.prototype = NWS.prototype;
  Object.assign(window.WebSocket, { OPEN: 1, CLOSED: 3, CONNECTING: 0, CLOSING: 2 });
  new PerformanceObserver((list) => { for (const e of list.getEntries()) window.__log.push(['long task ' + e.duration.toFixed(0) + ' ms', performance.timeOrigin + e.startTime]); }).observe({ type: 'longtask' });
};
const first = await mk();
await first.addInitScript(instrument);
await first.goto(`${treff.url}/r/p`);
await click(first, 'input', 'Your name'); await first.keyboard.type('First'); await first.keyboard.press('Enter');
await waitForState(first, 's => s.phase === "in-room"');
await new Promise((r) => setTimeout(r, 1000));  // settled in the room, alone
await first.evaluate(() => { window.__log = []; });
const second = await mk();
await second.addInitScript(instrument);
await second.goto(`${treff.url}/r/p`);
await click(second, 'input', 'Your name'); await second.keyboard.type('Second');
await new Promise((r) => setTimeout(r, 1000));  // the join prompt settled (preview, connection)
await second.evaluate(() => {
  window.__log = [];
  window.addEventListener('keydown', (e) => { if (e.key === 'Enter') window.__mark('enter'); }, { capture: true });
  let last = '';
  const t = setInterval(() => {
    const s = window.treff.state();
    const r = s.participants.find(p => !p.self);
    const key = s.phase + (r ? ' remote' : '') + (r && r.videoFrames > 0 ? ' frame' : '');
    if (key !== last) { window.__mark('state ' + key); last = key; }
    if (r && r.videoFrames > 0) clearInterval(t);
  }, 1);
});
await second.keyboard.press('Enter');
await waitForState(second, 's => s.participants.some(p => !p.self && p.videoFrames > 0)');
const a = (await first.evaluate(() => window.__log)).map(([k, t]) => [t, 'FIRST  ' + k]);
const b = (await second.evaluate(() => window.__log)).map(([k, t]) => [t, 'second ' + k]);
const all = [...a, ...b].sort((x, y) => x[0] - y[0]);
const t0 = b.find(([, k]) => k.includes('enter'))[0];
console.log(all.filter(([t]) => t >= t0 - 5).map(([t, k]) => `${(t - t0).toFixed(0).padStart(5)}  ${k}`).join('\n'));
await browser.close(); await stopServer(treff);
