// ICE candidates reach the other side, and so does the end of them: when a browser has gathered
// all its candidates it tells the other one (an empty candidate, "end-of-candidates"), which takes
// it, so its ICE agent need not wait for more before deciding a path works or fails.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { waitForState } from './lib/browser.js';
import { useServerAndChromium } from './lib/setup.js';
import { joinByLink } from './lib/ui.js';

const env = useServerAndChromium();

// Records, before the page's scripts run, every candidate given to addIceCandidate and whether the
// browser took it.
function recordAddedCandidates() {
  window.__added = [];
  const add = RTCPeerConnection.prototype.addIceCandidate;
  RTCPeerConnection.prototype.addIceCandidate = function (init, ...rest) {
    const entry = { candidate: init && init.candidate, taken: null };
    window.__added.push(entry);
    return add.call(this, init, ...rest).then(
      (v) => { entry.taken = true; return v; },
      (e) => { entry.taken = e.name; throw e; });
  };
}

test('each side is told when the other has no more candidates, and takes it', async () => {
  const pages = [];
  for (const name of ['Anna', 'Bob']) {
    const context = await env.browser.newContext({ viewport: { width: 640, height: 400 }, locale: 'en-US' });
    await context.addInitScript(recordAddedCandidates);
    const page = await context.newPage();
    await joinByLink(page, `${env.server.url}/r/e2e-candidates`, name);
    pages.push(page);
  }
  for (const page of pages) {
    await waitForState(page, 's => s.participants.length === 2 && s.participants.every(p => p.self || p.connection === "connected")');
    await page.waitForFunction(() => window.__added.some((c) => c.candidate === '' && c.taken !== null), null, { timeout: 10000 });
    const added = await page.evaluate(() => window.__added);
    assert.ok(added.some((c) => c.candidate !== ''), 'candidates arrive');
    assert.deepEqual(added.filter((c) => c.candidate === '').map((c) => c.taken).filter((t) => t !== true), [],
      `end-of-candidates is taken: ${JSON.stringify(added)}`);
  }
});
