// The room at 200% zoom and on small screens (the sizes of lib/reflow.js): with two people the
// toolbar and the thumbnails are in view; the room menu of the host (link, password, lock) opens,
// every control in it is reached by Tab and scrolled into view, and Escape closes it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { waitForState } from './lib/browser.js';
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
    await waitForState(host, 's => s.participants.length === 2 && s.participants.every(p => p.self || p.framesDrawn > 0)', 20000);
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
    await host.keyboard.press('Escape');
    await waitForState(host, 's => s.phase === "in-room"');
    const left = await widgets(host);
    assert.ok(!left.some((w) => w.label === 'Lock the room'), `${name}: Escape closes the menu`);
  });
}
