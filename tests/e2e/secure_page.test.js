// The page lives within its Content-Security-Policy: loading, joining and a call raise no
// violation. Opened over plain http from another machine (no camera or microphone for such pages)
// it says so in plain words instead of failing silently.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { waitForState } from './lib/browser.js';
import { artifact, useServerAndChromium } from './lib/setup.js';
import { startServer, stopServer } from './lib/server.js';
import { findWidget, joinByLink } from './lib/ui.js';

const env = useServerAndChromium();

function recordViolations() {
  window.__violations = [];
  document.addEventListener('securitypolicyviolation', (e) => window.__violations.push(`${e.violatedDirective} ${e.blockedURI}`));
}

test('loading, joining and a call stay within the Content-Security-Policy', async () => {
  const pages = [];
  for (const name of ['Anna', 'Bob']) {
    const context = await env.browser.newContext({ viewport: { width: 640, height: 400 }, locale: 'en-US' });
    await context.addInitScript(recordViolations);
    const page = await context.newPage();
    await joinByLink(page, `${env.server.url}/r/e2e-csp`, name);
    pages.push(page);
  }
  for (const page of pages) {
    await waitForState(page, 's => s.participants.length === 2 && s.participants.every(p => p.self || p.videoFrames > 3)', 20000);
    assert.deepEqual(await page.evaluate(() => window.__violations), []);
  }
});

test('opened over plain http from another machine: told that camera and microphone need https', async () => {
  // An address of "another machine" on this namespace's loopback link: not a secure origin.
  try {
    execFileSync('ip', ['addr', 'add', '192.0.2.10/32', 'dev', 'lo'], { stdio: 'ignore' });
  } catch { /* there already */ }
  const server = await startServer({ args: ['--port', '0', '--address', '192.0.2.10'] });
  try {
    const page = await (await env.browser.newContext({ viewport: { width: 800, height: 600 }, locale: 'en-US' })).newPage();
    await page.goto(`http://192.0.2.10:${server.port}/r/e2e-insecure`);
    assert.equal(await page.evaluate(() => window.isSecureContext), false);
    await findWidget(page, 'text',
      'Camera and microphone work only over a secure connection, and this page was opened over http. Ask for the link that starts with https://.');
    const s = await waitForState(page, 's => s.local.problem !== ""');
    assert.equal(s.local.problem, 'InsecureContextError');
    await page.screenshot({ path: artifact('insecure-origin.png') });
  } finally {
    await stopServer(server);
  }
});
