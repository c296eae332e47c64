// Prints the timeline of one Treff join as the second person (Enter, media, connect, join, first
// remote frame), to find where join-to-first-frame time goes. Run in a loopback-only namespace:
//   unshare --net bash -c 'ip link set lo up && node bench/join_timeline.mjs'
import { launchChromium, waitForState } from '../tests/e2e/lib/browser.js';
import { startServer, stopServer } from '../tests/e2e/lib/server.js';
import { click } from '../tests/e2e/lib/ui.js';
const treff = await startServer();
const browser = await launchChromium();
const mk = async () => (await browser.newContext({ viewport: { width: 800, height: 500 }, locale: 'en-US' })).newPage();
const first = await mk();
await first.goto(`${treff.url}/r/p`);
await click(first, 'input', 'Your name'); await first.keyboard.type('First'); await first.keyboard.press('Enter');
await waitForState(first, 's => s.phase === "in-room"');
// How busy the first page's main thread is while it answers: its long tasks (> 50 ms).
await first.evaluate(() => {
  window.__long = [];
  new PerformanceObserver((list) => { for (const e of list.getEntries()) window.__long.push([e.startTime, e.duration]); })
    .observe({ type: 'longtask' });
});
const second = await mk();
// Browser-side milestones of the WebRTC connection, to tell network setup from client work.
await second.addInitScript(() => {
  const Native = window.RTCPeerConnection;
  window.RTCPeerConnection = function(...args) {
    const pc = new Native(...args);
    const mark = (k) => window.__log && window.__log.push([k, performance.now()]);
    pc.addEventListener('connectionstatechange', () => mark('pc ' + pc.connectionState));
    pc.addEventListener('track', (e) => mark('pc track ' + e.track.kind));
    const wrap = (name) => { const f = pc[name].bind(pc); pc[name] = (...a) => { mark('pc ' + name); return f(...a); }; };
    ['createOffer', 'createAnswer', 'setLocalDescription', 'setRemoteDescription'].forEach(wrap);
    return pc;
  };
  window.RTCPeerConnection.prototype = Native.prototype;
  setInterval(() => {
    for (const v of document.querySelectorAll('video')) {
      const n = v.getVideoPlaybackQuality().totalVideoFrames;
      if (n > 0 && !v.__seen) { v.__seen = true; window.__log && window.__log.push([`video frames ${n} ready ${v.readyState}`, performance.now()]); }
    }
  }, 1);
});
await second.goto(`${treff.url}/r/p`);
await click(second, 'input', 'Your name'); await second.keyboard.type('Second');
await second.evaluate(() => {
  window.__log = [];
  let last = '';
  window.addEventListener('keydown', (e) => { if (e.key === 'Enter') window.__log.push(['enter', performance.now()]); }, { capture: true });
  const t = setInterval(() => {
    const s = window.treff.state();
    const r = s.participants.find(p => !p.self);
    const key = s.phase + (r ? ' remote' : '') + (r && r.framesDrawn > 0 ? ' frame' : '');
    if (key !== last) { window.__log.push([key, performance.now()]); last = key; }
    if (r && r.framesDrawn > 0) clearInterval(t);
  }, 1);
});
await second.keyboard.press('Enter');
await waitForState(second, 's => s.participants.some(p => !p.self && p.framesDrawn > 0)');
const log = await second.evaluate(() => window.__log);
const t0 = log[0][1];
log.sort((a, b) => a[1] - b[1]);
const long = await first.evaluate(() => window.__long);
console.log(`first page: ${long.length} long tasks, ${long.reduce((a, [, d]) => a + d, 0).toFixed(0)} ms in total, longest ${Math.max(0, ...long.map(([, d]) => d)).toFixed(0)} ms`);
console.log(log.map(([k, t]) => `${(t - t0).toFixed(0).padStart(5)} ms  ${k}`).join('\n'));
await browser.close(); await stopServer(treff);
