// Calls between two homes, each behind its own NAT router, across an "internet" that holds
// treff-server and coturn (network namespaces made by homes.sh; root). Each home runs one headless
// Chromium. What a person would notice is asserted: the call connects (or, where it cannot, each
// tile says so), through which kind of path, and how long from pressing Join to the first picture.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { waitForState } from '../e2e/lib/browser.js';
import { startCoturn } from '../e2e/lib/coturn.js';
import { SERVER_BINARY, startServer, stopServer } from '../e2e/lib/server.js';
import { findWidget } from '../e2e/lib/ui.js';
import { CONNECTED, atJoinPrompt, chromiumIn, firefoxIn, homesDown, homesDownAll, homesUp, joinBoth, namesFor, pathTo } from './lib/homes.js';

const SITE = 'http://203.0.113.1:8080';
// Plain http on a public address is not a secure origin; a real host serves https (hosted.test.js).
const INSECURE_SITE_IS_SECURE = [`--unsafely-treat-insecure-origin-as-secure=${SITE}`];
after(homesDownAll);

// Runs treff-server on the internet at 203.0.113.1:8080 with `ice` flags. `clockBehind`: a time
// (libfaketime, e.g. "5h") by which its wall clock is behind, so every TURN credential it makes
// has expired already in coturn's eyes.
function serverOnInternet(prefix, ice, clockBehind = null) {
  const clock = clockBehind ? ['env', 'LD_PRELOAD=/usr/lib/x86_64-linux-gnu/faketime/libfaketimeMT.so.1',
    `FAKETIME=-${clockBehind}`, 'FAKETIME_DONT_FAKE_MONOTONIC=1'] : [];
  return startServer({ command: 'ip',
    args: ['netns', 'exec', `${prefix}wan`, ...clock, SERVER_BINARY, '--address', '203.0.113.1', '--port', '8080', ...ice] });
}

// Sets up the homes with `nat`, coturn and treff-server (`turn`: with the relay; `clockBehind`: see
// serverOnInternet), runs `body(browsers, internet)`; `internet` holds the relay and the server and
// restarts the server. `firefoxAtHome2`: the second home calls with Firefox.
async function homesWith(prefix, nat, { turn, clockBehind, firefoxAtHome2 = false }, body) {
  homesUp(prefix, nat);
  const relay = await startCoturn({ secret: 'north-sea-2026', address: '203.0.113.2', netns: `${prefix}wan` });
  const ice = ['--stun', 'stun:203.0.113.2:3478'];
  if (turn) ice.push('--turn', relay.url, '--turn-secret-file', relay.secretFile);
  const internet = { relay, server: await serverOnInternet(prefix, ice, clockBehind) };
  internet.restartServer = async (behind = null) => {
    await stopServer(internet.server);
    internet.server = await serverOnInternet(prefix, ice, behind);
  };
  const browsers = [];
  try {
    browsers.push(await chromiumIn(`${prefix}h1`, INSECURE_SITE_IS_SECURE));
    browsers.push(await (firefoxAtHome2 ? firefoxIn(`${prefix}h2`, new URL(SITE).hostname)
      : chromiumIn(`${prefix}h2`, INSECURE_SITE_IS_SECURE)));
    return await body(browsers, internet);
  } finally {
    await Promise.all(browsers.map((b) => b.close()));
    await stopServer(internet.server);
    await relay.stop();
    homesDown(prefix);
  }
}

// Case (a): both homes behind ordinary NAT; `firefoxAtHome2` as in homesWith.
async function callAcrossOrdinaryNat(letter, { firefoxAtHome2 = false } = {}) {
  await homesWith(namesFor(letter), 'plain', { turn: true, firefoxAtHome2 }, async (browsers) => {
    const { anna, bob, pressed } = await joinBoth(browsers, SITE, `nat-plain-${letter}`);
    const s = await waitForState(bob, CONNECTED, 30000);
    const firstFrame = Date.now() - pressed;
    await waitForState(anna, CONNECTED, 30000);
    const path = pathTo(s);
    assert.ok(['srflx', 'prflx', 'relay'].includes(path), `a path across the NATs: ${path}`);
    console.log(`# (a) ordinary NAT${firefoxAtHome2 ? ', Bob in Firefox' : ''}: path ${path}, ` +
      `Join to first remote frame ${firstFrame} ms`);
  });
}

test('(a) ordinary NAT in both homes: the call connects', () => callAcrossOrdinaryNat('a'));

test('(a) ordinary NAT, Firefox in one home: the call connects', () => callAcrossOrdinaryNat('f', { firefoxAtHome2: true }));

test('(b) NAT with a new port per destination in both homes: the call goes through the relay', async () => {
  await homesWith(namesFor('b'), 'random', { turn: true }, async (browsers) => {
    const { anna, bob, pressed } = await joinBoth(browsers, SITE, 'nat-random');
    const s = await waitForState(bob, CONNECTED, 30000);
    const firstFrame = Date.now() - pressed;
    await waitForState(anna, CONNECTED, 30000);
    assert.equal(pathTo(s), 'relay');
    console.log(`# (b) port-per-destination NAT: path relay, Join to first remote frame ${firstFrame} ms`);
  });
});

test('(c) that NAT and a server without a relay: each tile says there is no connection', async () => {
  await homesWith(namesFor('c'), 'random', { turn: false }, async (browsers) => {
    const { anna, bob } = await joinBoth(browsers, SITE, 'nat-no-relay');
    for (const [page, other] of [[anna, 'Bob'], [bob, 'Anna']]) {
      await findWidget(page, 'text', `No connection to ${other} — trying again`, 40000);
      const them = (await page.evaluate(() => window.treff.state())).participants.find((p) => !p.self);
      assert.notEqual(them.connection, 'connected');
      assert.equal(them.videoFrames, 0);
    }
    console.log('# (c) no relay: both tiles say "No connection to … — trying again"');
  });
});

// The TURN usernames ("<expiry>:<id>") coturn was asked to allocate for, with its answer.
function allocations(relay) {
  return [...relay.output().matchAll(/user <(\d+):[^>]*>.*?(ALLOCATE processed, success|error 401)/g)]
    .map(([, expiry, answer]) => ({ expiry: Number(expiry), ok: answer.includes('success') }));
}

test('(d) expired TURN credentials are refused by coturn; after a rejoin the new ones carry the call', async () => {
  await homesWith(namesFor('d'), 'random', { turn: true, clockBehind: '5h' }, async (browsers, internet) => {
    const { anna, bob } = await joinBoth(browsers, SITE, 'nat-expired');
    for (const [page, other] of [[anna, 'Bob'], [bob, 'Anna']]) {
      await findWidget(page, 'text', `No connection to ${other} — trying again`, 40000);
    }
    const now = Date.now() / 1000;
    const refused = allocations(internet.relay);
    assert.ok(refused.length > 0 && refused.every((a) => !a.ok && a.expiry < now),
      `coturn refused only credentials that had expired: ${JSON.stringify(refused)}`);

    // The host fixes the clock and restarts treff-server: both browsers rejoin by themselves.
    await internet.restartServer();
    const rejoined = Date.now();
    const s = await waitForState(bob, CONNECTED, 60000);
    await waitForState(anna, CONNECTED, 30000);
    assert.equal(pathTo(s), 'relay');
    const fresh = allocations(internet.relay).filter((a) => a.ok);
    assert.ok(fresh.length > 0 && fresh.every((a) => a.expiry > now), `allocated with new credentials: ${JSON.stringify(fresh)}`);
    console.log(`# (d) expired credentials: ${refused.length} allocations refused (401); after the rejoin ` +
      `path relay, server restart to first remote frame ${Date.now() - rejoined} ms`);
  });
});

test('(e) coturn down: between homes each tile says so; two people in one home still see each other', async () => {
  await homesWith(namesFor('e'), 'random', { turn: true }, async (browsers, internet) => {
    await internet.relay.stop();
    const { anna, bob } = await joinBoth(browsers, SITE, 'nat-relay-down');
    for (const [page, other] of [[anna, 'Bob'], [bob, 'Anna']]) {
      await findWidget(page, 'text', `No connection to ${other} — trying again`, 40000);
    }
    // Carla, in Anna's home, joins another room with Anna's housemate: the call needs no relay.
    const carla = await atJoinPrompt(browsers[0], SITE, 'nat-one-home', 'Carla');
    const dirk = await atJoinPrompt(browsers[0], SITE, 'nat-one-home', 'Dirk');
    await carla.keyboard.press('Enter');
    await waitForState(carla, 's => s.phase === "in-room"');
    await dirk.keyboard.press('Enter');
    const s = await waitForState(dirk, CONNECTED, 30000);
    assert.equal(pathTo(s), 'host');
    console.log('# (e) coturn down: between homes the sentence on both tiles; within one home path host');
  });
});
