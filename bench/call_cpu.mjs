// Call benchmark (not a test; prints figures). Run with bench/call_cpu.sh.
// Treff against the plain hand-written page in plain_page/ (same server software, same machine,
// rounds alternating so both meet the same conditions):
//  - CPU-seconds per second of each person's browser (its whole process tree) in a steady call
//    of 2 and of 3 people, each in a browser of their own, 1280x720, Chromium's default fake camera;
//  - Treff's canvas redraws per second during that steady call (nobody touches anything);
//  - join to first remote frame on screen: from pressing Join to the first frame of the other's
//    video presented by the compositor (requestVideoFrameCallback, in both pages).
import path from 'node:path';
import { launchOwnChromium, waitForState } from '../tests/e2e/lib/browser.js';
import { REPO, startServer, stopServer } from '../tests/e2e/lib/server.js';
import { click, findWidget } from '../tests/e2e/lib/ui.js';
import { treeCpu } from './tree_cpu.mjs';

const ROUNDS = Number(process.env.ROUNDS || 3);
const STEADY_S = Number(process.env.STEADY_S || 10);
const SIZES = (process.env.PEOPLE || '2,3').split(',').map(Number);
const VIEWPORT = { width: 1280, height: 720 };
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

// SITE=<folder of a built client> measures that build instead of this checkout's (before/after).
const treff = await startServer({ args: ['--port', '0', ...(process.env.SITE ? ['--root', process.env.SITE] : [])] });
const plain = await startServer({ args: ['--port', '0', '--root', path.join(REPO, 'bench/plain_page')] });


// One person's own browser: its process tree is what is measured.
async function person() {
  const own = await launchOwnChromium();
  const page = await (await own.browser.newContext({ viewport: VIEWPORT, locale: 'en-US' })).newPage();
  return { ...own, page };
}

// Notes in the page when the first frame of another person's video is on screen: of a video
// element added from now on, not mirrored (both pages mirror only the own camera).
const watchFirstRemoteFrame = () => {
  window.__first = null;
  const before = new Set(document.querySelectorAll('video'));
  new MutationObserver((changes) => {
    for (const c of changes) for (const v of c.addedNodes) {
      if (v.tagName !== 'VIDEO' || before.has(v)) continue;
      const onFrame = () => {
        if (getComputedStyle(v).transform !== 'none') return;  // the own camera
        // Chromium may call back for a video not displayed (Treff's wait hidden until their first
        // frame is there): only a frame on screen counts.
        if (v.hidden || !v.getClientRects().length) return v.requestVideoFrameCallback(onFrame);
        if (window.__first === null) window.__first = performance.now();
      };
      v.requestVideoFrameCallback(onFrame);
    }
  }).observe(document.body, { childList: true, subtree: true });
  // A Treff build from before video went through the compositor drew frames into WebGL from
  // videos not displayed (no requestVideoFrameCallback): there its count of frames drawn tells.
  const t = setInterval(() => {
    if (window.__first !== null || document.getElementById('videos')) return clearInterval(t);
    const s = window.treff && window.treff.state && window.treff.state();
    if (s && s.participants.some((p) => !p.self && p.framesDrawn > 0)) window.__first = performance.now();
  }, 2);
};

async function treffJoin(p, room, name, measure) {
  await p.page.goto(`${treff.url}/r/${room}`);
  await findWidget(p.page, 'input', 'Your name', 30000);
  await click(p.page, 'input', 'Your name');
  await p.page.keyboard.type(name);
  if (measure) {
    await p.page.evaluate(watchFirstRemoteFrame);
    await p.page.evaluate(() => window.addEventListener('keydown', (e) => { if (e.key === 'Enter') window.__pressed ??= performance.now(); }, { capture: true }));
  }
  await p.page.keyboard.press('Enter');
  await waitForState(p.page, 's => s.phase === "in-room"', 30000);
}

async function plainJoin(p, room, name, measure, overlay = false) {
  await p.page.goto(`${plain.url}/index.html?room=${room}&name=${name}${overlay ? '&overlay=1' : ''}`);
  if (measure) await p.page.evaluate(watchFirstRemoteFrame);
  await p.page.click('#join');
  await p.page.evaluate(() => { window.__pressed = window.joinPressedAt; });
}

// A call of `n` people in kind ('treff', 'plain', or 'overlay': the plain page under a transparent
// WebGL canvas drawn once): join one after another, the last one's join
// to first remote frame, then the steady call's CPU per browser and (Treff) redraws per second.
async function call(kind, n, round) {
  const people = [];
  const room = `${kind}-${n}-${round}`;
  try {
    for (let i = 0; i < n; i++) {
      const p = await person();
      people.push(p);
      if (kind === 'treff') await treffJoin(p, room, `P${i}`, i === n - 1);
      else await plainJoin(p, room, `P${i}`, i === n - 1, kind === 'overlay');
      if (kind !== 'treff' && i < n - 1) await sleep(300);  // in the room before the next one comes
    }
    const last = people[n - 1].page;
    await last.waitForFunction(() => window.__first !== null, null, { timeout: 30000, polling: 20 });
    const joinMs = await last.evaluate(() => window.__first - window.__pressed);
    // Everyone sees everyone, then a few seconds to settle (bitrates ramp up).
    for (const p of people) {
      if (kind === 'treff') {
        // (framesDrawn: the same count in builds from before video went through the compositor)
        await waitForState(p.page, `s => s.participants.length === ${n} && s.participants.every(x => x.self || (x.videoFrames ?? x.framesDrawn) > 0)`, 30000);
      } else {
        await p.page.waitForFunction((k) => document.querySelectorAll('#strip video').length === k, n, { timeout: 30000 });
      }
    }
    await sleep(3000);
    const redraws0 = kind === 'treff' ? await Promise.all(people.map((p) => p.page.evaluate(() => window.treff.state().framesRendered))) : [];
    const cpu0 = people.map((p) => treeCpu(p.pid));
    const t0 = Date.now();
    await sleep(STEADY_S * 1000);
    const seconds = (Date.now() - t0) / 1000;
    const cpu = people.map((p, i) => (treeCpu(p.pid) - cpu0[i]) / seconds);
    const redraws = kind === 'treff'
      ? (await Promise.all(people.map((p) => p.page.evaluate(() => window.treff.state().framesRendered)))).map((r, i) => (r - redraws0[i]) / seconds)
      : [];
    return { joinMs, cpu: cpu.reduce((a, b) => a + b, 0) / n, redraws: redraws.length ? Math.max(...redraws) : 0 };
  } finally {
    for (const p of people) await p.close();
  }
}

const results = {};
for (let round = 0; round < ROUNDS; round++) {
  for (const n of SIZES) {
    const kinds = ['plain', 'treff', ...(process.env.OVERLAY ? ['overlay'] : [])];
    for (const kind of round % 2 ? kinds.reverse() : kinds) {
      const r = await call(kind, n, round);
      (results[`${kind}${n}`] ??= []).push(r);
      console.log(`# round ${round + 1}, ${kind}, ${n} people: ${r.cpu.toFixed(2)} CPU-s/s per browser, join -> first remote frame ${r.joinMs.toFixed(0)} ms${kind === 'treff' ? `, ${r.redraws.toFixed(1)} redraws/s` : ''}`);
    }
  }
}

const pick = (key, f) => results[key].map(f);
for (const n of SIZES) {
  const tc = median(pick(`treff${n}`, (r) => r.cpu)), pc = median(pick(`plain${n}`, (r) => r.cpu));
  console.log(`${n} people, steady call CPU per browser:  Treff ${tc.toFixed(2)}, plain ${pc.toFixed(2)} CPU-s/s; ratio ${(tc / pc).toFixed(2)} (goal <= 1.25)`);
  console.log(`${n} people, Treff redraws in steady call: ${median(pick(`treff${n}`, (r) => r.redraws)).toFixed(1)} /s (busiest browser; goal 0)`);
  if (results[`overlay${n}`]) {
    const oc = median(pick(`overlay${n}`, (r) => r.cpu));
    console.log(`${n} people, plain page under a transparent canvas: ${oc.toFixed(2)} CPU-s/s; ratio to plain ${(oc / pc).toFixed(2)}`);
  }
}
for (const n of SIZES) {
  const tj = median(pick(`treff${n}`, (r) => r.joinMs)), pj = median(pick(`plain${n}`, (r) => r.joinMs));
  console.log(`join -> first remote frame (${n} people, the last to join): Treff ${tj.toFixed(0)} ms, plain ${pj.toFixed(0)} ms; ratio ${(tj / pj).toFixed(2)} (goal <= 1.2)`);
}

await stopServer(treff);
await stopServer(plain);
