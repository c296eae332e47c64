// The start screen: "Call now" makes a fresh room nobody can guess and joins it at once; the link
// copied from the room menu brings a second person in. Where the browser cannot copy, the link is
// shown selected. A room with a chosen name is checked, with a plain message for bad names.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { waitForState } from './lib/browser.js';
import { artifact, useServerAndChromium } from './lib/setup.js';
import { click, findWidget, joinByLink, widgets } from './lib/ui.js';

const env = useServerAndChromium();

async function openStart(options = {}) {
  const context = await env.browser.newContext({ viewport: { width: 800, height: 500 }, locale: 'en-US', ...options });
  const page = await context.newPage();
  await page.goto(`${env.server.url}/`);
  await findWidget(page, 'button', 'Call now');
  return page;
}

async function callNow(page, name) {
  await click(page, 'input', 'Your name');
  await page.keyboard.type(name);
  await click(page, 'button', 'Call now');
  return waitForState(page, 's => s.phase === "in-room"');
}

test('call now: a fresh random room, its link copied, and a second person meets the first there', async () => {
  const anna = await openStart();
  await anna.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: env.server.url });
  await findWidget(anna, 'text', 'How it works');
  await anna.screenshot({ path: artifact('start-screen.png') });

  const s = await callNow(anna, 'Anna');
  // 16 characters of a 32-letter alphabet: 80 bits; in the address bar, ready to share.
  assert.match(s.room, /^[0-9a-hjkmnp-tv-z]{4}(-[0-9a-hjkmnp-tv-z]{4}){3}$/);
  assert.equal(new URL(anna.url()).pathname, `/r/${s.room}`);
  // The room menu is open on the next step, sending the link, with "Copy link" focused.
  await anna.waitForFunction(() => document.activeElement.getAttribute('aria-label') === 'Copy link');
  const link = (await widgets(anna)).find((w) => w.role === 'input' && w.label === 'Link to this room');
  assert.equal(link.value, `${env.server.url}/r/${s.room}`);
  await click(anna, 'button', 'Copy link');
  await findWidget(anna, 'text', 'The link is copied. Paste it into an e-mail or message.');
  await anna.screenshot({ path: artifact('start-link-copied.png') });
  const copied = await anna.evaluate(() => navigator.clipboard.readText());
  assert.equal(copied, link.value);

  // A second Call now gives another room.
  const other = await openStart();
  const t = await callNow(other, 'Otto');
  assert.notEqual(t.room, s.room);

  const ben = await (await env.browser.newContext({ viewport: { width: 800, height: 500 }, locale: 'en-US' })).newPage();
  await joinByLink(ben, copied, 'Ben');
  for (const page of [anna, ben])
    await waitForState(page, 's => s.phase === "in-room" && s.participants.length === 2');
  assert.deepEqual((await waitForState(ben, 's => s.participants.length === 2')).participants.map((p) => p.name).sort(),
                   ['Anna', 'Ben']);
});

test('where the browser cannot copy, the link is shown selected for copying by hand', async () => {
  const page = await openStart();
  // As on a page served over plain http from another address than localhost: no Clipboard API.
  await page.evaluate(() => Object.defineProperty(navigator, 'clipboard', { value: undefined }));
  const s = await callNow(page, 'Carla');
  await click(page, 'button', 'Copy link');
  await findWidget(page, 'text', 'Copying did not work. The link above is selected: copy it with Ctrl+C or a long press.');
  const selected = await page.evaluate(() => {
    const el = document.activeElement;
    return { label: el.getAttribute('aria-label'), readOnly: el.readOnly, text: el.value.slice(el.selectionStart, el.selectionEnd) };
  });
  assert.deepEqual(selected, { label: 'Link to this room', readOnly: true, text: `${env.server.url}/r/${s.room}` });
  await page.screenshot({ path: artifact('start-copy-by-hand.png') });
});

test('a named room: bad names get a plain message and nothing happens, a good one is joined', async () => {
  const message = 'A room name has 1 to 64 characters: letters a-z without accents, digits and - _ . (no spaces, no /).';
  let page;
  // A fresh page for each, so the message seen is this name's, not the one before's.
  for (const bad of ['Familie Berg', 'Oma 🎂', 'a/b', 'x'.repeat(500)]) {
    await page?.context().close();
    page = await openStart();
    await click(page, 'input', 'Your name');
    await page.keyboard.type('Dora');
    await click(page, 'input', 'Name for a new room');
    // Nobody types 500 characters: they paste them.
    if (bad.length > 100) await page.keyboard.insertText(bad);
    else await page.keyboard.type(bad);
    await page.keyboard.press('Enter');
    await findWidget(page, 'text', message);
    const s = await page.evaluate(() => window.treff.state());
    assert.equal(s.phase, 'idle', bad);
  }
  await page.screenshot({ path: artifact('start-bad-room-name.png') });
  await click(page, 'input', 'Name for a new room');
  await page.keyboard.press('Control+A');
  await page.keyboard.type('Familie-Berg');
  await click(page, 'button', 'Create a room');
  const s = await waitForState(page, 's => s.phase === "in-room"');
  assert.equal(s.room, 'Familie-Berg');
  assert.equal(new URL(page.url()).pathname, '/r/Familie-Berg');
});

test('without a name, Call now asks for one first', async () => {
  const page = await openStart();
  await click(page, 'button', 'Call now');
  await findWidget(page, 'text', 'Please enter your name first.');
  assert.equal((await page.evaluate(() => window.treff.state())).phase, 'idle');
});

test('where the browser has a share sheet (phones), "Share link…" hands it the room link', async () => {
  const context = await env.browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, locale: 'en-US' });
  // Chromium on Linux has no share sheet: this stands in for the phone's, recording what it got.
  await context.addInitScript(() => {
    window.__shared = [];
    navigator.share = (data) => { window.__shared.push(data); return Promise.resolve(); };
  });
  const page = await context.newPage();
  await page.goto(`${env.server.url}/`);
  const s = await callNow(page, 'Sanne');
  const share = await findWidget(page, 'button', 'Share link…');
  await page.touchscreen.tap(share.rect.x + share.rect.w / 2, share.rect.y + share.rect.h / 2);
  await page.waitForFunction(() => window.__shared.length === 1);
  const shared = await page.evaluate(() => window.__shared[0]);
  assert.equal(shared.url, `${env.server.url}/r/${s.room}`);
  await page.screenshot({ path: artifact('start-share-phone.png') });
});
