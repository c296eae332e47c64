// Rooms on a Janus VideoRoom (the SFU): the page's server offers a local Janus in servers.json
// ("kind": "janus"), a room link names it, and four browsers in one room see each other's video
// through it, each sending one stream up however many watch. Leaving removes the tile for everyone.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { launchChromium, waitForState } from './lib/browser.js';
import { recordPeerConnections } from './lib/listening.js';
import { fakeVideo, smallFakeVideo } from './lib/fake_video.js';
import { artifact, ARTIFACTS } from './lib/setup.js';
import { startJanus } from './lib/janus.js';
import { startServer, stopServer } from './lib/server.js';
import { click, findWidget, joinByLink } from './lib/ui.js';

const ROOM = 'e2e-janus';
let janus, server, browser;
const people = {};

before(async () => {
  fs.mkdirSync(ARTIFACTS, { recursive: true });
  janus = await startJanus();
  const list = path.join(os.tmpdir(), 'treff-e2e-janus-servers.json');
  fs.writeFileSync(list, JSON.stringify([{ name: 'Janus', kind: 'janus', url: janus.url, description: 'SFU' }]));
  server = await startServer({ args: ['--port', '0', '--servers', list] });
  browser = await launchChromium([`--use-file-for-fake-video-capture=${smallFakeVideo()}`]);
});

after(async () => {
  await browser?.close();
  if (server) await stopServer(server);
  await janus?.stop();
});

const roomLink = () => `${server.url}/r/${ROOM}?server=${encodeURIComponent(janus.url)}`;

test('four people in one Janus room each see the three others live', async () => {
  const names = ['Anna', 'Bob', 'Carla', 'Dirk'];
  for (const name of names) {
    // Four thumbnails fit this window without turning pages (the page test below makes it smaller).
    const page = await (await browser.newContext({ viewport: { width: 800, height: 500 }, locale: 'en-US' })).newPage();
    const sockets = [];
    page.on('websocket', (ws) => sockets.push(ws.url()));
    await joinByLink(page, roomLink(), name);
    await waitForState(page, 's => s.phase === "in-room"', 20000);
    assert.ok(sockets.some((url) => url.startsWith(janus.url)), `${name} talks to Janus (${sockets})`);
    people[name] = page;
  }
  for (const [name, page] of Object.entries(people)) {
    const s = await waitForState(page,
      's => s.participants.length === 4 && s.participants.filter(p => !p.self).every(p => p.videoFrames > 5)', 40000);
    assert.deepEqual(s.participants.map((p) => p.name).sort(), names, name);
    await page.screenshot({ path: artifact(`janus-joined-${name}.png`) });
  }
  // One connection up and one down per person, whoever is in the room.
  const connections = await people.Anna.evaluate(() => window.treff.state().participants.length);
  assert.equal(connections, 4);
});

test('on a small screen the thumbnails come a page at a time, and only the videos shown are received', async () => {
  const page = people.Anna;
  await page.setViewportSize({ width: 400, height: 300 });
  await findWidget(page, 'text', '1 of 4');
  await click(page, 'thumbnail', 'Anna');  // her own picture large: every other is on a page of its own
  const frames = async () => Object.fromEntries((await page.evaluate(() => window.treff.state())).participants
    .filter((p) => !p.self).map((p) => [p.name, p.videoFrames]));
  await new Promise((r) => setTimeout(r, 1500));  // Janus has stopped what is not shown
  const before = await frames();
  await new Promise((r) => setTimeout(r, 1500));
  const after = await frames();
  for (const name of ['Bob', 'Carla', 'Dirk']) {
    assert.ok(after[name] - before[name] <= 2, `${name} is on no page shown: no video comes (${before[name]} -> ${after[name]})`);
  }
  await page.screenshot({ path: artifact('janus-pages-1.png') });
  await click(page, 'button', 'Next');
  await findWidget(page, 'text', '2 of 4');
  const shown = (await page.evaluate(() => window.treff.ui())).find((w) => w.role === 'thumbnail').label;
  assert.notEqual(shown, 'Anna');
  const start = (await frames())[shown];
  await waitForState(page, `s => s.participants.find(p => p.name === ${JSON.stringify(shown)}).videoFrames > ${start + 5}`, 10000);
  await page.screenshot({ path: artifact('janus-pages-2.png') });
  await page.setViewportSize({ width: 800, height: 500 });
});

test('switching the microphone and the camera off on Janus is seen by the others', async () => {
  await click(people.Bob, 'button', 'Turn microphone off');
  await click(people.Carla, 'button', 'Turn video off');
  for (const name of ['Anna', 'Dirk']) {
    await waitForState(people[name],
      's => s.participants.some(p => p.name === "Bob" && !p.mic) && s.participants.some(p => p.name === "Carla" && !p.camera)',
      5000);
  }
  await people.Anna.screenshot({ path: artifact('janus-muted.png') });
  await click(people.Bob, 'button', 'Turn microphone on');
  await waitForState(people.Anna, 's => s.participants.some(p => p.name === "Bob" && p.mic)', 5000);
});

test('someone leaving a Janus room is gone from everyone else\'s screen', async () => {
  await click(people.Dirk, 'button', 'Leave');
  for (const name of ['Anna', 'Bob', 'Carla']) {
    await waitForState(people[name], 's => s.participants.length === 3 && !s.participants.some(p => p.name === "Dirk")', 10000);
  }
  const s = await waitForState(people.Anna, 's => s.participants.filter(p => !p.self).every(p => p.videoFrames > 5)', 10000);
  assert.equal(s.participants.length, 3);
});

test('Janus restarting mid-call: everyone is back in the room with video, as after a treff-server restart', async () => {
  await janus.stop();
  for (const name of ['Anna', 'Bob', 'Carla']) await waitForState(people[name], 's => s.phase === "reconnecting"', 10000);
  janus = await startJanus();
  for (const name of ['Anna', 'Bob', 'Carla']) {
    await waitForState(people[name],
      's => s.phase === "in-room" && s.participants.length === 3 && s.participants.filter(p => !p.self && p.camera).every(p => p.videoFrames > 5)',
      30000);
  }
});

test('the active speaker comes to the large view, with video, also when their thumbnail is on another page', async () => {
  // Eva's small window shows one thumbnail a page; she picks nobody, so the large view follows
  // whoever speaks. Only Bob's microphone stays on (and his camera: Carla's is off since above).
  const eva = await (await browser.newContext({ viewport: { width: 400, height: 300 }, locale: 'en-US' })).newPage();
  people.Eva = eva;
  await joinByLink(eva, roomLink(), 'Eva');
  await waitForState(eva, 's => s.phase === "in-room" && s.participants.length === 4', 20000);
  await click(people.Anna, 'button', 'Turn microphone off');
  await click(people.Carla, 'button', 'Turn microphone off');
  const bob = 's => s.participants.find(p => p.name === "Bob")';
  const s = await waitForState(eva, `s => (${bob})(s).large && (${bob})(s).speaking && (${bob})(s).camera`, 20000);
  const shown = (await eva.evaluate(() => window.treff.ui())).filter((w) => w.role === 'thumbnail').map((w) => w.label);
  assert.ok(!shown.includes('Bob'), `Bob's thumbnail is on another page (shown: ${shown})`);
  const frames = s.participants.find((p) => p.name === 'Bob').videoFrames;
  await waitForState(eva, `s => (${bob})(s).videoFrames > ${frames + 10}`, 10000);
  await eva.screenshot({ path: artifact('janus-speaker-large.png') });
  await click(people.Anna, 'button', 'Turn microphone on');
  await click(people.Carla, 'button', 'Turn microphone on');
});

// What a publisher's browser sends of each simulcast layer now: its height, frames per second
// (counted over a second) and why the browser holds it back ("cpu", "bandwidth" or "none").
function layersSent(page) {
  return page.evaluate(async () => {
    const read = async () => {
      const layers = {};
      for (const pc of window.__peerConnections || []) {
        if (pc.connectionState === 'closed') continue;
        (await pc.getStats()).forEach((s) => {
          if (s.type === 'outbound-rtp' && s.kind === 'video' && s.rid) {
            layers[s.rid] = { rid: s.rid, height: s.frameHeight || 0, frames: s.framesSent || 0,
                              limitation: s.qualityLimitationReason };
          }
        });
      }
      return layers;
    };
    const first = await read();
    await new Promise((r) => setTimeout(r, 1000));
    return Object.values(await read()).map((l) => ({ ...l, fps: l.frames - (first[l.rid]?.frames ?? l.frames) }));
  });
}

// Waits until Vera decodes Paul's video at the height of his highest (or lowest) layer being sent
// at that moment. Compared with what Paul's browser really sends, not a fixed size: a slow machine's
// Chromium scales its layers down when its encoder runs short of CPU.
async function waitForLayer(vera, paul, which, timeout) {
  const deadline = Date.now() + timeout;
  for (;;) {
    const layers = (await layersSent(paul)).filter((l) => l.fps > 0 && l.height > 0);
    const heights = layers.map((l) => l.height);
    const wanted = which === 'high' ? Math.max(...heights) : Math.min(...heights);
    const seen = (await vera.evaluate(() => window.treff.state())).participants.find((p) => p.name === 'Paul');
    const large = which === 'high' ? seen.large : !seen.large;
    if (large && layers.length >= 2 && Math.max(...heights) > Math.min(...heights) && seen.videoHeight === wanted) {
      return { seen, layers };
    }
    if (Date.now() > deadline) {
      throw new Error(`Vera does not get Paul's ${which} layer: she decodes ${seen.videoWidth}x${seen.videoHeight}, ` +
        `he sends ${JSON.stringify(layers)}`);
    }
    await new Promise((r) => setTimeout(r, 250));
  }
}

test('a thumbnail gets the low simulcast layer; choosing it gets the high one (checked in the decoded size)', async () => {
  // The four of the room above have done their part: their encoders would only take CPU from the
  // two below.
  for (const page of Object.values(people)) await page.context().close();
  // Paul's camera is 640x480, as Treff asks for: his layers are 640x480 and 320x240 (Chromium
  // sends two at this height).
  const own = await launchChromium([`--use-file-for-fake-video-capture=${fakeVideo(640, 480)}`]);
  try {
    const layersRoom = `${server.url}/r/e2e-janus-layers?server=${encodeURIComponent(janus.url)}`;
    const paulContext = await own.newContext({ viewport: { width: 640, height: 400 }, locale: 'en-US' });
    await paulContext.addInitScript(recordPeerConnections);
    const paul = await paulContext.newPage();
    await joinByLink(paul, layersRoom, 'Paul');
    await waitForState(paul, 's => s.phase === "in-room"', 20000);
    // A laptop window: thumbnails under 225 px (the low layer), the large view over 450 (the high).
    const vera = await (await browser.newContext({ viewport: { width: 1000, height: 700 }, locale: 'en-US' })).newPage();
    await joinByLink(vera, layersRoom, 'Vera');
    const paulOf = 's => s.participants.find(p => p.name === "Paul")';
    await waitForState(vera, `s => (${paulOf})(s) && (${paulOf})(s).videoFrames > 5`, 20000);
    // Vera's own tile is large at first: Paul is a thumbnail, sent at his low layer.
    await click(vera, 'thumbnail', 'Vera');
    const small = await waitForLayer(vera, paul, 'low', 20000);
    await click(vera, 'thumbnail', 'Paul');
    const large = await waitForLayer(vera, paul, 'high', 20000);
    assert.ok(large.seen.videoHeight > small.seen.videoHeight);
    console.log(`Paul on Vera's screen: ${small.seen.videoWidth}x${small.seen.videoHeight} as a thumbnail, ` +
      `${large.seen.videoWidth}x${large.seen.videoHeight} large; he sends ${JSON.stringify(large.layers)}`);
    await vera.screenshot({ path: artifact('janus-layers-large.png') });
  } finally {
    await own.close();
  }
});

test('Janus down at the join: a plain message, and no room half-joined', async () => {
  await janus.stop();
  const page = await (await browser.newContext({ viewport: { width: 640, height: 400 }, locale: 'en-US' })).newPage();
  await joinByLink(page, roomLink(), 'Eva');
  const s = await waitForState(page, 's => s.phase === "failed"', 20000);
  assert.equal(s.participants.length, 0);
  await findWidget(page, 'text', 'The server cannot be reached. Please try again later.');
  await page.screenshot({ path: artifact('janus-down.png') });
});
