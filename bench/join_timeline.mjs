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
const second = await mk();
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
console.log(log.map(([k, t]) => `${(t - t0).toFixed(0).padStart(5)} ms  ${k}`).join('\n'));
await browser.close(); await stopServer(treff);
