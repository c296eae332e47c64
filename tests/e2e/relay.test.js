// Calls through the TURN relay on loopback: treff-server hands each joining browser coturn's
// address with TURN REST credentials, and with the browsers allowed to use nothing but the relay
// (as behind a NAT only a relay crosses) the call connects, over "relay", with sound and picture.
// A relay that does not share the server's secret refuses those credentials: no call. Where no
// path can be found, each tile says so in plain words instead of staying black.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { launchChromium, waitForState } from './lib/browser.js';
import { startCoturn } from './lib/coturn.js';
import { smallFakeVideo } from './lib/fake_video.js';
import { everyoneHeard, recordPeerConnections, waitUntilHeard } from './lib/listening.js';
import { ARTIFACTS, artifact } from './lib/setup.js';
import { startServer, stopServer, SERVER_BINARY } from './lib/server.js';
import { findWidget, joinByLink } from './lib/ui.js';

let browser;
before(async () => {
  fs.mkdirSync(ARTIFACTS, { recursive: true });
  browser = await launchChromium([`--use-file-for-fake-video-capture=${smallFakeVideo()}`]);
});
after(() => browser?.close());

// Only relay candidates may be used, as behind the strictest NAT; set before the page's scripts.
function relayOnly() {
  const Native = window.RTCPeerConnection;
  window.RTCPeerConnection = class extends Native {
    constructor(config = {}, ...rest) { super({ ...config, iceTransportPolicy: 'relay' }, ...rest); }
  };
}

async function joinRelayOnly(server, room, name) {
  const context = await browser.newContext({ viewport: { width: 640, height: 400 }, locale: 'en-US' });
  await context.addInitScript(relayOnly);
  await context.addInitScript(recordPeerConnections);
  const page = await context.newPage();
  await joinByLink(page, `${server.url}/r/${room}`, name);
  return page;
}

// A relay and a treff-server whose secrets are `relaySecret` and `serverSecret`.
async function relayAndServer(relaySecret, serverSecret) {
  const relay = await startCoturn({ secret: relaySecret });
  const secretFile = `${relay.secretFile}-server`;
  fs.writeFileSync(secretFile, serverSecret, { mode: 0o600 });
  const server = await startServer({ command: SERVER_BINARY,
    args: ['--port', '0', '--turn', relay.url, '--turn-secret-file', secretFile] });
  return { server, stop: async () => { await stopServer(server); await relay.stop(); } };
}

test('with only the relay to go through, the call connects over it: picture and sound both ways', async () => {
  const { server, stop } = await relayAndServer('north-sea-2026', 'north-sea-2026');
  try {
    const pages = [await joinRelayOnly(server, 'e2e-relay', 'Anna'), await joinRelayOnly(server, 'e2e-relay', 'Bob')];
    for (const page of pages) {
      const s = await waitForState(page,
        's => s.participants.length === 2 && s.participants.every(p => p.self || (p.path === "relay" && p.videoFrames > 3))', 30000);
      assert.equal(s.participants.find((p) => !p.self).connection, 'connected');
      const heard = await waitUntilHeard(page, 1);
      assert.ok(everyoneHeard(heard, 1), JSON.stringify(heard));
      // The browser was given the relay with credentials, not the secret.
      const config = await page.evaluate(() => window.__peerConnections[0].getConfiguration().iceServers);
      assert.deepEqual(config.map((s) => s.urls), [['turn:127.0.0.1:3478?transport=udp']]);
      assert.match(config[0].username, /^\d{10}:[0-9a-f]{16}$/);
      assert.ok(!JSON.stringify(config).includes('north-sea'), 'the secret stays on the server');
    }
    await pages[0].screenshot({ path: artifact('relay-call.png') });
  } finally {
    await stop();
  }
});

test('a relay that does not share the server\'s secret refuses the credentials: nothing connects', async () => {
  const { server, stop } = await relayAndServer('north-sea-2026', 'another-secret');
  try {
    const pages = [await joinRelayOnly(server, 'e2e-relay-refused', 'Anna'), await joinRelayOnly(server, 'e2e-relay-refused', 'Bob')];
    await waitForState(pages[0], 's => s.participants.length === 2');
    await pages[0].waitForFunction(() => window.__peerConnections.length > 0);
    const gathered = await pages[0].evaluate(() => new Promise((resolve) => {
      const pc = window.__peerConnections[0];
      const done = () => pc.iceGatheringState === 'complete';
      if (done()) return resolve(pc.iceGatheringState);
      pc.addEventListener('icegatheringstatechange', () => done() && resolve(pc.iceGatheringState));
    }));
    assert.equal(gathered, 'complete');
    const stats = await pages[0].evaluate(async () => {
      const types = [];
      (await window.__peerConnections[0].getStats()).forEach((s) => { if (s.type === 'local-candidate') types.push(s.candidateType); });
      return types;
    });
    assert.deepEqual(stats, [], 'no relay candidate: the relay said no');
    const s = await pages[0].evaluate(() => window.treff.state());
    assert.notEqual(s.participants.find((p) => !p.self).connection, 'connected');
  } finally {
    await stop();
  }
});

test('no relay where only a relay would do: each tile says there is no connection, and it is tried again', async () => {
  const server = await startServer();
  try {
    const anna = await joinRelayOnly(server, 'e2e-no-relay', 'Anna');
    const bob = await joinRelayOnly(server, 'e2e-no-relay', 'Bob');
    for (const [page, other] of [[anna, 'Bob'], [bob, 'Anna']]) {
      await findWidget(page, 'text', `No connection to ${other} — trying again`, 30000);
      const s = await page.evaluate(() => window.treff.state());
      const them = s.participants.find((p) => !p.self);
      assert.equal(them.trouble, 'retrying');
      assert.notEqual(them.connection, 'connected');
    }
    await anna.screenshot({ path: artifact('relay-none.png') });
  } finally {
    await stopServer(server);
  }
});
