// treff-server --janus: a room starts as a mesh and moves to Janus when it grows past the mesh
// (here from its third person on, --janus-from 3). The people already in it go along without doing
// anything, the newcomer lands there directly, and everyone sees everyone's video through Janus.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { launchChromium, waitForState } from './lib/browser.js';
import { smallFakeVideo } from './lib/fake_video.js';
import { artifact, ARTIFACTS } from './lib/setup.js';
import { startJanus } from './lib/janus.js';
import { startServer, stopServer } from './lib/server.js';
import { click, joinByLink } from './lib/ui.js';

let janus, server, browser;
const people = {};  // name -> {page, sockets: the WebSocket URLs it opened}

before(async () => {
  fs.mkdirSync(ARTIFACTS, { recursive: true });
  janus = await startJanus();
  server = await startServer({ args: ['--port', '0', '--janus', janus.url, '--janus-from', '3'] });
  browser = await launchChromium([`--use-file-for-fake-video-capture=${smallFakeVideo()}`]);
});

after(async () => {
  await browser?.close();
  if (server) await stopServer(server);
  await janus?.stop();
});

async function join(name) {
  const page = await (await browser.newContext({ viewport: { width: 800, height: 500 }, locale: 'en-US' })).newPage();
  const sockets = [];
  page.on('websocket', (ws) => sockets.push(ws.url()));
  await joinByLink(page, `${server.url}/r/e2e-grows`, name);
  people[name] = { page, sockets };
  return page;
}

const onJanus = (name) => people[name].sockets.some((url) => url.startsWith(janus.url));
const everyoneLive = (n) =>
  `s => s.phase === "in-room" && s.participants.length === ${n} && s.participants.filter(p => !p.self).every(p => p.videoFrames > 5)`;

test('two people talk in a mesh; the third moves the room to Janus, and all three see each other there', async () => {
  await join('Anna');
  await join('Bob');
  for (const name of ['Anna', 'Bob']) await waitForState(people[name].page, everyoneLive(2), 20000);
  assert.ok(!onJanus('Anna') && !onJanus('Bob'), 'two people: a mesh, no Janus');

  await join('Carla');
  for (const name of ['Anna', 'Bob', 'Carla']) {
    const s = await waitForState(people[name].page, everyoneLive(3), 40000);
    assert.deepEqual(s.participants.map((p) => p.name).sort(), ['Anna', 'Bob', 'Carla'], name);
    assert.ok(onJanus(name), `${name} went to Janus (${people[name].sockets})`);
    await people[name].page.screenshot({ path: artifact(`janus-moved-${name}.png`) });
  }
  // One connection up and one down each: the mesh's are gone.
  const connections = await people.Anna.page.evaluate(() => window.treff.state().participants
    .filter((p) => !p.self).map((p) => p.connection));
  assert.ok(connections.every((c) => c === 'connected'), JSON.stringify(connections));
});

test('someone coming later lands on Janus directly, and leaving removes the tile for the others', async () => {
  await join('Dirk');
  await waitForState(people.Dirk.page, everyoneLive(4), 40000);
  assert.ok(onJanus('Dirk'), `Dirk is on Janus (${people.Dirk.sockets})`);
  await click(people.Dirk.page, 'button', 'Leave');
  for (const name of ['Anna', 'Bob', 'Carla']) {
    await waitForState(people[name].page, 's => s.participants.length === 3 && !s.participants.some(p => p.name === "Dirk")', 10000);
  }
});
