// `./tools/run` serves the wasm client, the page renders on WebGL2 and talks to /ws, and a join
// from the browser's origin is accepted.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { launchChromium, waitForState } from './lib/browser.js';
import { REPO, startServer, stopServer } from './lib/server.js';

const ARTIFACTS = path.join(REPO, 'tests/e2e/artifacts');
let server, browser;

before(async () => {
  fs.mkdirSync(ARTIFACTS, { recursive: true });
  // tools/run sets up (idempotent), builds (incremental) and starts the server; port 0 picks a free one.
  server = await startServer({ command: path.join(REPO, 'tools/run'), args: ['--port', '0'] });
  browser = await launchChromium();
});

after(async () => {
  await browser?.close();
  if (server) assert.equal(await stopServer(server), 0, 'treff-server exits cleanly on SIGTERM');
});

test('the client page loads its wasm and draws the join prompt', async () => {
  const page = await browser.newPage({ viewport: { width: 900, height: 600 } });
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  const wasmResponse = page.waitForResponse((r) => r.url().endsWith('/treff.wasm'));
  await page.goto(server.url + '/');
  const wasm = await wasmResponse;
  assert.equal(wasm.headers()['content-type'], 'application/wasm');
  assert.ok(['br', 'gzip'].includes(wasm.headers()['content-encoding']), 'wasm is sent precompressed');

  const state = await waitForState(page, 's => s.framesRendered > 0');
  assert.match(await page.evaluate(() => window.treff.checkCodec()), /^libopus 1\.3\.1, [1-9][0-9]* bytes per 20 ms$/,
    'libopus encodes a frame inside the page, when asked');
  assert.equal(state.phase, 'idle');
  assert.equal(await page.locator('#loading').isHidden(), true, 'loading bar is gone');

  // The canvas shows the ImGui page: not one flat colour.
  const shot = await page.locator('#canvas').screenshot({ path: path.join(ARTIFACTS, 'tools-run-page.png') });
  assert.ok(shot.length > 3000, 'the canvas has drawn content');
  assert.deepEqual(errors, []);
  await page.close();
});

test('a room link serves the same client, with the room filled in', async () => {
  const page = await browser.newPage();
  await page.goto(server.url + '/r/familie-jansen');
  await page.waitForFunction(() => window.treff && window.treff.ui && window.treff.ui().some((w) => w.role === 'input' && w.value === 'familie-jansen'));
  await page.close();
});

test('/ws accepts a join from the page origin and relays between two browsers', async () => {
  const a = await browser.newPage(), b = await browser.newPage();
  await Promise.all([a.goto(server.url + '/'), b.goto(server.url + '/')]);
  const join = (name) => new Promise((resolve, reject) => {
    const ws = new WebSocket(location.origin.replace(/^http/, 'ws') + '/ws');
    window.__ws = ws;
    window.__inbox = [];
    ws.onmessage = (e) => { window.__inbox.push(JSON.parse(e.data)); };
    ws.onopen = () => ws.send(JSON.stringify({ v: 1, type: 'join', room: 'smoke', name, mic: true, camera: false }));
    ws.onerror = () => reject(new Error('websocket error'));
    const poll = setInterval(() => {
      const joined = window.__inbox.find((m) => m.type === 'joined');
      if (joined) { clearInterval(poll); resolve(joined); }
    }, 20);
  });
  const anna = await a.evaluate(join, 'Anna');
  const bob = await b.evaluate(join, 'Bob');
  assert.equal(bob.peers.length, 1);
  assert.equal(bob.peers[0].name, 'Anna');
  assert.equal(bob.peers[0].id, anna.self);
  await a.waitForFunction((id) => window.__inbox.some((m) => m.type === 'peer-joined' && m.peer.id === id), bob.self);
  await a.close();
  await b.waitForFunction((id) => window.__inbox.some((m) => m.type === 'peer-left' && m.id === id), anna.self,
    { timeout: 5000 });
  await b.close();
});
