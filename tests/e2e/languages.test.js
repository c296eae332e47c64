// Dutch, German and English: the room screen in each language (screenshots looked at; the German
// toolbar says "Beenden"), no two controls overlapping, and a language picked by hand kept for the
// next visit.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { waitForState } from './lib/browser.js';
import { artifact, useServerAndChromium } from './lib/setup.js';
import { click, findWidget, joinByLink, widgets } from './lib/ui.js';

const env = useServerAndChromium();

const TOOLBAR = {
  'nl-NL': ['Microfoon uitzetten', 'Video uitzetten', 'Ophangen'],
  'de-DE': ['Mikrofon ausschalten', 'Video ausschalten', 'Beenden'],
  'en-US': ['Turn microphone off', 'Turn video off', 'Leave'],
};

function overlaps(a, b) {
  return a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;
}

for (const [locale, labels] of Object.entries(TOOLBAR)) {
  test(`the room screen in ${locale}: its own words, nothing overlapping, nothing outside`, async () => {
    const viewport = { width: 800, height: 500 };
    const open = async (name) => {
      const page = await (await env.browser.newContext({ viewport, locale })).newPage();
      await joinByLink(page, `${env.server.url}/r/e2e-lang-${locale}`, name);
      return page;
    };
    const host = await open('Jeroen');
    const guest = await open('Grete');
    await waitForState(guest, 's => s.phase === "in-room" && s.participants.length === 2 && s.participants.every(p => p.self || p.videoFrames > 0)');
    for (const label of labels) await findWidget(guest, 'button', label);
    assert.equal(await guest.evaluate(() => document.documentElement.lang), locale.slice(0, 2));
    const controls = (await widgets(guest)).filter((w) => w.role !== 'text');
    for (const w of controls) {
      assert.ok(w.rect.x >= 0 && w.rect.y >= 0 && w.rect.x + w.rect.w <= viewport.width && w.rect.y + w.rect.h <= viewport.height,
                `${w.label} lies outside the window`);
      for (const other of controls) if (other !== w) assert.ok(!overlaps(w.rect, other.rect), `${w.label} overlaps ${other.label}`);
    }
    await guest.screenshot({ path: artifact(`room-${locale}.png`) });
    await host.context().close();
    await guest.context().close();
  });
}

test('a language picked on the join prompt is used at once and kept for the next visit', async () => {
  const page = await (await env.browser.newContext({ viewport: { width: 800, height: 500 }, locale: 'en-US' })).newPage();
  await page.goto(`${env.server.url}/r/e2e-picker`);
  await findWidget(page, 'input', 'Your name');
  await click(page, 'button', 'Deutsch');
  await findWidget(page, 'input', 'Ihr Name');
  await findWidget(page, 'button', 'Teilnehmen');
  assert.equal(await page.evaluate(() => document.documentElement.lang), 'de');
  await page.screenshot({ path: artifact('join-picked-german.png') });
  await page.reload();
  await findWidget(page, 'input', 'Ihr Name');
  await click(page, 'button', 'Nederlands');
  await findWidget(page, 'input', 'Uw naam');
});
