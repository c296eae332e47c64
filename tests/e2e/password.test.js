// A locked room: the host locks it from the room menu and everyone sees it; a guest who opens its
// link is asked for the password, is told plainly when it is wrong, and gets in with the right one.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { waitForState } from './lib/browser.js';
import { lockedRoomWithHost } from './lib/locked_room.js';
import { artifact, useServerAndChromium } from './lib/setup.js';
import { click, findWidget, joinByLink, widgets } from './lib/ui.js';

const ROOM = 'e2e-locked';
const PASSWORD = 'Apfelkuchen 7';
const env = useServerAndChromium();

test('a guest is asked for the password, told when it is wrong, and let in with the right one', async () => {
  // The host locks the room over the protocol and stays in it: the guest's side alone is tested.
  const { reply } = await lockedRoomWithHost(env.browser, env.server.url, ROOM, PASSWORD, 'Wächter');
  assert.equal(reply.locked, true);
  const context = await env.browser.newContext({ viewport: { width: 800, height: 560 }, locale: 'en-US' });
  // Counts how often the page opens camera and microphone (each time, a browser may ask again).
  await context.addInitScript(() => {
    window.__mediaOpened = 0;
    const devices = navigator.mediaDevices;
    const open = devices.getUserMedia.bind(devices);
    devices.getUserMedia = (constraints) => { window.__mediaOpened++; return open(constraints); };
  });
  const guest = await context.newPage();
  await joinByLink(guest, `${env.server.url}/r/${ROOM}`, 'Gast');

  await waitForState(guest, 's => s.phase === "failed" && s.problem === "password-required"');
  await findWidget(guest, 'text', 'This room is protected by a password. Ask the person who invited you for it.');
  // The password field appears, with the caret in it, and hides what is typed.
  await guest.waitForFunction(() => document.activeElement.getAttribute('aria-label') === 'Room password');
  assert.equal(await guest.evaluate(() => document.activeElement.type), 'password');
  await guest.screenshot({ path: artifact('password-asked.png') });

  await guest.keyboard.type('apfelkuchen 7');
  await guest.keyboard.press('Enter');
  await waitForState(guest, 's => s.phase === "failed" && s.problem === "wrong-password"');
  await findWidget(guest, 'text', 'That is not the password of this room.');
  await guest.screenshot({ path: artifact('password-wrong.png') });

  await guest.keyboard.press('Control+A');
  await guest.keyboard.type(PASSWORD);
  await guest.keyboard.press('Enter');
  const s = await waitForState(guest, 's => s.phase === "in-room" && s.participants.length === 2');
  assert.deepEqual(s.participants.map((p) => p.name).sort(), ['Gast', 'Wächter']);
  // The camera opened for the join prompt served all three attempts.
  assert.equal(await guest.evaluate(() => window.__mediaOpened), 1);
  assert.ok(s.participants.find((p) => p.self).camera, 'the guest is in with the camera on');
});

test('the host locks the room from the room menu, everyone sees it, and only the host can unlock it', async () => {
  const open = async (name) => {
    const context = await env.browser.newContext({ viewport: { width: 800, height: 500 }, locale: 'en-US' });
    const page = await context.newPage();
    await joinByLink(page, `${env.server.url}/r/e2e-menu`, name);
    await waitForState(page, 's => s.phase === "in-room"');
    return page;
  };
  const hanna = await open('Hanna');
  const ben = await open('Ben');

  await click(hanna, 'button', 'Room');
  await findWidget(hanna, 'text', 'Anyone with the link can join.');
  await click(hanna, 'input', 'Room password');
  await hanna.keyboard.type('Sommer 2026');
  await hanna.screenshot({ path: artifact('password-menu.png') });
  await click(hanna, 'button', 'Lock the room');
  for (const page of [hanna, ben]) await findWidget(page, 'button', 'Room (locked)');
  await findWidget(hanna, 'text', 'This room is locked with a password.');

  // Ben is not the host: his menu says who is.
  await click(ben, 'button', 'Room (locked)');
  await findWidget(ben, 'text', 'Only Hanna can set or remove the password.');
  assert.equal((await widgets(ben)).some((w) => w.label === 'Remove the password'), false);
  await ben.screenshot({ path: artifact('password-locked-guest-view.png') });

  const gina = await (await env.browser.newContext({ viewport: { width: 800, height: 560 }, locale: 'en-US' })).newPage();
  await joinByLink(gina, `${env.server.url}/r/e2e-menu`, 'Gina');
  await gina.waitForFunction(() => document.activeElement.getAttribute('aria-label') === 'Room password');
  await gina.keyboard.type('Sommer 2026');
  await gina.keyboard.press('Enter');
  await waitForState(gina, 's => s.phase === "in-room" && s.participants.length === 3');

  await click(hanna, 'button', 'Remove the password');
  for (const page of [hanna, ben, gina]) await findWidget(page, 'button', 'Room');
});
