// Usable at 200% zoom and on small screens: at 640×400 with device scale 2 (a 1280×800 laptop at
// 200%), at 320×568 (400% zoom, or a small phone) and at 844×390 (a phone held sideways, touch), the
// start screen and the join prompt show the name field and the main button without scrolling,
// every control is reached by Tab and scrolled into view when focused, and the mouse wheel scrolls.
// A whole call works by keyboard alone at 200%.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { waitForState } from './lib/browser.js';
import { lockedRoomWithHost } from './lib/locked_room.js';
import { artifact, useServerAndChromium } from './lib/setup.js';
import { click, findWidget, settledWidget, widgets } from './lib/ui.js';
import { pixelsOf } from './lib/pixels.js';
import { SIZES, assertMainActionVisible, assertTabReachesEverything, focused, inside } from './lib/reflow.js';

const env = useServerAndChromium();

async function open(size, path, mainButton) {
  const { name, ...options } = size;
  const context = await env.browser.newContext({ locale: 'en-US', ...options });
  const page = await context.newPage();
  await page.goto(`${env.server.url}${path}`);
  await findWidget(page, 'button', mainButton);
  return page;
}

for (const size of SIZES) {
  test(`${size.name}: the start screen shows the name and "Call now" first, focus in the name, all by Tab`, async () => {
    const page = await open(size, '/', 'Call now');
    await assertMainActionVisible(page, size, 'Call now');
    await page.waitForFunction(() => document.activeElement?.getAttribute('aria-label') === 'Your name');
    await page.screenshot({ path: artifact(`reflow-start-${size.name}.png`) });
    await assertTabReachesEverything(page, size);
    await page.screenshot({ path: artifact(`reflow-start-${size.name}-scrolled.png`) });
  });

  test(`${size.name}: the join prompt shows the name and "Join" first, all by Tab`, async () => {
    const page = await open(size, '/r/reflow-room', 'Join');
    await assertMainActionVisible(page, size, 'Join');
    await page.screenshot({ path: artifact(`reflow-join-${size.name}.png`) });
    await assertTabReachesEverything(page, size);
    await page.screenshot({ path: artifact(`reflow-join-${size.name}-scrolled.png`) });
  });
}

// "Test connection" from the start screen (brought into view as a keyboard user would): its result,
// figures and buttons all reached by Tab.
for (const size of SIZES) {
  test(`${size.name}: the connection test's result and its buttons, all by Tab`, async () => {
    const page = await open(size, '/', 'Call now');
    await click(page, 'button', 'Test connection');
    await waitForState(page, 's => s.connectionTest.step === "done"', 40000);
    await findWidget(page, 'button', 'Test again');
    await page.screenshot({ path: artifact(`reflow-connection-test-${size.name}.png`) });
    await assertTabReachesEverything(page, size);
  });
}

// A room locked by a host who stays in it (over the protocol, from a page of the server's origin).
for (const size of SIZES) {
  test(`${size.name}: asked for the room's password, the name, the password and "Join" are in view`, async () => {
    const room = `reflow-locked-${size.name}`;
    await lockedRoomWithHost(env.browser, env.server.url, room, 'Schlüssel 42');
    const page = await open(size, `/r/${room}`, 'Join');
    await page.waitForFunction(() => document.activeElement?.getAttribute('aria-label') === 'Your name');
    await page.keyboard.type('Gast');
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => document.activeElement?.getAttribute('aria-label') === 'Room password');
    await assertMainActionVisible(page, size, 'Join');
    const field = (await widgets(page)).find((w) => w.role === 'input' && w.label === 'Room password');
    assert.ok(inside(field.rect, size.viewport), `${size.name}: the password field is in view: ${JSON.stringify(field.rect)}`);
    await page.screenshot({ path: artifact(`reflow-password-${size.name}.png`) });
    await page.keyboard.type('Schlüssel 42');
    await page.keyboard.press('Enter');
    await waitForState(page, 's => s.phase === "in-room"');
  });
}

test('zoom200: the mouse wheel scrolls a screen taller than the window, and back', async () => {
  const page = await open(SIZES[0], '/r/reflow-wheel', 'Join');
  const y = async () => (await widgets(page)).find((w) => w.label === 'Your name').rect.y;
  const before = await y();
  await page.mouse.move(320, 200);
  await page.mouse.wheel(0, 300);
  await waitForWidgetMoved(page, before, (now) => now < before - 100);
  await page.mouse.wheel(0, -1000);
  await waitForWidgetMoved(page, before, (now) => now === before);
  assert.equal(await y(), before);
});

test('narrow320 by touch: a finger dragged up scrolls the start screen and presses nothing', async () => {
  const page = await open({ ...SIZES[1], hasTouch: true, isMobile: true }, '/', 'Call now');
  const before = (await widgets(page)).find((w) => w.label === 'Your name').rect.y;
  const texts = async () => (await widgets(page)).filter((w) => w.role === 'text').map((w) => w.label);
  const textsBefore = await texts();
  const cdp = await page.context().newCDPSession(page);
  const touch = (type, y) => cdp.send('Input.dispatchTouchEvent',
    { type, touchPoints: type === 'touchEnd' ? [] : [{ x: 160, y }] });
  // From the "Create a room" button upwards: a drag that starts on a button does not press it.
  const create = (await widgets(page)).find((w) => w.label === 'Create a room');
  const start = create.rect.y + create.rect.h / 2;
  await touch('touchStart', start);
  for (let step = 1; step <= 10; ++step) await touch('touchMove', start - step * 25);
  await touch('touchEnd', start - 250);
  await waitForWidgetMoved(page, before, (now) => now < before - 150);
  assert.equal((await page.evaluate(() => window.treff.state())).phase, 'idle', 'nothing was pressed');
  assert.deepEqual(await texts(), textsBefore, 'no message appeared: Create a room was not pressed');
  // A tap, by contrast, presses it: without a name it asks for one.
  // Where it came to rest (a longer screen may glide on a little after the finger left).
  const moved = await settledWidget(page, 'button', 'Create a room');
  await touch('touchStart', moved.rect.y + moved.rect.h / 2);
  await touch('touchEnd', moved.rect.y + moved.rect.h / 2);
  await page.waitForFunction((n) => window.treff.ui().filter((w) => w.role === 'text').length > n, textsBefore.length);
});

async function waitForWidgetMoved(page, before, done, timeout = 3000) {
  const deadline = Date.now() + timeout;
  for (;;) {
    const now = (await widgets(page)).find((w) => w.label === 'Your name').rect.y;
    if (done(now)) return now;
    if (Date.now() > deadline) throw new Error(`the screen did not scroll as expected (name field at ${now}, was ${before})`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

test('zoom200: a whole call by keyboard alone: start, name, Call now, Leave', async () => {
  const page = await open(SIZES[0], '/', 'Call now');
  await page.waitForFunction(() => document.activeElement?.getAttribute('aria-label') === 'Your name');
  await page.keyboard.type('Karla');
  await page.keyboard.press('Enter');
  await waitForState(page, 's => s.phase === "in-room"');
  // The room menu opened with the link; Escape closes it, then Tab to the Leave button.
  await page.keyboard.press('Escape');
  for (let i = 0; i < 12; ++i) {
    if ((await focused(page))?.label === 'Leave') break;
    await page.keyboard.press('Tab');
  }
  assert.equal((await focused(page))?.label, 'Leave');
  await page.keyboard.press('Enter');
  await waitForState(page, 's => s.phase === "left"');
  await page.screenshot({ path: artifact('reflow-left-zoom200.png') });
});

test('zooming in after the page opened: the letters are drawn again for the new pixel ratio, sharp', async () => {
  const page = await open({ name: 'zoom', viewport: { width: 1280, height: 800 }, deviceScaleFactor: 1 }, '/', 'Call now');
  assert.equal((await page.evaluate(() => window.treff.state())).fontPixels, 18);
  // What Ctrl + does to a page: fewer CSS pixels, each of more device pixels.
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Emulation.setDeviceMetricsOverride', { width: 640, height: 400, deviceScaleFactor: 2, mobile: false });
  await waitForState(page, 's => s.fontPixels === 36');
  await findWidget(page, 'button', 'Call now');
  // Through the same session: playwright's own screenshot would put its viewport back first.
  const { data } = await cdp.send('Page.captureScreenshot', { format: 'png' });
  fs.writeFileSync(artifact('reflow-zoomed-in-later.png'), Buffer.from(data, 'base64'));
});

test('when the system asks for more contrast: black on white, strong borders, in the canvas and its fields', async () => {
  const colours = async (contrast) => {
    const page = await (await env.browser.newContext({ locale: 'en-US', viewport: { width: 640, height: 400 }, contrast })).newPage();
    await page.goto(`${env.server.url}/`);
    const field = await findWidget(page, 'input', 'Your name');
    await page.screenshot({ path: artifact(`reflow-contrast-${contrast}.png`) });
    const background = await pixelsOf(env.browser, page, { x: 2, y: 390, width: 1, height: 1 });
    const border = await pixelsOf(env.browser, page, { x: field.rect.x + field.rect.w / 2, y: field.rect.y, width: 1, height: 3 });
    const darkest = Math.min(...[0, 1, 2].map((row) => Math.max(...border.data.slice(row * 4, row * 4 + 3))));
    return { background: background.data.slice(0, 3), border: darkest };
  };
  const calm = await colours('no-preference');
  const strong = await colours('more');
  assert.deepEqual(strong.background, [255, 255, 255], 'a white background');
  assert.notDeepEqual(calm.background, [255, 255, 255], 'the calm look is not white');
  assert.ok(strong.border < 40 && calm.border > 100, `the name field's border is black: ${strong.border} (calm: ${calm.border})`);
});
