// Mesh against Janus (not a test; prints figures). Run with bench/sfu_vs_mesh.sh.
// The same N people (each in a Chromium of their own, small fake camera unless FAKE=default) in one
// room, first as a full mesh on treff-server, then through a local Janus VideoRoom:
//  - uplink: bytes per second each person's browser sends (outbound RTP of all its connections);
//  - CPU-seconds per second of each person's browser (its whole process tree) in the steady call;
//  - join to first frame: from pressing Join until every other person's video has a frame.
// PEOPLE=N (default 4), STEADY_S (default 10), MODES=mesh,janus.
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
    for (let i = 0; i < N; i++) {
      const own = await launchOwnChromium(VIDEO);
      // Large enough that every thumbnail is on screen (no pages): everyone's video is received.
      const context = await own.browser.newContext({ viewport: { width: 800, height: 500 }, locale: 'en-US' });
      await context.addInitScript(recordPeerConnections);
      const page = await context.newPage();
      const start = Date.now();
      await joinByLink(page, link, `P${i + 1}`);
      // Everyone already there is live for the newcomer.
      await waitForState(page, `s => s.phase === "in-room" && s.participants.length === ${i + 1} && s.participants.filter(p => !p.self).every(p => p.videoFrames > 0)`, 120000);
      joinMs.push(Date.now() - start);
      people.push({ ...own, page });
    }
    for (const p of people) {
      await waitForState(p.page, `s => s.participants.length === ${N} && s.participants.filter(p => !p.self).every(p => p.videoFrames > 0)`, 120000);
    }
    await sleep(3000);  // past the ramp-up of the encoders' bitrates
    const cpu0 = people.map((p) => treeCpu(p.pid)), sent0 = await Promise.all(people.map((p) => bytesSent(p.page)));
    const t0 = Date.now();
    await sleep(STEADY_S * 1000);
    const seconds = (Date.now() - t0) / 1000;
    const cpu = people.map((p, i) => (treeCpu(p.pid) - cpu0[i]) / seconds);
    const sent = await Promise.all(people.map((p) => bytesSent(p.page)));
    const uplink = sent.map((b, i) => (b - sent0[i]) / seconds);
    results[mode] = { joinMs, cpu, uplink };
    for (const p of people) await p.close();
  }
} finally {
  await stopServer(server);
  await janus.stop();
}

const fmt = (xs, f) => xs.map(f).join(' ');
console.log(`${N} people, ${STEADY_S} s steady, ${VIDEO.length ? '160x120 fake camera' : "Chromium's default fake camera"}`);
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
