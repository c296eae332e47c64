// The room at 200% zoom and on small screens (the sizes of lib/reflow.js): with two people the
// toolbar and the thumbnails are in view; the room menu of the host (link, password, lock) opens,
// every control in it is reached by Tab and scrolled into view, and Escape closes it. With the
// camera blocked, the help on how to allow it is on screen with the toolbar.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { launchChromium, waitForState } from './lib/browser.js';
import { smallFakeVideo } from './lib/fake_video.js';
import { SIZES, assertTabReachesEverything, inside } from './lib/reflow.js';
import { artifact, useServerAndChromium } from './lib/setup.js';
import { findWidget, joinByLink, widgets } from './lib/ui.js';

const env = useServerAndChromium();

for (const size of SIZES) {
  test(`${size.name}: the room with two people, and the host's room menu, all in view and by Tab`, async () => {
    const { name, ...options } = size;
    const room = `reflow-room-${name}`;
    const host = await (await env.browser.newContext({ locale: 'en-US', ...options })).newPage();
    await joinByLink(host, `${env.server.url}/r/${room}`, 'Hanna');
    await waitForState(host, 's => s.phase === "in-room"');
    const guest = await (await env.browser.newContext({ locale: 'en-US' })).newPage();
    await joinByLink(guest, `${env.server.url}/r/${room}`, 'Gert');
    await waitForState(host, 's => s.participants.length === 2 && s.participants.every(p => p.self || p.videoFrames > 0)', 20000);
    // "Call now" opens the menu by itself; joining by link does not.
    for (const w of (await widgets(host)).filter((x) => x.role !== 'text')) {
      assert.ok(inside(w.rect, size.viewport), `${name}: "${w.label}" is in view: ${JSON.stringify(w.rect)}`);
    }
    await host.screenshot({ path: artifact(`reflow-room-${name}.png`) });

    await host.keyboard.press('Tab');
    while ((await host.evaluate(() => document.activeElement?.getAttribute('aria-label'))) !== 'Room') {
      await host.keyboard.press('Tab');
    }
    await host.keyboard.press('Enter');
    await findWidget(host, 'button', 'Lock the room');
    await assertTabReachesEverything(host, size);
    await host.screenshot({ path: artifact(`reflow-room-menu-${name}.png`) });
    // Escape, pressed in the menu, closes it (the Tab round may have left focus anywhere).
    for (let i = 0; i < 20 && (await host.evaluate(() => document.activeElement?.getAttribute('aria-label'))) !== 'Lock the room'; ++i) {
      await host.keyboard.press('Tab');
    }
    await host.keyboard.press('Escape');
    await host.waitForFunction(() => !window.treff.ui().some((w) => w.label === 'Lock the room'), null, { timeout: 5000 });
  });
}

test('with the camera blocked, the help on how to allow it and the toolbar are in view at each size', async () => {
  // A browser that asks like a real one (no auto-accept), with only the microphone allowed.
  const strict = await launchChromium([`--use-file-for-fake-video-capture=${smallFakeVideo()}`], { fakeUi: false });
  try {
    for (const size of SIZES) {
      const { name, ...options } = size;
      const context = await strict.newContext({ locale: 'en-US', ...options });
      await context.grantPermissions(['microphone'], { origin: env.server.url });
      const page = await context.newPage();
      await joinByLink(page, `${env.server.url}/r/reflow-blocked-${name}`, 'Dirk');
      await findWidget(page, 'text', 'The camera is not allowed. You are in the call with sound only.');
      const all = await widgets(page);
      const help = all.filter((w) => w.role === 'text');
      assert.ok(help.some((t) => t.label.startsWith('Chrome:')), `${name}: how to allow it in Chrome is said`);
      for (const w of [...help, ...all.filter((x) => x.role === 'button')]) {
        assert.ok(inside(w.rect, size.viewport), `${name}: "${w.label.slice(0, 40)}" is in view: ${JSON.stringify(w.rect)}`);
      }
      await page.screenshot({ path: artifact(`reflow-camera-blocked-${name}.png`) });
      await context.close();
    }
  } finally {
    await strict.close();
  }
});
