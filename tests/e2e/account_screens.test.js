// The account screens (login, contacts with a contact chosen, my details) in Dutch, German and
// English, on a laptop window and on a phone: their own words, every control inside the window,
// none overlapping another, big enough for a finger on the phone; a list longer than a page gets
// page arrows. Screenshots of each are kept to be looked at.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launchChromium, waitForState } from './lib/browser.js';
import { addUser, api, personWithPassword, startAccountsServer, stopAccountsServer, uploadPhoto } from './lib/accounts.js';
import { artifact } from './lib/setup.js';
import { click, findWidget, widgets } from './lib/ui.js';

const env = { accounts: null, browser: null, anna: null };
const PASSWORD = 'een lange zin als wachtwoord';
const NAMES = ['Bram Bakker', 'Cor de Groot', 'Dina Visser', 'Eva Smit', 'Femke Meijer', 'Gert Mulder', 'Hanna de Boer',
  'Ingrid Dekker', 'Jan van Dijk'];

const LAPTOP = { viewport: { width: 1000, height: 700 } };
const PHONE = { viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true };
const WORDS = {
  'nl-NL': { contacts: 'Mijn contactenlijst', details: 'Mijn gegevens', login: 'Inloggen', save: 'Bewaar', next: 'Volgende pagina' },
  'de-DE': { contacts: 'Meine Kontaktliste', details: 'Meine Daten', login: 'Anmelden', save: 'Speichern', next: 'Nächste Seite' },
  'en-US': { contacts: 'My contacts', details: 'My details', login: 'Log in', save: 'Save', next: 'Next page' },
};

before(async () => {
  env.accounts = await startAccountsServer();
  env.browser = await launchChromium();
  const annaLink = addUser(env.accounts, 'anna@linde.nl', 'Anna de Vries', ['--admin']);
  env.anna = await personWithPassword(env.browser, env.accounts, annaLink, PASSWORD);
  await uploadPhoto(env.anna.page, [60, 120, 90]);
  // Nine contacts (more than a laptop's page of eight), most with a photo; one more asks Anna.
  for (const [i, name] of NAMES.entries()) {
    const link = addUser(env.accounts, `${name.split(' ')[0].toLowerCase()}@linde.nl`, name);
    const p = await personWithPassword(env.browser, env.accounts, link, PASSWORD);
    if (i % 3 !== 2) await uploadPhoto(p.page, [40 + 20 * i, 90, 200 - 15 * i]);
    assert.equal((await api(p.page, 'POST', '/api/contacts/request', { account_id: env.anna.id })).status, 200);
    assert.equal((await api(env.anna.page, 'POST', '/api/contacts/answer', { account_id: p.id, accept: true })).status, 200);
    await p.context.close();
  }
  const kees = await personWithPassword(env.browser, env.accounts, addUser(env.accounts, 'kees@linde.nl', 'Kees Bos'), PASSWORD);
  await api(kees.page, 'POST', '/api/contacts/request', { account_id: env.anna.id });
  await kees.context.close();
});

after(async () => {
  await env.browser?.close();
  await stopAccountsServer(env.accounts);
});

function overlaps(a, b) {
  return a.x < b.x + b.w - 0.5 && b.x < a.x + a.w - 0.5 && a.y < b.y + b.h - 0.5 && b.y < a.y + a.h - 0.5;
}

// Controls (not texts) inside the window's width, apart from each other, and on a phone buttons
// and photos at least 44 px both ways (as the room's phone test asks).
async function checkLayout(page, device, what) {
  const width = device.viewport.width;
  const controls = (await widgets(page)).filter((w) => w.role !== 'text');
  for (const w of controls) {
    assert.ok(w.rect.x >= 0 && w.rect.x + w.rect.w <= width + 0.5, `${what}: ${w.label} lies outside the window`);
    if (device.isMobile && w.role !== 'input') assert.ok(w.rect.w >= 44 && w.rect.h >= 44, `${what}: ${w.label} is too small for a finger`);
    for (const other of controls)
      if (other !== w) assert.ok(!overlaps(w.rect, other.rect), `${what}: ${w.label} overlaps ${other.label}`);
  }
}

// Scrolls the screen down by a window's height (up for a negative count), for a screenshot of what
// lies below and back (only pictures to look at depend on where it stops).
async function scrollDown(page, device, screens = 1) {
  const { width, height } = device.viewport;
  if (device.isMobile) {  // a finger dragged up the screen (a phone has no wheel), from its left margin
    const cdp = await page.context().newCDPSession(page);
    const touch = (type, y) => cdp.send('Input.dispatchTouchEvent', { type, touchPoints: type === 'touchEnd' ? [] : [{ x: 8, y }] });
    const distance = 0.8 * height * Math.sign(screens), from = distance > 0 ? height * 0.9 : height * 0.1;
    for (let drag = 0; drag < Math.abs(screens); ++drag) {
      await touch('touchStart', from);
      for (let step = 1; step <= 10; ++step) await touch('touchMove', from - (step * distance) / 10);
      await touch('touchEnd', from - distance);
    }
    await cdp.detach();
  } else {
    await page.mouse.move(width / 2, height / 2);
    await page.mouse.wheel(0, height * screens);
  }
  await page.waitForTimeout(300);
}

for (const [locale, words] of Object.entries(WORDS)) {
  for (const [deviceName, device] of [['laptop', LAPTOP], ['phone', PHONE]]) {
    test(`the account screens in ${locale} on a ${deviceName}`, async () => {
      const name = `${locale}-${deviceName}`;
      // The login screen, as someone not logged in sees it.
      const stranger = await (await env.browser.newContext({ ...device, locale })).newPage();
      await stranger.goto(env.accounts.server.url);
      await click(stranger, 'button', { 'nl-NL': 'Inloggen met uw account', 'de-DE': 'Mit Ihrem Konto anmelden',
        'en-US': 'Log in with your account' }[locale]);
      await findWidget(stranger, 'button', words.login);
      await checkLayout(stranger, device, 'login');
      await stranger.screenshot({ path: artifact(`accounts-login-${name}.png`) });
      await stranger.context().close();

      // Anna's contacts: the cookie of her session, in a window of this size and language.
      const context = await env.browser.newContext({ ...device, locale, storageState: await env.anna.context.storageState() });
      const page = await context.newPage();
      await page.goto(env.accounts.server.url);
      // The list as it stays: all nine, and who of them is online (the line has said).
      await waitForState(page, 's => s.account.screen === "contacts" && s.account.contacts?.length === 9 && s.account.calling?.presenceKnown');
      await findWidget(page, 'text', words.contacts);
      await findWidget(page, 'button', words.next);
      await checkLayout(page, device, 'contacts');
      await page.screenshot({ path: artifact(`accounts-contacts-${name}.png`) });
      await click(page, 'thumbnail', 'Bram Bakker');
      await findWidget(page, 'text', { 'nl-NL': 'E-mailadres: bram@linde.nl', 'de-DE': 'E-Mail-Adresse: bram@linde.nl',
        'en-US': 'E-mail address: bram@linde.nl' }[locale]);
      await checkLayout(page, device, 'contact chosen');
      await scrollDown(page, device);
      await page.screenshot({ path: artifact(`accounts-contact-chosen-${name}.png`) });

      await scrollDown(page, device, -3);
      await click(page, 'button', words.details);
      await findWidget(page, 'button', words.save);
      await waitForState(page, 's => s.account.screen === "my-details"');
      await checkLayout(page, device, 'my details');
      await page.screenshot({ path: artifact(`accounts-details-${name}.png`) });
      await scrollDown(page, device);
      await page.screenshot({ path: artifact(`accounts-details-lower-${name}.png`) });
      await context.close();
    });
  }
}
