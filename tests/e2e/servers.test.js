// Several servers: the page's server lists another in servers.json (--servers); the start screen
// offers it, a room made there is joined over that server's WebSocket (allowed for the page's
// origin with --allow-origin), and its link brings a guest to the same server. A link naming a
// server that is not in the list is refused in plain words, without connecting anywhere.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { launchChromium, waitForState } from './lib/browser.js';
import { smallFakeVideo } from './lib/fake_video.js';
import { artifact, ARTIFACTS } from './lib/setup.js';
import { startServer, stopServer } from './lib/server.js';
import { click, findWidget, joinByLink } from './lib/ui.js';

// Fixed ports: each server's address must be known before the other starts. The tests run in a
// network namespace of their own, where these are free.
const HOME = 'http://localhost:18180', OTHER = 'http://127.0.0.1:18181';
let home, other, browser;

before(async () => {
  fs.mkdirSync(ARTIFACTS, { recursive: true });
  const list = path.join(os.tmpdir(), 'treff-e2e-servers.json');
  fs.writeFileSync(list, JSON.stringify([{ name: 'Buurthuis', url: OTHER, description: 'Der Server vom Nachbarschaftshaus' }]));
  other = await startServer({ args: ['--port', '18181', '--address', '127.0.0.1', '--allow-origin', HOME] });
  home = await startServer({ args: ['--port', '18180', '--servers', list] });
  browser = await launchChromium([`--use-file-for-fake-video-capture=${smallFakeVideo()}`]);
});

after(async () => {
  await browser?.close();
  for (const s of [home, other]) if (s) await stopServer(s);
});

// The WebSocket URLs a page opened.
function socketsOf(page) {
  const urls = [];
  page.on('websocket', (ws) => urls.push(ws.url()));
  return urls;
}

test('a room on another listed server: made there from the start screen, and its link brings the guest there', async () => {
  const anna = await (await browser.newContext({ viewport: { width: 800, height: 560 }, locale: 'de-DE' })).newPage();
  const annaSockets = socketsOf(anna);
  await anna.goto(`${HOME}/`);
  await click(anna, 'button', 'Server: dieser Server (localhost:18180)');
  await findWidget(anna, 'button', 'Server: Buurthuis');
  await findWidget(anna, 'text', 'Der Server vom Nachbarschaftshaus');
  await anna.screenshot({ path: artifact('servers-start.png') });
  await click(anna, 'input', 'Ihr Name');
  await anna.keyboard.type('Anna');
  await click(anna, 'button', 'Jetzt anrufen');
  const s = await waitForState(anna, 's => s.phase === "in-room"');
  assert.deepEqual(annaSockets, [`ws://127.0.0.1:18181/ws`]);
  const link = `${HOME}/r/${s.room}?server=${encodeURIComponent(OTHER)}`;
  assert.equal(anna.url(), link);
  const shown = await findWidget(anna, 'input', 'Link zu diesem Raum');
  assert.equal(shown.value, link);

  const ben = await (await browser.newContext({ viewport: { width: 800, height: 560 }, locale: 'de-DE' })).newPage();
  const benSockets = socketsOf(ben);
  await joinByLink(ben, link, 'Ben');
  await waitForState(ben, 's => s.phase === "in-room" && s.participants.length === 2');
  await waitForState(anna, 's => s.participants.length === 2');
  // One connection: the join prompt opens it before "Join" is pressed, and the join goes over it.
  assert.deepEqual(benSockets, [`ws://127.0.0.1:18181/ws`]);
});

test('a link to a server that is not in the list is refused in plain words, and nothing connects', async () => {
  const page = await (await browser.newContext({ viewport: { width: 800, height: 560 }, locale: 'en-US' })).newPage();
  const sockets = socketsOf(page);
  await page.goto(`${HOME}/r/familie?server=${encodeURIComponent('https://evil.example')}`);
  await findWidget(page, 'text', 'This link is for a server this page does not know (https://evil.example). Ask for a new link.');
  assert.equal((await findWidget(page, 'button', 'Join')).disabled, true);
  await click(page, 'input', 'Your name');
  await page.keyboard.type('Eve');
  await page.keyboard.press('Enter');
  await new Promise((r) => setTimeout(r, 1000));
  assert.equal((await page.evaluate(() => window.treff.state())).phase, 'idle');
  assert.deepEqual(sockets, []);
  await page.screenshot({ path: artifact('servers-unknown-link.png') });
});
