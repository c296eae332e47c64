// Accounts end to end, as the story: the machine's admin makes two accounts with
// `treff-server user add`; both people open their invitation links in their own browsers, set
// their passwords and land on their contact lists; Anna finds Bob and sends a request, Bob sees it
// on his open list and accepts it; both give themselves a photo through the file chooser and each
// sees the other's; Bob changes his and Anna sees the new one after a reload; and after a server
// restart everything is there.
// Then the rest of what people do with their accounts: a photo from the camera, a file that is no
// picture, leaving unsaved changes, an admin's invitation made in the client, removing a contact,
// logging out everywhere, the keyboard alone, and Firefox keeping the session cookie.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { launchChromium, waitForState } from './lib/browser.js';
import { launchFirefox, waitForFirefoxState } from './lib/firefox.js';
import { smallFakeVideo } from './lib/fake_video.js';
import { pixelsOf } from './lib/pixels.js';
import { addUser } from './lib/accounts.js';
import { startServer, stopServer } from './lib/server.js';
import { ARTIFACTS, artifact } from './lib/setup.js';
import { click, findWidget, widgets } from './lib/ui.js';

const env = { dir: null, server: null, port: 0, browser: null };
const PASSWORDS = { anna: 'appeltaart met slagroom', bob: 'fietsen langs de Vecht' };

async function startDataServer() {
  const args = ['--port', String(env.port), '--data', env.dir];
  env.server = await startServer({ args });
  env.port = env.server.port;
}

before(async () => {
  fs.mkdirSync(ARTIFACTS, { recursive: true });
  env.dir = fs.mkdtempSync(path.join(os.tmpdir(), 'treff-accounts-'));
  await startDataServer();
  env.browser = await launchChromium([`--use-file-for-fake-video-capture=${smallFakeVideo()}`]);
});

after(async () => {
  await env.browser?.close();
  if (env.server) await stopServer(env.server);
  if (env.dir) fs.rmSync(env.dir, { recursive: true, force: true });
});

// A picture file of one colour, as a camera or phone would give (PNG of 640x480: the client cuts
// and scales it to a 256 px JPEG before upload).
async function pictureFile(name, rgb) {
  const page = await (await env.browser.newContext()).newPage();
  const base64 = await page.evaluate((c) => {
    const canvas = document.createElement('canvas');
    canvas.width = 640;
    canvas.height = 480;
    const ctx = canvas.getContext('2d');
    ctx.fillStyle = `rgb(${c.join(',')})`;
    ctx.fillRect(0, 0, 640, 480);
    return canvas.toDataURL('image/png').split(',')[1];
  }, rgb);
  await page.context().close();
  const file = path.join(env.dir, name);
  fs.writeFileSync(file, Buffer.from(base64, 'base64'));
  return file;
}

// Puts keyboard focus into the n-th text field of the DOM mirror with this label.
async function focusField(page, label, n) {
  await page.waitForFunction(({ label, n }) =>
    document.querySelectorAll(`#mirror input[aria-label="${label}"]`).length > n, { label, n });
  await page.evaluate(({ label, n }) => document.querySelectorAll(`#mirror input[aria-label="${label}"]`)[n].focus(),
    { label, n });
}

// Presses a button as a keyboard user does: focus on its DOM mirror element, then Enter (the
// screen scrolls to it, wherever it is).
async function pressKey(page, label) {
  const selector = `#mirror button[aria-label="${label}"]`;
  await page.waitForSelector(selector, { state: 'attached' });
  await page.evaluate((selector) => document.querySelector(selector).focus(), selector);
  await page.keyboard.press('Enter');
}

// Presses Tab until keyboard focus is on the DOM mirror element with this label (at most 40 times).
async function tabTo(page, label) {
  for (let i = 0; i < 40; ++i) {
    if (await page.evaluate((l) => document.activeElement?.getAttribute('aria-label') === l, label)) return;
    await page.keyboard.press('Tab');
  }
  throw new Error(`"${label}" is not reachable with Tab`);
}

async function typeInto(page, label, text) {
  await click(page, 'input', label);
  await page.keyboard.press('Control+A');
  await page.keyboard.type(text);
}

// The colour in the middle of a contact's photo on screen.
async function photoColour(page, name) {
  const w = await findWidget(page, 'thumbnail', name);
  const side = Math.min(w.rect.w, w.rect.h);
  const clip = { x: w.rect.x + side / 2 - 4, y: w.rect.y + side / 2 - 4, width: 8, height: 8 };
  const px = await pixelsOf(env.browser, page, clip);
  const i = (4 * px.width + 4) * 4;
  return px.data.slice(i, i + 3);
}

function near(actual, expected, what) {
  const off = Math.max(...actual.map((v, i) => Math.abs(v - expected[i])));
  assert.ok(off <= 40, `${what}: ${actual} is not near ${expected}`);
}

async function setPhoto(page, file) {
  await click(page, 'button', 'My details');
  const chooser = page.waitForEvent('filechooser');
  await click(page, 'button', 'Choose a photo');
  await (await chooser).setFiles(file);
  await findWidget(page, 'text', 'Your new photo is saved.', 15000);
  await click(page, 'button', 'Back');
  await waitForState(page, 's => s.account.screen === "contacts" && s.account.calling?.presenceKnown');
}

const pages = {};


test('both people set their passwords through their invitation links and see their contact lists', async () => {
  const links = { anna: addUser(env, 'anna@linde.nl', 'Anna de Vries', ['--admin']), bob: addUser(env, 'Bob@Linde.nl', 'Bob Jansen') };
  for (const who of ['anna', 'bob']) {
    const context = await env.browser.newContext({ viewport: { width: 1000, height: 1000 }, locale: 'en-US' });
    const page = await context.newPage();
    pages[who] = page;
    await page.goto(links[who]);
    await waitForState(page, 's => s.account.screen === "invitation"');
    await findWidget(page, 'text', who === 'anna' ? 'Invitation for Anna de Vries' : 'Invitation for Bob Jansen');
    // Too short first: said plainly, nothing sent.
    await typeInto(page, 'New password', 'kort');
    await typeInto(page, 'Repeat the password', 'kort');
    await click(page, 'button', 'Set the password');
    await findWidget(page, 'text', 'The password needs at least 10 characters.');
    if (who === 'anna') await page.screenshot({ path: artifact('accounts-invitation.png') });
    await typeInto(page, 'New password', PASSWORDS[who]);
    await typeInto(page, 'Repeat the password', PASSWORDS[who]);
    await page.keyboard.press('Enter');
    const s = await waitForState(page, 's => s.account.screen === "contacts" && s.account.calling?.presenceKnown');
    assert.equal(s.account.me.name, who === 'anna' ? 'Anna de Vries' : 'Bob Jansen');
    assert.equal(new URL(page.url()).pathname, '/', 'the used link is no longer in the address bar');
    await findWidget(page, 'text', 'You have no contacts yet. Choose “New contact” to add someone.');
  }
  // The link works once.
  const again = await (await env.browser.newContext({ locale: 'en-US' })).newPage();
  await again.goto(links.anna);
  await findWidget(again, 'text',
    'This invitation link has been used already. Log in with your password, or ask for a new link.');
  await again.context().close();
});

test('Anna finds Bob and sends a request; Bob, with his list open, sees it and accepts', async () => {
  const anna = pages.anna, bob = pages.bob;
  await click(anna, 'button', 'New contact');
  await typeInto(anna, 'Name or e-mail address', 'jansen');
  await anna.keyboard.press('Enter');
  await click(anna, 'button', 'Send a contact request');
  await findWidget(anna, 'text', 'Request sent. Bob Jansen will see it on their next visit.');
  await findWidget(anna, 'text', 'Sent requests');
  await anna.screenshot({ path: artifact('accounts-request-sent.png') });

  // Bob has his list open: the request appears there without a reload (the list is loaded again
  // every 15 s while it shows).
  await waitForState(bob, 's => s.account.screen === "contacts" && s.account.calling?.presenceKnown && s.account.requests === 1', 30000);
  await findWidget(bob, 'text', 'Anna de Vries would like to add you as a contact.');
  await click(bob, 'button', 'Accept');
  await waitForState(bob, 's => s.account.contacts?.length === 1 && s.account.contacts?.[0].name === "Anna de Vries"');
  await anna.reload();
  await waitForState(anna, 's => s.account.contacts?.length === 1 && s.account.contacts?.[0].name === "Bob Jansen"');
});

test('each sets a photo and sees the other one; a new photo of Bob is seen by Anna after a reload', async () => {
  const anna = pages.anna, bob = pages.bob;
  const red = [210, 40, 40], green = [40, 170, 60], blue = [40, 60, 210];
  await setPhoto(anna, await pictureFile('anna.png', green));
  await setPhoto(bob, await pictureFile('bob-red.png', red));
  await anna.reload();
  await bob.reload();
  await waitForState(anna, 's => s.account.contacts?.[0]?.photoShown && s.account.contacts?.[0].photo.endsWith("?v=1")');
  await waitForState(bob, 's => s.account.contacts?.[0]?.photoShown');
  near(await photoColour(anna, 'Bob Jansen'), red, "Bob's photo on Anna's screen");
  near(await photoColour(bob, 'Anna de Vries'), green, "Anna's photo on Bob's screen");

  await setPhoto(bob, await pictureFile('bob-blue.png', blue));
  await anna.reload();
  await waitForState(anna, 's => s.account.contacts?.[0]?.photoShown && s.account.contacts?.[0].photo.endsWith("?v=2")');
  near(await photoColour(anna, 'Bob Jansen'), blue, "Bob's new photo on Anna's screen");
  // Chosen, the contact's details show below the list.
  await click(anna, 'thumbnail', 'Bob Jansen');
  await findWidget(anna, 'text', 'E-mail address: Bob@Linde.nl');
  await anna.screenshot({ path: artifact('accounts-contacts-details.png') });
});

test('after a server restart both are still logged in, with their contacts and photos', async () => {
  await stopServer(env.server);
  await startDataServer();
  for (const [who, other] of [['anna', 'Bob Jansen'], ['bob', 'Anna de Vries']]) {
    const page = pages[who];
    await page.reload();
    const s = await waitForState(page, 's => s.account.screen === "contacts" && s.account.calling?.presenceKnown && s.account.contacts?.[0]?.photoShown');
    assert.equal(s.account.contacts?.[0].name, other);
  }
  near(await photoColour(pages.anna, 'Bob Jansen'), [40, 60, 210], "Bob's photo after the restart");
  // And logging in by password still works (a fresh browser).
  const page = await (await env.browser.newContext({ viewport: { width: 1000, height: 900 }, locale: 'en-US' })).newPage();
  await page.goto(env.server.url);
  await click(page, 'button', 'Log in with your account');
  await typeInto(page, 'E-mail address', 'bob@linde.nl');
  await typeInto(page, 'Password', 'not the password');
  await page.keyboard.press('Enter');
  await findWidget(page, 'text', 'The e-mail address or the password is not right.');
  await typeInto(page, 'Password', PASSWORDS.bob);
  await page.keyboard.press('Enter');
  await waitForState(page, 's => s.account.screen === "contacts" && s.account.calling?.presenceKnown && s.account.contacts?.length === 1');
  await page.context().close();
  assert.ok((await widgets(pages.bob)).length > 0);
});

test('Bob takes a photo with the camera; a file that is no picture is refused in plain words', async () => {
  const bob = pages.bob;
  await click(bob, 'button', 'My details');
  const notPicture = path.join(env.dir, 'notes.txt');
  fs.writeFileSync(notPicture, 'this is not a picture');
  const chooser = bob.waitForEvent('filechooser');
  await click(bob, 'button', 'Choose a photo');
  await (await chooser).setFiles(notPicture);
  await findWidget(bob, 'text', 'This file is not a picture. Please choose a photo.');

  await click(bob, 'button', 'Photo with the camera');
  // The button waits until the camera's picture is there.
  await bob.waitForFunction(() => window.treff.ui().some((w) => w.label === 'Take the photo' && !w.disabled));
  await bob.screenshot({ path: artifact('accounts-camera-photo.png') });
  await click(bob, 'button', 'Take the photo');
  await findWidget(bob, 'text', 'Your new photo is saved.', 15000);
  await waitForState(bob, 's => s.account.me.photo.endsWith("?v=3")');
  // The camera closes again once the picture is taken.
  await waitForState(bob, 's => !s.local.video');
});

test('leaving My details with changes not saved asks first; Save keeps them, Don\'t save drops them', async () => {
  const bob = pages.bob;
  await typeInto(bob, 'Phone', '0612 345 678');
  await click(bob, 'button', 'Back');
  await findWidget(bob, 'text', 'You have changes that are not saved yet. Do you want to save them?');
  await bob.screenshot({ path: artifact('accounts-unsaved-question.png') });
  await click(bob, 'button', 'Save');
  await waitForState(bob, 's => s.account.screen === "contacts" && s.account.calling?.presenceKnown');

  await click(bob, 'button', 'My details');
  await typeInto(bob, 'About me', 'Woont in Utrecht');
  await click(bob, 'button', 'Back');
  await click(bob, 'button', "Don't save");
  await waitForState(bob, 's => s.account.screen === "contacts" && s.account.calling?.presenceKnown');
  await click(bob, 'button', 'My details');
  const about = await findWidget(bob, 'input', 'About me');
  assert.equal(about.value, '', 'what was not saved is gone');
  assert.equal((await findWidget(bob, 'input', 'Phone')).value, '0612 345 678');
  await click(bob, 'button', 'Back');

  await pages.anna.reload();
  await click(pages.anna, 'thumbnail', 'Bob Jansen');
  await findWidget(pages.anna, 'text', 'Phone: 0612 345 678');
});

test('an admin makes an invitation link in the client, and the new person sets a password with it', async () => {
  const anna = pages.anna;
  await click(anna, 'button', 'My details');
  await findWidget(anna, 'button', 'Make an invitation link');
  // Below the fold: reached as a keyboard user does, through the DOM mirror's fields (focus
  // scrolls the screen to them). The invitation's "Name" is the second: the first is Anna's own.
  await focusField(anna, 'Name', 1);
  await anna.keyboard.type('Cor Smit');
  await focusField(anna, 'E-mail address', 0);
  await anna.keyboard.type('cor@linde.nl');
  await anna.keyboard.press('Enter');
  const link = await findWidget(anna, 'input', 'Invitation link');
  assert.match(link.value, /\/invite#[A-Za-z0-9_-]{43}$/);
  await findWidget(anna, 'text', 'Send this link to Cor Smit. It is valid for three days and works once.');
  await anna.screenshot({ path: artifact('accounts-admin-invitation.png') });
  await anna.keyboard.press('Shift+Tab');  // focus (and the screen) back up, off the link

  const cor = await (await env.browser.newContext({ viewport: { width: 1000, height: 1000 }, locale: 'en-US' })).newPage();
  await cor.goto(link.value);
  await findWidget(cor, 'text', 'Invitation for Cor Smit');
  await typeInto(cor, 'New password', 'zeilen op het IJsselmeer');
  await typeInto(cor, 'Repeat the password', 'zeilen op het IJsselmeer');
  await click(cor, 'button', 'Set the password');
  await waitForState(cor, 's => s.account.screen === "contacts" && s.account.calling?.presenceKnown && s.account.me.name === "Cor Smit"');
  await cor.context().close();
  await pressKey(anna, 'Back');
});

test('removing a contact asks first, and the contact is gone on both sides', async () => {
  const anna = pages.anna;
  await waitForState(anna, 's => s.account.screen === "contacts" && s.account.calling?.presenceKnown');
  await click(anna, 'thumbnail', 'Bob Jansen');
  await click(anna, 'button', 'Remove from my list');
  await findWidget(anna, 'text', 'Remove Bob Jansen from your contacts?');
  await anna.screenshot({ path: artifact('accounts-remove-question.png') });
  await click(anna, 'button', 'Cancel');
  await findWidget(anna, 'button', 'Remove from my list');
  await waitForState(anna, 's => s.account.contacts?.length === 1');
  await click(anna, 'button', 'Remove from my list');
  await click(anna, 'button', 'Yes, remove');
  await waitForState(anna, 's => s.account.contacts?.length === 0');
  await pages.bob.reload();
  await waitForState(pages.bob, 's => s.account.screen === "contacts" && s.account.calling?.presenceKnown && s.account.contacts?.length === 0');
});

test('from the contacts to a call by link and back', async () => {
  const anna = pages.anna;
  await pressKey(anna, 'Call by link');
  await findWidget(anna, 'button', 'Call now');
  await click(anna, 'button', 'My contacts');
  await waitForState(anna, 's => s.account.screen === "contacts" && s.account.calling?.presenceKnown');
});

test('"Log out everywhere" ends the other sessions: the other browser is asked to log in again', async () => {
  const bob = pages.bob;
  const second = await (await env.browser.newContext({ viewport: { width: 1000, height: 900 }, locale: 'en-US' })).newPage();
  await second.goto(env.server.url);
  await click(second, 'button', 'Log in with your account');
  await typeInto(second, 'E-mail address', 'BOB@linde.nl');
  await typeInto(second, 'Password', PASSWORDS.bob);
  await second.keyboard.press('Enter');
  await waitForState(second, 's => s.account.screen === "contacts" && s.account.calling?.presenceKnown');

  await click(bob, 'button', 'My details');
  await pressKey(bob, 'Log out everywhere');
  await waitForState(bob, 's => !s.account.me && s.account.screen === "none"');
  await findWidget(bob, 'button', 'Log in with your account');

  // The other browser learns it at its next request: at the latest when its open list is loaded
  // again (every 15 s).
  await waitForState(second, 's => s.account.screen === "login" && !s.account.me', 30000);
  await findWidget(second, 'text',
    'You were logged out: not used for too long, or logged out elsewhere. Please log in again.');
  await second.context().close();
});

test('with the keyboard alone: log in, choose a contact, open My details and go back', async () => {
  const page = await (await env.browser.newContext({ viewport: { width: 1000, height: 900 }, locale: 'en-US' })).newPage();
  await page.goto(env.server.url);
  await findWidget(page, 'button', 'Log in with your account');
  await tabTo(page, 'Log in with your account');
  await page.keyboard.press('Enter');
  // The caret is in the e-mail field when the login screen appears.
  await page.waitForFunction(() => document.activeElement?.getAttribute('aria-label') === 'E-mail address');
  await page.keyboard.type('anna@linde.nl');
  await page.keyboard.press('Tab');
  await page.keyboard.type(PASSWORDS.anna);
  await page.keyboard.press('Enter');
  await waitForState(page, 's => s.account.screen === "contacts" && s.account.calling?.presenceKnown');
  // Her list is empty (she removed Bob): "New contact" opens the search with the caret in it; a
  // request goes to Cor.
  await tabTo(page, 'New contact');
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => document.activeElement?.getAttribute('aria-label') === 'Name or e-mail address');
  await page.keyboard.type('cor');
  await page.keyboard.press('Enter');
  await tabTo(page, 'Send a contact request');
  await page.keyboard.press('Enter');
  await findWidget(page, 'text', 'Request sent. Cor Smit will see it on their next visit.');
  await tabTo(page, 'My details');
  await page.keyboard.press('Enter');
  await waitForState(page, 's => s.account.screen === "my-details"');
  await tabTo(page, 'Back');
  await page.keyboard.press('Enter');
  await waitForState(page, 's => s.account.screen === "contacts" && s.account.calling?.presenceKnown');
  await page.context().close();
});

test('Firefox logs in over the same cookie session and shows the contacts with their photos', async () => {
  const firefox = await launchFirefox();
  try {
    const fox = await firefox.newPage();
    await fox.setViewport({ width: 900, height: 800 });
    await fox.goto(env.server.url);
    await click(fox, 'button', 'Log in with your account');
    await click(fox, 'input', 'E-mail address');
    await fox.keyboard.type('cor@linde.nl');
    await click(fox, 'input', 'Password');
    await fox.keyboard.type('zeilen op het IJsselmeer');
    await fox.keyboard.press('Enter');
    await waitForFirefoxState(fox, 's => s.account.screen === "contacts" && s.account.calling?.presenceKnown && s.account.me?.name === "Cor Smit"', 20000);
    // The session survives a reload: the cookie was kept.
    await fox.reload();
    await waitForFirefoxState(fox, 's => s.account.screen === "contacts" && s.account.calling?.presenceKnown', 20000);
  } finally {
    await firefox.close();
  }
});
