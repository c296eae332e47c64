// Client benchmark (not a test; prints figures). Run with bench/client_load.sh.
//  - compressed bytes of everything the client loads,
//  - time from navigation to the join prompt being ready,
//  - time from pressing Enter (join) to the first remote video frame drawn, against a plain
//    hand-written HTML+JS page doing the same join through the same server software, same run,
//  - redraws per second in an idle room with cameras off.
import path from 'node:path';
import { launchChromium, waitForState } from '../tests/e2e/lib/browser.js';
import { REPO, startServer, stopServer } from '../tests/e2e/lib/server.js';
import { click, findWidget } from '../tests/e2e/lib/ui.js';

const ROUNDS = Number(process.env.ROUNDS || 5);
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const fmt = (xs) => `median ${median(xs).toFixed(0)} ms (${xs.map((x) => x.toFixed(0)).join(', ')})`;

// SITE=<folder of a built client> measures that build instead of this checkout's (to compare two).
const treff = await startServer({ args: ['--port', '0', ...(process.env.SITE ? ['--root', process.env.SITE] : [])] });
const plain = await startServer({ args: ['--port', '0', '--root', path.join(REPO, 'bench/plain_page')] });
const browser = await launchChromium();

async function treffPage() {
  const context = await browser.newContext({ viewport: { width: 800, height: 500 }, locale: 'en-US' });
  return context.newPage();
}

// ---- bytes and time to the join prompt (fresh context: nothing cached) ----
const loads = [], bytes = [];
for (let i = 0; i < ROUNDS; i++) {
  const page = await treffPage();
  let total = 0;
  const sized = [];
  page.on('requestfinished', (req) => sized.push(req.sizes().then((s) => { total += s.responseBodySize + s.responseHeadersSize; })));
  // Ready: the frame that draws the prompt also puts its name field into the DOM mirror; noted in
  // the page at that moment (polling from here would add a round trip to a page that is busy).
  await page.addInitScript(() => {
    window.__promptAt = null;
    const seen = new MutationObserver(() => {
      if (!document.querySelector('#mirror input')) return;
      window.__promptAt = performance.now();
      seen.disconnect();
    });
    seen.observe(document, { childList: true, subtree: true });
  });
  await page.goto(`${treff.url}/r/bench-load`);
  await page.waitForFunction(() => window.__promptAt !== null, null, { polling: 5 });
  loads.push(await page.evaluate(() => window.__promptAt));
  await Promise.all(sized);
  bytes.push(total);
  await page.context().close();
}

// ---- join to first remote frame ----
async function treffJoin(room) {
  const first = await treffPage();
  await first.goto(`${treff.url}/r/${room}`);
  await click(first, 'input', 'Your name');
  await first.keyboard.type('First');
  await first.keyboard.press('Enter');
  await waitForState(first, 's => s.phase === "in-room"');
  const second = await treffPage();
  await second.goto(`${treff.url}/r/${room}`);
  await click(second, 'input', 'Your name');
  await second.keyboard.type('Second');
  await second.evaluate(() => {
    window.__pressed = null;
    window.addEventListener('keydown', (e) => { if (e.key === 'Enter' && window.__pressed === null) window.__pressed = performance.now(); }, { capture: true });
    window.__first = new Promise((resolve) => {
      const t = setInterval(() => {
        const s = window.treff.state();
        if (s.participants.some((p) => !p.self && p.videoFrames > 0)) { clearInterval(t); resolve(performance.now()); }
      }, 2);
    });
  });
  await second.keyboard.press('Enter');
  const firstFrame = await second.evaluate(() => window.__first);
  const pressed = await second.evaluate(() => window.__pressed);
  await first.context().close();
  await second.context().close();
  return firstFrame - pressed;
}

async function plainJoin(room) {
  const open = async (name) => {
    const page = await (await browser.newContext({ viewport: { width: 800, height: 500 } })).newPage();
    await page.goto(`${plain.url}/index.html?room=${room}&name=${name}`);
    return page;
  };
  const first = await open('First');
  await first.click('#join');
  await first.waitForFunction(() => window.joinPressedAt !== null);
  await new Promise((r) => setTimeout(r, 300));  // let the first one be in the room
  const second = await open('Second');
  await second.click('#join');
  await second.waitForFunction(() => window.firstRemoteFrameAt !== null, null, { polling: 5, timeout: 15000 });
  const ms = await second.evaluate(() => window.firstRemoteFrameAt - window.joinPressedAt);
  await first.context().close();
  await second.context().close();
  return ms;
}

const treffJoins = [], plainJoins = [];
for (let i = 0; i < ROUNDS; i++) {  // alternate, so both see the same machine conditions
  plainJoins.push(await plainJoin(`plain-${i}`));
  treffJoins.push(await treffJoin(`treff-${i}`));
}

// ---- idle redraws: two people, cameras off, nobody touching anything ----
const a = await treffPage(), b = await treffPage();
for (const [page, name] of [[a, 'Idle A'], [b, 'Idle B']]) {
  await page.goto(`${treff.url}/r/bench-idle`);
  await click(page, 'input', 'Your name');
  await page.keyboard.type(name);
  await page.keyboard.press('Enter');
  await waitForState(page, 's => s.phase === "in-room"');
}
for (const page of [a, b]) await click(page, 'button', 'Turn video off');
await waitForState(a, 's => s.participants.length === 2 && s.participants.every(p => !p.camera)');
await waitForState(b, 's => s.participants.length === 2 && s.participants.every(p => !p.camera)');
await a.mouse.move(790, 5);  // park the pointer away from any widget
await new Promise((r) => setTimeout(r, 1000));
const r0 = await a.evaluate(() => window.treff.state().framesRendered);
await new Promise((r) => setTimeout(r, 5000));
const idle = ((await a.evaluate(() => window.treff.state().framesRendered)) - r0) / 5;

const kib = median(bytes) / 1024;
console.log(`client bytes (compressed, all requests): ${kib.toFixed(0)} KiB (goal <= 800)`);
console.log(`navigation -> join prompt ready:         ${fmt(loads)} (goal <= 500 ms)`);
console.log(`join -> first remote frame, Treff:       ${fmt(treffJoins)}`);
console.log(`join -> first remote frame, plain page:  ${fmt(plainJoins)}`);
console.log(`ratio Treff / plain (medians):           ${(median(treffJoins) / median(plainJoins)).toFixed(2)} (goal <= 1.2)`);
console.log(`idle room, cameras off:                  ${idle.toFixed(1)} redraws/s (goal ~0)`);

await browser.close();
await stopServer(treff);
await stopServer(plain);
