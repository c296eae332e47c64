// Mesh against Janus (not a test; prints figures). Run with bench/sfu_vs_mesh.sh.
// The same N people (each in a Chromium of their own, small fake camera unless FAKE=default) in one
// room, first as a full mesh on treff-server, then through a local Janus VideoRoom:
//  - uplink: bytes per second each person's browser sends (outbound RTP of all its connections);
//  - CPU-seconds per second of each person's browser (its whole process tree) in the steady call;
//  - join to first frame: from pressing Join until every other person's video has a frame.
// PEOPLE=N (default 4), STEADY_S (default 10), MODES=mesh,janus, VIEW=800x500 (each window).
// ONE_BROWSER=1: everyone in one Chromium (a tab each), for more people than this machine can run
// Chromiums; CPU is then that browser's, shared out evenly. Where the thumbnails come in pages,
// "first frames" means of everyone whose tile is shown (the others are not received on Janus).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { launchOwnChromium, waitForState } from '../tests/e2e/lib/browser.js';
import { smallFakeVideo } from '../tests/e2e/lib/fake_video.js';
import { startJanus } from '../tests/e2e/lib/janus.js';
import { recordPeerConnections } from '../tests/e2e/lib/listening.js';
import { startServer, stopServer } from '../tests/e2e/lib/server.js';
import { joinByLink } from '../tests/e2e/lib/ui.js';
import { treeCpu } from './tree_cpu.mjs';

const N = Number(process.env.PEOPLE || 4);
const STEADY_S = Number(process.env.STEADY_S || 10);
const MODES = (process.env.MODES || 'mesh,janus').split(',');
const VIDEO = process.env.FAKE === 'default' ? [] : [`--use-file-for-fake-video-capture=${smallFakeVideo()}`];
const ONE_BROWSER = Boolean(process.env.ONE_BROWSER);
const [VIEW_W, VIEW_H] = (process.env.VIEW || '800x500').split('x').map(Number);
const VIEWPORT = { width: VIEW_W, height: VIEW_H };
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];


// Bytes this page's peer connections have sent as media (RTP payload and headers).
const bytesSent = (page) => page.evaluate(async () => {
  let total = 0;
  for (const pc of window.__peerConnections || []) {
    if (pc.connectionState === 'closed') continue;
    (await pc.getStats()).forEach((s) => { if (s.type === 'outbound-rtp') total += (s.bytesSent || 0) + (s.headerBytesSent || 0); });
  }
  return total;
});

// Waits until the page is in the room with `n` people and every other person whose thumbnail or
// large view is on screen shows a frame of video.
async function waitForShownVideos(page, n, timeout = 120000) {
  const deadline = Date.now() + timeout;
  for (;;) {
    const [s, ui] = await page.evaluate(() => [window.treff.state(), window.treff.ui()]);
    const shown = new Set(ui.filter((w) => w.role === 'thumbnail').map((w) => w.label));
    const watched = s.participants.filter((p) => !p.self && (p.large || shown.has(p.name)));
    if (s.phase === 'in-room' && s.participants.length === n && watched.every((p) => p.videoFrames > 0)) return;
    if (Date.now() > deadline) throw new Error(`not all shown videos live with ${n} people: ${s.phase} ${s.problem} ${JSON.stringify(s.participants)}`);
    await sleep(50);
  }
}

const janus = await startJanus();
const list = path.join(os.tmpdir(), 'treff-bench-servers.json');
fs.writeFileSync(list, JSON.stringify([{ name: 'Janus', kind: 'janus', url: janus.url }]));
const server = await startServer({ args: ['--port', '0', '--servers', list] });
const results = {};
try {
  for (const mode of MODES) {
    const link = mode === 'janus' ? `${server.url}/r/bench-sfu?server=${encodeURIComponent(janus.url)}` : `${server.url}/r/bench-mesh`;
    const people = [];
    const joinMs = [];
    const shared = ONE_BROWSER ? await launchOwnChromium(VIDEO) : null;
    for (let i = 0; i < N; i++) {
      const own = shared ? { ...shared, close: async () => {} } : await launchOwnChromium(VIDEO);
      // 800x500 (default): four people's thumbnails all on screen, everyone's video received.
      const context = await own.browser.newContext({ viewport: VIEWPORT, locale: 'en-US' });
      await context.addInitScript(recordPeerConnections);
      const page = await context.newPage();
      const start = Date.now();
      await joinByLink(page, link, `P${i + 1}`);
      // Everyone already there is live for the newcomer.
      await waitForShownVideos(page, i + 1);
      joinMs.push(Date.now() - start);
      console.error(`${mode}: P${i + 1} in, all shown videos live after ${joinMs.at(-1)} ms`);
      people.push({ ...own, page });
    }
    for (const p of people) await waitForShownVideos(p.page, N);
    await sleep(3000);  // past the ramp-up of the encoders' bitrates
    const cpu0 = people.map((p) => treeCpu(p.pid)), sent0 = await Promise.all(people.map((p) => bytesSent(p.page)));
    const t0 = Date.now();
    await sleep(STEADY_S * 1000);
    const seconds = (Date.now() - t0) / 1000;
    // One shared browser: its CPU counted once, shared out.
    const cpu = shared ? people.map(() => (treeCpu(shared.pid) - cpu0[0]) / seconds / N)
                       : people.map((p, i) => (treeCpu(p.pid) - cpu0[i]) / seconds);
    const sent = await Promise.all(people.map((p) => bytesSent(p.page)));
    const uplink = sent.map((b, i) => (b - sent0[i]) / seconds);
    results[mode] = { joinMs, cpu, uplink };
    for (const p of people) await p.close();
    await shared?.close();
  }
} finally {
  await stopServer(server);
  await janus.stop();
}

const fmt = (xs, f) => xs.map(f).join(' ');
console.log(`${N} people, ${STEADY_S} s steady, ${VIDEO.length ? '160x120 fake camera' : "Chromium's default fake camera"}` +
  (ONE_BROWSER ? ', all in one Chromium (CPU shared out)' : ', a Chromium each') + `, ${VIEW_W}x${VIEW_H} windows`);
for (const [mode, r] of Object.entries(results)) {
  console.log(`${mode.padEnd(5)}  uplink kB/s per person: ${fmt(r.uplink, (b) => (b / 1000).toFixed(1))} (median ${(median(r.uplink) / 1000).toFixed(1)})`);
  console.log(`${''.padEnd(5)}  CPU s/s per browser:    ${fmt(r.cpu, (c) => c.toFixed(2))} (median ${median(r.cpu).toFixed(2)})`);
  console.log(`${''.padEnd(5)}  join to first frames ms: ${fmt(r.joinMs, (m) => String(m))} (median ${median(r.joinMs)})`);
}
if (results.mesh && results.janus) {
  console.log(`janus/mesh: uplink ${(median(results.janus.uplink) / median(results.mesh.uplink)).toFixed(2)}, ` +
    `CPU ${(median(results.janus.cpu) / median(results.mesh.cpu)).toFixed(2)}, ` +
    `join ${(median(results.janus.joinMs) / median(results.mesh.joinMs)).toFixed(2)}`);
}
