// "Test connection" end to end, in Chromium against the real treff-server and Debian's coturn as
// its STUN/TURN: on loopback everything is fast and the relay answers over UDP, so the bar is
// green; with the server's test-only throttle the line is slower than sound needs, so it is red
// (opened from the login screen: the test is there before logging in); and with UDP blocked in
// this network namespace only the relay over TCP is left, so it is amber.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import { launchChromium, waitForState } from './lib/browser.js';
import { startAccountsServer, stopAccountsServer } from './lib/accounts.js';
import { startCoturn } from './lib/coturn.js';
import { ARTIFACTS, artifact } from './lib/setup.js';
import { startServer, stopServer, SERVER_BINARY } from './lib/server.js';
import { click, widgets } from './lib/ui.js';

const TURN_PORT = 3479;  // not the relay tests' port, so a rule for it touches nothing else
let browser;
before(async () => {
  fs.mkdirSync(ARTIFACTS, { recursive: true });
  browser = await launchChromium();
});
after(() => browser?.close());

// treff-server naming coturn (over UDP and over TCP) as its clients' TURN relay.
async function serverWithRelay(extraArgs = []) {
  const relay = await startCoturn({ secret: 'test-verbinding', port: TURN_PORT });
  const secretFile = `${relay.secretFile}-server`;
  fs.writeFileSync(secretFile, 'test-verbinding', { mode: 0o600 });
  const server = await startServer({ command: SERVER_BINARY, args: ['--port', '0', '--turn', relay.url,
    '--turn', relay.url.replace('transport=udp', 'transport=tcp'), '--turn-secret-file', secretFile, ...extraArgs] });
  return { server, stop: async () => { await stopServer(server); await relay.stop(); } };
}

async function openPage(url, locale = 'en-US') {
  const context = await browser.newContext({ viewport: { width: 1000, height: 760 }, locale });
  const page = await context.newPage();
  await page.goto(url);
  return page;
}

// Runs the test from the screen shown and returns the state once it is done; checks that the
// progress bar was seen moving on the way.
async function runTest(page, buttonLabel = 'Test connection') {
  await click(page, 'button', buttonLabel);
  const running = await waitForState(page, 's => s.connectionTest.open && s.connectionTest.step !== "done"', 5000);
  assert.ok(running.connectionTest.progress < 1);
  const done = await waitForState(page, 's => s.connectionTest.step === "done"', 40000);
  return done.connectionTest;
}

const texts = async (page) => (await widgets(page)).map((w) => w.label);

test('on loopback with the relay answering over UDP the bar is green: good for video', async () => {
  const { server, stop } = await serverWithRelay();
  try {
    const page = await openPage(`${server.url}/`);
    const result = await runTest(page);
    assert.equal(result.grade, 'green', JSON.stringify(result));
    assert.equal(result.path, 'udp');
    assert.ok(result.downKbps > 10000 && result.upKbps > 10000, JSON.stringify(result));
    const shown = await texts(page);
    assert.ok(shown.includes('Good for video calls'), shown.join(' | '));
    assert.ok(shown.includes('green: good for video'), 'the bar says its colour to screen readers');
    assert.ok(shown.includes('Way for sound and picture: direct (UDP)'));
    assert.ok(shown.some((t) => /^You can make video calls with up to \d people\.$/.test(t)), shown.join(' | '));
    await page.screenshot({ path: artifact('connection-test-green.png') });
    // "Back" returns to the start screen; the test can be run again from there.
    await click(page, 'button', 'Back');
    await waitForState(page, 's => !s.connectionTest.open');
  } finally {
    await stop();
  }
});

test('with the server throttling the throughput answers to 100 kbit/s the bar is red; the test works before logging in', async () => {
  const env = await startAccountsServer(['--connection-test-throttle-kbps', '100']);
  try {
    const page = await openPage(`${env.server.url}/`, 'nl-NL');
    await click(page, 'button', 'Inloggen met uw account');
    await waitForState(page, 's => s.account.screen === "login"');
    const result = await runTest(page, 'Test verbinding');
    assert.equal(result.grade, 'red', JSON.stringify(result));
    assert.ok(result.downKbps > 50 && result.downKbps < 150, JSON.stringify(result));
    assert.ok(result.upKbps > 50 && result.upKbps < 150, JSON.stringify(result));
    assert.equal(result.path, 'not-checked');  // this server names no STUN/TURN
    const shown = await texts(page);
    assert.ok(shown.includes('Niet goed genoeg voor een gesprek'), shown.join(' | '));
    assert.ok(shown.some((t) => t.startsWith('Uw verbinding is nu te langzaam, zelfs voor geluid')), shown.join(' | '));
    await page.screenshot({ path: artifact('connection-test-red-nl.png') });
    await click(page, 'button', 'Terug');
    await waitForState(page, 's => !s.connectionTest.open && s.account.screen === "login"');
  } finally {
    await stopAccountsServer(env);
  }
});

// Only where this process has a network namespace of its own (tools/test runs the e2e tests in
// one): the rule below must not touch the machine's own network.
function ownNetworkNamespace() {
  const links = execFileSync('ip', ['-o', 'link'], { encoding: 'utf8' }).trim().split('\n');
  return links.length === 1 && links[0].includes(' lo:');
}

test('with UDP to the relay blocked only the relay over TCP is left: the bar is amber', async () => {
  assert.ok(ownNetworkNamespace(), 'run the e2e tests in their own network namespace, as tools/test does');
  const { server, stop } = await serverWithRelay();
  const nft = (script) => execFileSync('nft', ['-f', '-'], { input: script });
  try {
    nft(`table inet treff_no_udp {
      chain out { type filter hook output priority 0; policy accept; udp dport ${TURN_PORT} drop; }
    }`);
    const page = await openPage(`${server.url}/`, 'de-DE');
    const result = await runTest(page, 'Verbindung testen');
    assert.equal(result.grade, 'amber', JSON.stringify(result));
    assert.equal(result.path, 'tcp-relay-only');
    const shown = await texts(page);
    assert.ok(shown.includes('Anrufe nur mit Ton gehen gut'), shown.join(' | '));
    assert.ok(shown.includes('Weg für Ton und Bild: nur über das Relay per TCP'), shown.join(' | '));
    await page.screenshot({ path: artifact('connection-test-amber-de.png') });
  } finally {
    try { nft('delete table inet treff_no_udp'); } catch { /* not made */ }
    await stop();
  }
});
