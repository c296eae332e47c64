// Calling a contact when things go wrong: the server restarts while a ring rings (both sides are
// told plainly that the call did not happen, nothing waits for ever, and a new ring works once the
// server is back), and the callee's network drops while it rings (the caller hears that they are
// not online any more, the callee that the connection was lost; back online, they are again).
// The server listens on every loopback address, and Bob reaches it at 127.0.0.2, so that a rule
// can cut his packets alone (as in rejoin.test.js).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { launchChromium, waitForState } from './lib/browser.js';
import { smallFakeVideo } from './lib/fake_video.js';
import { addUser, api } from './lib/accounts.js';
import { artifact } from './lib/setup.js';
import { startServer, stopServer, SERVER_BINARY } from './lib/server.js';
import { click, findWidget } from './lib/ui.js';

const PASSWORD = 'koffie met een koekje';
const env = { dir: fs.mkdtempSync(path.join(os.tmpdir(), 'treff-trouble-')) };
const stateDir = path.join(env.dir, 'state');

function serve(port) {
  return startServer({ command: SERVER_BINARY,
    args: ['--address', '0.0.0.0', '--port', String(port), '--data', path.join(env.dir, 'data'), '--state-dir', stateDir] });
}

// Drops every packet between Bob's address and the server (a dead Wi-Fi); cut(false) ends that.
function cut(on) {
  try { execFileSync('nft', ['delete', 'table', 'inet', 'treff_bob_gone'], { stdio: 'ignore' }); } catch { /* none */ }
  if (!on) return;
  execFileSync('nft', ['-f', '-'], { input: `table inet treff_bob_gone {
  chain out {
    type filter hook output priority 0;
    ip daddr 127.0.0.2 tcp dport ${env.port} drop
    ip saddr 127.0.0.2 tcp sport ${env.port} drop
  }
}
` });
}

// A logged-in person at `address`, with the contact list open.
async function person(email, name, address) {
  const context = await env.browser.newContext({ locale: 'en-US', viewport: { width: 1000, height: 760 } });
  const page = await context.newPage();
  const origin = `http://${address}:${env.port}`;
  await page.goto(`${origin}/servers.json`);
  const link = addUser({ dir: path.join(env.dir, 'data'), server: { url: origin } }, email, name);
  const accepted = await api(page, 'POST', '/api/invitation/accept', { token: new URL(link).hash.slice(1), password: PASSWORD });
  assert.equal(accepted.status, 200, JSON.stringify(accepted.body));
  await page.goto(`${origin}/`);
  await waitForState(page, 's => s.account.screen === "contacts" && s.account.calling?.presenceKnown', 30000);
  return { context, page, id: accepted.body.account.id };
}

before(async () => {
  env.server = await serve(0);
  env.port = env.server.port;
  env.browser = await launchChromium([`--use-file-for-fake-video-capture=${smallFakeVideo()}`]);
  env.anna = await person('anna@linde.nl', 'Anna de Vries', '127.0.0.1');
  env.bob = await person('bob@linde.nl', 'Bob Jansen', '127.0.0.2');
  assert.equal((await api(env.anna.page, 'POST', '/api/contacts/request', { account_id: env.bob.id })).status, 200);
  assert.equal((await api(env.bob.page, 'POST', '/api/contacts/answer', { account_id: env.anna.id, accept: true })).status, 200);
});

after(async () => {
  cut(false);
  await env.browser?.close();
  if (env.server) await stopServer(env.server);
  fs.rmSync(env.dir, { recursive: true, force: true });
});

// Anna's line is connected (after a restart it comes back by itself) and has heard Bob is online.
const bobOnline = () =>
  `s => s.account.calling.connected && s.account.calling.presenceKnown && s.account.calling.presence[${JSON.stringify(String(env.bob.id))}] === "online"`;

async function annaRingsBob() {
  await waitForState(env.anna.page, bobOnline(), 20000);
  await click(env.anna.page, 'checkbox', 'Bob Jansen');
  await env.anna.page.waitForFunction(() => window.treff.ui().some((w) => w.role === 'checkbox' && w.label === 'Bob Jansen' && w.checked));
  await click(env.anna.page, 'button', 'Start video call');
  await findWidget(env.bob.page, 'text', 'Anna de Vries is calling you', 20000);
  await waitForState(env.anna.page, 's => s.phase === "in-room" && s.account.calling.ringCall', 20000);
}

test('a server restart while it rings: both sides are told the call did not happen, and the next ring works', async () => {
  await annaRingsBob();
  await stopServer(env.server);
  env.server = await serve(env.port);
  const lost = 'The connection to the server was lost: the call did not happen.';
  // Anna does not wait alone in the ring's room: she is back on her contacts with the sentence.
  await findWidget(env.anna.page, 'text', lost, 20000);
  await waitForState(env.anna.page, 's => s.account.screen === "contacts" && s.phase !== "in-room"', 10000);
  // Bob's ring screen is gone, and he is told the same (not that Anna hung up).
  await findWidget(env.bob.page, 'text', lost, 20000);
  assert.equal((await waitForState(env.bob.page, 's => !s.account.calling.incoming')).account.screen, 'contacts');
  await env.anna.page.screenshot({ path: artifact('calling-restart-caller.png') });
  // Both lines come back by themselves; a new ring goes through and is answered.
  for (const page of [env.anna.page, env.bob.page]) {
    await click(page, 'button', 'OK');
    await page.waitForFunction((t) => !window.treff.ui().some((w) => w.label === t), lost);  // what was below moves up
  }
  await annaRingsBob();
  await click(env.bob.page, 'button', 'Answer');
  await waitForState(env.bob.page, 's => s.phase === "in-room" && s.participants.some(p => p.name === "Anna de Vries" && p.videoFrames > 3)', 20000);
  await click(env.bob.page, 'button', 'Leave');
  await click(env.anna.page, 'button', 'Leave');
  await waitForState(env.anna.page, 's => s.account.screen === "contacts"', 10000);
  await waitForState(env.bob.page, 's => s.account.screen === "contacts"', 10000);
});

test('the callee\'s network drops while it rings: the caller hears he is not online any more, he that the connection was lost', async () => {
  await annaRingsBob();
  cut(true);
  try {
    await findWidget(env.anna.page, 'text', 'Bob Jansen is not online any more.', 20000);
    await waitForState(env.anna.page, 's => s.account.screen === "contacts" && s.phase !== "in-room"', 10000);
    await findWidget(env.bob.page, 'text', 'The connection to the server was lost: the call did not happen.', 20000);
    await waitForState(env.bob.page, 's => !s.account.calling.incoming');
    await env.bob.page.screenshot({ path: artifact('calling-callee-network-lost.png') });
  } finally {
    cut(false);
  }
  // Back online, Bob's line comes back and Anna sees him online again.
  await waitForState(env.anna.page, bobOnline(), 30000);
});
