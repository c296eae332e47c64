// A phone held upright: joined with touch alone, thumbnails below the large view, every control big
// enough for a finger, a tap on a thumbnail or the microphone does what it says, and the page does
// not zoom away from the canvas.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { waitForState } from './lib/browser.js';
import { artifact, useServerAndChromium } from './lib/setup.js';
import { findWidget, joinByLink, widgets } from './lib/ui.js';

const env = useServerAndChromium();
const PHONE = { viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true, locale: 'de-DE' };

async function tap(page, role, label) {
  const w = await findWidget(page, role, label);
  await page.touchscreen.tap(w.rect.x + w.rect.w / 2, w.rect.y + w.rect.h / 2);
}

test('on a phone in portrait a person joins, picks who is large and mutes, all by touch', async () => {
  const desk = await (await env.browser.newContext({ viewport: { width: 800, height: 500 }, locale: 'de-DE' })).newPage();
  await joinByLink(desk, `${env.server.url}/r/e2e-phone`, 'Dirk');
  await waitForState(desk, 's => s.phase === "in-room"');

  const phone = await (await env.browser.newContext(PHONE)).newPage();
  await phone.goto(`${env.server.url}/r/e2e-phone`);
  await tap(phone, 'input', 'Ihr Name');
  await phone.keyboard.type('Petra');
  await phone.screenshot({ path: artifact('phone-join.png') });
  await tap(phone, 'button', 'Teilnehmen');
  await waitForState(phone, 's => s.phase === "in-room" && s.participants.length === 2 && s.participants.every(p => p.self || p.videoFrames > 0)');

  const all = await widgets(phone);
  const thumbnails = all.filter((w) => w.role === 'thumbnail');
  assert.equal(thumbnails.length, 2);
  for (const t of thumbnails) assert.ok(t.rect.y > PHONE.viewport.height / 2, 'thumbnails sit below the large view');
  for (const w of all.filter((x) => x.role === 'button' || x.role === 'thumbnail'))
    assert.ok(w.rect.w >= 44 && w.rect.h >= 44, `${w.label} is too small for a finger (${w.rect.w} x ${w.rect.h})`);

  await tap(phone, 'thumbnail', 'Petra');
  await waitForState(phone, 's => s.participants.find(p => p.name === "Petra").large');
  await tap(phone, 'thumbnail', 'Dirk');
  await waitForState(phone, 's => s.participants.find(p => p.name === "Dirk").large');
  await tap(phone, 'button', 'Mikrofon ausschalten');
  await waitForState(desk, 's => s.participants.some(p => p.name === "Petra" && !p.mic)', 2000);

  // A double tap (the browser's zoom gesture) leaves the page at its scale, the canvas filling it.
  const w = await findWidget(phone, 'thumbnail', 'Dirk');
  await phone.touchscreen.tap(w.rect.x + 10, w.rect.y + 10);
  await phone.touchscreen.tap(w.rect.x + 10, w.rect.y + 10);
  const fit = await phone.evaluate(() => {
    const r = document.getElementById('canvas').getBoundingClientRect();
    return { scale: window.visualViewport.scale, w: r.width, h: r.height, iw: innerWidth, ih: innerHeight };
  });
  assert.deepEqual(fit, { scale: 1, w: 390, h: 844, iw: 390, ih: 844 });
  await phone.screenshot({ path: artifact('phone-room.png') });
});
