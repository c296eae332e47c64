// Choices before joining: "Nur Audio" joins without opening the camera; the others see the
// camera-off tile, and the choice is still ticked on the next visit.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { waitForState } from './lib/browser.js';
import { artifact, useServerAndChromium } from './lib/setup.js';
import { click, findWidget, joinByLink } from './lib/ui.js';

const env = useServerAndChromium();
const AUDIO_ONLY = 'Nur Audio (ohne Kamera)';

test('audio only: joined without the camera, seen as camera off, remembered for next time', async () => {
  const host = await (await env.browser.newContext({ viewport: { width: 800, height: 500 }, locale: 'de-DE' })).newPage();
  await joinByLink(host, `${env.server.url}/r/e2e-audio`, 'Heike');
  await waitForState(host, 's => s.phase === "in-room"');

  const page = await (await env.browser.newContext({ viewport: { width: 800, height: 560 }, locale: 'de-DE' })).newPage();
  await page.goto(`${env.server.url}/r/e2e-audio`);
  assert.equal((await findWidget(page, 'checkbox', AUDIO_ONLY)).checked, false);
  await click(page, 'checkbox', AUDIO_ONLY);
  await page.waitForFunction((label) => window.treff.ui().some((w) => w.label === label && w.checked), AUDIO_ONLY);
  await click(page, 'input', 'Ihr Name');
  await page.keyboard.type('Arno');
  await page.screenshot({ path: artifact('prejoin-audio-only.png') });
  await page.keyboard.press('Enter');

  const s = await waitForState(page, 's => s.phase === "in-room" && s.participants.length === 2');
  assert.deepEqual(s.local, { audio: true, video: false, problem: '' });  // by choice: no help text
  assert.equal((await findWidget(page, 'button', 'Video einschalten')).disabled, true);
  await waitForState(host, 's => s.participants.some(p => p.name === "Arno" && !p.camera && p.mic)');
  await waitForState(page, 's => s.participants.some(p => p.name === "Heike" && p.framesDrawn > 0)');
  await page.screenshot({ path: artifact('prejoin-audio-only-room.png') });

  await click(page, 'button', 'Beenden');
  await waitForState(host, 's => s.participants.length === 1', 2000);
  await page.reload();
  assert.equal((await findWidget(page, 'checkbox', AUDIO_ONLY)).checked, true);
});
