// The keyboard alone: a person who never touches the mouse joins, mutes, picks who is large,
// leaves and rejoins, with Tab, Shift+Tab, Enter and Space on the DOM mirror of the UI. Also the
// mirror's text field is a real <input> (phone keyboards, paste, autofill) that keeps the name.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { waitForState } from './lib/browser.js';
import { artifact, useServerAndChromium } from './lib/setup.js';
import { joinByLink } from './lib/ui.js';

const ROOM = 'e2e-keyboard';
const env = useServerAndChromium({ keepPages: true });  // Kai's visit goes on from test to test
let kai, bea;

const shot = (page, name) => page.screenshot({ path: artifact(`keyboard-${name}.png`) });

// What the focused element is, as a screen reader would announce it.
const focused = (page) => page.evaluate(() => {
  const el = document.activeElement;
  return el && el !== document.body
    ? { tag: el.tagName, label: el.getAttribute('aria-label'), pressed: el.getAttribute('aria-pressed') }
    : null;
});

async function waitForFocus(page, label, timeout = 10000) {
  await page.waitForFunction((l) => document.activeElement && document.activeElement.getAttribute('aria-label') === l,
    label, { timeout, polling: 50 });
}

// Presses `key` until the focused element's label starts with `prefix` (at most a dozen times).
async function tabTo(page, key, prefix) {
  for (let i = 0; i < 12; ++i) {
    const f = await focused(page);
    if (f && f.label && f.label.startsWith(prefix)) return f;
    await page.keyboard.press(key);
  }
  throw new Error(`no element labelled "${prefix}…" reachable with ${key}; focus is on ${JSON.stringify(await focused(page))}`);
}

test('with the keyboard alone a person joins, mutes, picks who is large, leaves and rejoins', async () => {
  // Bea is in the room already, for Kai to meet.
  bea = await (await env.browser.newContext({ viewport: { width: 800, height: 500 }, locale: 'en-US' })).newPage();
  await joinByLink(bea, `${env.server.url}/r/${ROOM}`, 'Bea');
  await waitForState(bea, 's => s.phase === "in-room"');

  const context = await env.browser.newContext({ viewport: { width: 800, height: 500 }, locale: 'en-US' });
  kai = await context.newPage();
  await kai.goto(`${env.server.url}/r/${ROOM}`);
  // The page opens with the caret in the name field.
  await waitForFocus(kai, 'Your name');
  await kai.keyboard.type('Kai');
  await kai.keyboard.press('Enter');
  await waitForState(kai, 's => s.phase === "in-room" && s.participants.length === 2');

  // In the room, focus starts on the microphone toggle; Space switches it off, for everyone.
  await waitForFocus(kai, 'Turn microphone off');
  await shot(kai, 'focus-on-mic');
  await kai.keyboard.press('Space');
  await waitForState(kai, 's => s.participants.some(p => p.self && !p.mic)', 3000);
  await waitForState(bea, 's => s.participants.some(p => p.name === "Kai" && !p.mic)', 3000);
  // The toggle keeps focus while its label changes.
  await waitForFocus(kai, 'Turn microphone on', 3000);

  // Back to the thumbnails with Shift+Tab; Enter shows that person large.
  const self = await tabTo(kai, 'Shift+Tab', 'Kai');
  assert.match(self.label, /^Kai, You, Microphone off/, 'a thumbnail says whose it is and that the mic is off');
  await kai.keyboard.press('Enter');
  await waitForState(kai, 's => s.participants.find(p => p.large).self', 3000);
  await kai.waitForFunction(() => document.activeElement.getAttribute('aria-pressed') === 'true');
  await tabTo(kai, 'Shift+Tab', 'Bea');
  await kai.keyboard.press('Enter');
  await waitForState(kai, 's => s.participants.find(p => p.large).name === "Bea"', 3000);
  await shot(kai, 'picked-bea');

  // On to "Leave" with Tab; Enter leaves, and the others see it.
  await tabTo(kai, 'Tab', 'Leave');
  await kai.keyboard.press('Enter');
  await waitForState(kai, 's => s.phase === "left"', 3000);
  await waitForState(bea, 's => !s.participants.some(p => p.name === "Kai")', 3000);
  // The left screen offers "Rejoin" with focus on it: Enter is enough to come back.
  await waitForFocus(kai, 'Rejoin');
  await shot(kai, 'left');
  await kai.keyboard.press('Enter');
  await waitForState(kai, 's => s.phase === "in-room" && s.participants.length === 2', 10000);
  await waitForState(bea, 's => s.participants.some(p => p.name === "Kai")', 3000);
});

test('every control in the room is announced by name, in the order it is drawn', async () => {
  const mirror = await kai.evaluate(() => [...document.querySelectorAll('#mirror > *')].map((el) => ({
    tag: el.tagName, label: el.getAttribute('aria-label'), pressed: el.getAttribute('aria-pressed'),
  })));
  const buttons = mirror.filter((m) => m.tag === 'BUTTON');
  const names = buttons.map((b) => b.label.split(',')[0]);
  // Tab goes as the room is read: the room menu's button at the top, the thumbnails (in the room's
  // order), the toolbar from left to right (after the rejoin of the test before, the microphone is
  // on again).
  assert.equal(names[0], 'Room', JSON.stringify(mirror));
  assert.deepEqual(names.slice(1, 3).sort(), ['Bea', 'Kai'], JSON.stringify(mirror));
  assert.deepEqual(names.slice(3), ['Turn microphone off', 'Turn video off', 'Leave'], JSON.stringify(mirror));
  assert.equal(buttons.filter((b) => b.pressed === 'true').length, 1, 'exactly one thumbnail is shown large');
  // The canvas itself is hidden from assistive technology: the mirror describes it.
  assert.equal(await kai.evaluate(() => document.getElementById('canvas').getAttribute('aria-hidden')), 'true');
  assert.equal(await kai.evaluate(() => document.documentElement.lang), 'en');
});

test('the room menu opens with Enter, its controls come right after its button, Enter or Escape closes it', async () => {
  // From the microphone toggle back past the thumbnails to the room menu's button at the top.
  await tabTo(kai, 'Shift+Tab', 'Room');
  await kai.keyboard.press('Enter');
  // Open: focus goes to "Copy link", after the link itself.
  await waitForFocus(kai, 'Copy link', 3000);
  await kai.keyboard.press('Shift+Tab');
  assert.equal((await focused(kai)).label, 'Link to this room');
  await kai.keyboard.press('Shift+Tab');
  assert.equal((await focused(kai)).label, 'Room');
  // Past the menu (recording is for everyone; Kai is no host: nothing to lock), Tab goes on to the
  // thumbnails.
  await kai.keyboard.press('Tab');
  await kai.keyboard.press('Tab');
  await kai.keyboard.press('Tab');
  assert.equal((await focused(kai)).label, 'Record this call');
  await kai.keyboard.press('Tab');
  assert.match((await focused(kai)).label, /^(Bea|Kai)\b/);
  await shot(kai, 'room-menu');
  // Enter on the button again closes the menu, and its controls are gone.
  const menuClosed = () => kai.waitForFunction(() => !window.treff.ui().some((w) => w.label === 'Copy link'), null, { timeout: 3000 });
  await tabTo(kai, 'Shift+Tab', 'Room');
  await kai.keyboard.press('Enter');
  await menuClosed();
  // Escape closes it too, from inside, and focus goes back to its button.
  await kai.keyboard.press('Enter');
  await waitForFocus(kai, 'Copy link', 3000);
  await kai.keyboard.press('Escape');
  await menuClosed();
  await waitForFocus(kai, 'Room', 3000);
});

test('the name field is a real text field: pasted text arrives whole, and the name is remembered', async () => {
  const context = await env.browser.newContext({ viewport: { width: 800, height: 500 }, locale: 'de-DE' });
  const page = await context.newPage();
  await page.goto(`${env.server.url}/r/${ROOM}`);
  await waitForFocus(page, 'Ihr Name');
  const field = await page.evaluate(() => ({ tag: document.activeElement.tagName, autocomplete: document.activeElement.autocomplete }));
  assert.deepEqual(field, { tag: 'INPUT', autocomplete: 'name' });
  // insertText is what a paste, an IME or a phone keyboard's suggestion delivers: one input event.
  await page.keyboard.insertText('Zoë Maaß');
  await page.waitForFunction(() => window.treff.ui().some((w) => w.role === 'input' && w.value === 'Zoë Maaß'));
  await shot(page, 'pasted-name');
  await page.keyboard.press('Enter');
  await waitForState(page, 's => s.phase === "in-room" && s.participants.some(p => p.self && p.name === "Zoë Maaß")');
  await waitForState(bea, 's => s.participants.some(p => p.name === "Zoë Maaß")', 3000);
  // Next time the field already holds the name.
  await page.reload();
  await waitForFocus(page, 'Ihr Name');
  assert.equal(await page.evaluate(() => document.activeElement.value), 'Zoë Maaß');
  await context.close();
});
