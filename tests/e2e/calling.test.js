// Calling a contact end to end, in separate browsers with their own sessions: Anna sees which of
// her contacts are online (within 2 s of a login, a call, a closed tab), chooses Bob's photo and
// presses "Start video call"; Bob's screen rings with her name, he answers, and both see each
// other's video in the ring's private room. Then the ways a ring ends without a call, each told
// on both sides: declined, not answered in time (the bar runs out), stopped by the caller.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launchChromium, waitForState } from './lib/browser.js';
import { smallFakeVideo } from './lib/fake_video.js';
import { addUser, api, openContacts as openContactsOf, personWithPassword, startAccountsServer, stopAccountsServer } from './lib/accounts.js';
import { artifact } from './lib/setup.js';
import { click, findWidget, widgets } from './lib/ui.js';

const env = {};
const PASSWORD = 'koffie met een koekje';
const RING_SECONDS = 8;  // the server's --ring-seconds: the timeout path without a long wait

before(async () => {
  Object.assign(env, await startAccountsServer(['--ring-seconds', String(RING_SECONDS)]));
  env.browser = await launchChromium([`--use-file-for-fake-video-capture=${smallFakeVideo()}`]);
  const enrol = (email, name) => personWithPassword(env.browser, env, addUser(env, email, name), PASSWORD,
    { locale: 'en-US', viewport: { width: 1000, height: 760 } });
  env.anna = await enrol('anna@linde.nl', 'Anna de Vries');
  env.bob = await enrol('bob@linde.nl', 'Bob Jansen');
  env.cor = await enrol('cor@linde.nl', 'Cor Smit');
  env.dirk = await enrol('dirk@linde.nl', 'Dirk Bakker');  // of De Linde, no contact of Anna's
  for (const other of [env.bob, env.cor]) {
    assert.equal((await api(env.anna.page, 'POST', '/api/contacts/request', { account_id: other.id })).status, 200);
    assert.equal((await api(other.page, 'POST', '/api/contacts/answer', { account_id: env.anna.id, accept: true })).status, 200);
  }
});

after(async () => {
  await env.browser?.close();
  await stopAccountsServer(env);
});

const openContacts = (person) => openContactsOf(env, person);

// "OK" under how a ring ended; the sentence goes and what was below it moves up.
async function dismiss(page, sentence) {
  await click(page, 'button', 'OK');
  await page.waitForFunction((t) => !window.treff.ui().some((w) => w.label === t), sentence);
}

const presenceOf = (person) => `s.account.calling.presence[${JSON.stringify(String(person.id))}]`;

test('presence: a login, a call and a closed tab each show on the contact list within 2 s', async () => {
  const anna = await openContacts(env.anna);
  assert.equal((await waitForState(anna, 's => s.account.calling.presenceKnown')).account.calling.presence[env.bob.id], 'offline');
  const bobPage = await env.bob.context.newPage();
  await bobPage.goto(`${env.server.url}/`);
  await waitForState(bobPage, 's => s.account.calling?.connected', 30000);
  await waitForState(anna, `s => ${presenceOf(env.bob)} === "online"`, 2000);
  // On Anna's screen: Bob under "Online now", to be chosen, and marked online in the full list.
  const choice = await findWidget(anna, 'checkbox', 'Bob Jansen');
  assert.match(choice.detail, /online/);
  assert.ok((await widgets(anna)).some((w) => w.role === 'thumbnail' && w.label === 'Bob Jansen' && /online/.test(w.detail ?? '')));
  await anna.screenshot({ path: artifact('calling-online-now.png') });

  await bobPage.close();  // the tab is closed
  await waitForState(anna, `s => ${presenceOf(env.bob)} === "offline"`, 2000);
  await findWidget(anna, 'text', 'None of your contacts is online right now.');

  // Cor logs in on the login screen, and out with "Log out".
  const corContext = await env.browser.newContext({ locale: 'en-US', viewport: { width: 1000, height: 760 } });
  const corPage = await corContext.newPage();
  await corPage.goto(`${env.server.url}/`);
  await click(corPage, 'button', 'Log in with your account');
  await click(corPage, 'input', 'E-mail address');
  await corPage.keyboard.type('cor@linde.nl');
  await click(corPage, 'input', 'Password');
  await corPage.keyboard.type(PASSWORD);
  await corPage.keyboard.press('Enter');
  await waitForState(corPage, 's => s.account.calling?.connected', 30000);
  await waitForState(anna, `s => ${presenceOf(env.cor)} === "online"`, 2000);
  await click(corPage, 'button', 'Log out');
  await waitForState(corPage, 's => !s.account.me', 10000);
  await waitForState(anna, `s => ${presenceOf(env.cor)} === "offline"`, 2000);
  await corContext.close();
  await anna.close();
});

test('Bob on two devices: both ring, and answering on one stops the other', async () => {
  const anna = await openContacts(env.anna);
  const bob = await openContacts(env.bob);
  const bobPhone = await openContacts(env.bob);  // the same account in a second tab
  await waitForState(anna, `s => ${presenceOf(env.bob)} === "online"`, 2000);
  await click(anna, 'checkbox', 'Bob Jansen');
  await click(anna, 'button', 'Start video call');
  await findWidget(bob, 'text', 'Anna de Vries is calling you', 20000);
  await findWidget(bobPhone, 'text', 'Anna de Vries is calling you', 5000);
  await click(bobPhone, 'button', 'Answer');
  await findWidget(bob, 'text', 'You answered the call on another device.', 5000);
  assert.ok(await bob.evaluate(() => !document.getElementById('treff-ring-tone') || document.getElementById('treff-ring-tone').paused));
  await waitForState(bobPhone, 's => s.participants.some(p => p.name === "Anna de Vries" && p.videoFrames > 3)', 20000);
  await click(anna, 'button', 'Leave');
  await click(bobPhone, 'button', 'Leave');
  await waitForState(anna, 's => s.account.screen === "contacts"', 10000);
  for (const page of [anna, bob, bobPhone]) await page.close();
});

test('Anna rings Bob: his screen rings with her name, he answers, and both see each other', async () => {
  const anna = await openContacts(env.anna);
  const bob = await openContacts(env.bob);
  await waitForState(anna, `s => ${presenceOf(env.bob)} === "online"`, 2000);
  await click(anna, 'checkbox', 'Bob Jansen');
  await anna.waitForFunction(() => window.treff.ui().some((w) => w.role === 'checkbox' && w.label === 'Bob Jansen' && w.checked));
  await click(anna, 'button', 'Start video call');

  // The caller waits in the call with the bar; the callee's screen rings.
  await waitForState(anna, 's => s.phase === "in-room" && s.account.calling.ringCall', 20000);
  await findWidget(anna, 'text', 'Calling Bob Jansen…', 5000);
  await findWidget(anna, 'button', 'Stop');
  await waitForState(anna, `s => ${presenceOf(env.bob)} === "online"`);
  await findWidget(bob, 'text', 'Anna de Vries is calling you', 5000);
  await anna.screenshot({ path: artifact('calling-caller-bar.png') });
  await bob.screenshot({ path: artifact('calling-ringing.png') });
  // Bob hears it: the ring tone plays (its time goes on), and the page title blinks with her name.
  await bob.waitForFunction(() => {
    const tone = document.getElementById('treff-ring-tone');
    return tone && !tone.paused && tone.currentTime > 0.2;
  }, null, { timeout: 5000 });
  await bob.waitForFunction(() => document.title === 'Anna de Vries is calling you', null, { timeout: 3000 });

  await click(bob, 'button', 'Answer');
  for (const [page, other] of [[anna, 'Bob Jansen'], [bob, 'Anna de Vries']]) {
    await waitForState(page, `s => s.phase === "in-room" && s.participants.some(p => p.name === ${JSON.stringify(other)} && p.videoFrames > 3)`, 20000);
  }
  // Answered: the bar is gone, the tone stopped, the title is the page's again; both are "in a
  // call" for their other contacts.
  assert.ok(!(await widgets(anna)).some((w) => w.label === 'Stop'));
  assert.ok(await bob.evaluate(() => document.getElementById('treff-ring-tone').paused));
  assert.notEqual(await bob.evaluate(() => document.title), 'Anna de Vries is calling you');
  const cor = await openContacts(env.cor);
  await waitForState(cor, `s => ${presenceOf(env.anna)} === "in-call"`, 2000);
  await anna.screenshot({ path: artifact('calling-in-call.png') });

  // Leaving the call goes back to the contacts, not to "Rejoin".
  await click(bob, 'button', 'Leave');
  await waitForState(bob, 's => s.account.screen === "contacts"', 10000);
  for (const page of [anna, bob, cor]) await page.close();
});

test('Anna rings Bob and Cor: Bob declines, the bar rings on for Cor, Cor answers', async () => {
  const [anna, bob, cor] = [await openContacts(env.anna), await openContacts(env.bob), await openContacts(env.cor)];
  await waitForState(anna, `s => ${presenceOf(env.bob)} === "online" && ${presenceOf(env.cor)} === "online"`, 2000);
  await click(anna, 'checkbox', 'Bob Jansen');
  await click(anna, 'checkbox', 'Cor Smit');
  await anna.waitForFunction(() => window.treff.ui().filter((w) => w.role === 'checkbox' && w.checked).length === 2);
  await click(anna, 'button', 'Start video call');
  await findWidget(anna, 'text', 'Calling Bob Jansen and Cor Smit…', 20000);
  await findWidget(bob, 'text', 'Anna de Vries is calling you', 5000);
  await findWidget(cor, 'text', 'Anna de Vries is calling you', 5000);

  await click(bob, 'button', 'Decline');
  await waitForState(bob, 's => s.account.screen === "contacts" && !s.account.calling.incoming', 5000);
  await findWidget(anna, 'text', 'Calling Cor Smit…', 5000);
  await click(cor, 'button', 'Answer');
  await waitForState(anna, 's => s.participants.some(p => p.name === "Cor Smit" && p.videoFrames > 3)', 20000);
  await waitForState(cor, 's => s.participants.some(p => p.name === "Anna de Vries" && p.videoFrames > 3)', 20000);
  const s = await waitForState(anna, 's => s.account.calling.outgoing?.over');
  assert.deepEqual(s.account.calling.outgoing.callees.map((c) => c.state), ['declined', 'answered']);
  assert.equal(s.account.calling.outcome, '', 'someone answered: nothing to regret');
  await click(anna, 'button', 'Leave');
  await click(cor, 'button', 'Leave');
  await waitForState(anna, 's => s.account.screen === "contacts"', 10000);
  for (const page of [anna, bob, cor]) await page.close();
});

test('a ring nobody answers ends on both sides when its bar runs out; a declined one and a stopped one are said too', async () => {
  const anna = await openContacts(env.anna);
  const bob = await openContacts(env.bob);
  await waitForState(anna, `s => ${presenceOf(env.bob)} === "online"`, 2000);
  await click(anna, 'checkbox', 'Bob Jansen');
  await click(anna, 'button', 'Call with sound only');
  await findWidget(bob, 'text', 'Sound only, no video', 20000);
  // The bar at its end: the last second.
  await findWidget(anna, 'text', '1 second left to answer', RING_SECONDS * 1000 + 5000);
  await anna.screenshot({ path: artifact('calling-bar-at-its-end.png') });
  await findWidget(anna, 'text', 'Bob Jansen did not answer.', 5000);
  await findWidget(bob, 'text', 'You missed a call from Anna de Vries.', 5000);
  const after = await waitForState(anna, 's => s.account.screen === "contacts" && s.phase !== "in-room"', 10000);
  assert.equal(after.account.calling.outcome, 'not-answered');
  await dismiss(anna, 'Bob Jansen did not answer.');
  await dismiss(bob, 'You missed a call from Anna de Vries.');

  // Declined: said on the caller's side.
  await click(anna, 'checkbox', 'Bob Jansen');
  await click(anna, 'button', 'Start video call');
  await click(bob, 'button', 'Decline');
  await findWidget(anna, 'text', 'Bob Jansen declined the call.', 10000);
  await waitForState(anna, 's => s.account.screen === "contacts"', 10000);
  await dismiss(anna, 'Bob Jansen declined the call.');

  // Stopped by the caller: said on the callee's side.
  await click(anna, 'checkbox', 'Bob Jansen');
  await click(anna, 'button', 'Start video call');
  await findWidget(bob, 'text', 'Anna de Vries is calling you', 10000);
  await findWidget(anna, 'button', 'Stop', 10000);
  await click(anna, 'button', 'Stop');
  await findWidget(bob, 'text', 'Anna de Vries hung up.', 5000);
  await waitForState(anna, 's => s.account.screen === "contacts" && !s.account.calling.outgoing', 10000);
  for (const page of [anna, bob]) await page.close();
});

test('the ring on both screens in Dutch, German and English, on a laptop and a phone', async () => {
  const TEXTS = {
    Nederlands: { start: 'Start beeldcontact', ringing: 'Anna de Vries belt u', calling: 'U belt Bob Jansen…', stop: 'Stop', answer: 'Opnemen' },
    Deutsch: { start: 'Videoanruf starten', ringing: 'Anna de Vries ruft Sie an', calling: 'Sie rufen Bob Jansen an…', stop: 'Auflegen', answer: 'Annehmen' },
    English: { start: 'Start video call', ringing: 'Anna de Vries is calling you', calling: 'Calling Bob Jansen…', stop: 'Stop', answer: 'Answer' },
  };
  const anna = await openContacts(env.anna);
  const bob = await openContacts(env.bob);
  for (const [size, viewport] of [['laptop', { width: 1000, height: 760 }], ['phone', { width: 390, height: 844 }]]) {
    for (const page of [anna, bob]) await page.setViewportSize(viewport);
    for (const [language, t] of Object.entries(TEXTS)) {
      for (const page of [anna, bob]) await click(page, 'button', language);
      await waitForState(anna, `s => ${presenceOf(env.bob)} === "online"`, 5000);
      await findWidget(anna, 'button', t.start);
      await click(anna, 'checkbox', 'Bob Jansen');
      await anna.waitForFunction(() => window.treff.ui().some((w) => w.role === 'checkbox' && w.checked));
      await anna.screenshot({ path: artifact(`calling-${size}-${language}-chosen.png`) });
      await click(anna, 'button', t.start);
      await findWidget(anna, 'text', t.calling, 20000);
      await findWidget(bob, 'text', t.ringing, 10000);
      const answer = await findWidget(bob, 'button', t.answer);
      assert.ok(answer.rect.x >= 0 && answer.rect.x + answer.rect.w <= viewport.width, `${size} ${language}: "${t.answer}" fits`);
      await anna.screenshot({ path: artifact(`calling-${size}-${language}-caller.png`) });
      await bob.screenshot({ path: artifact(`calling-${size}-${language}-ringing.png`) });
      await click(anna, 'button', t.stop);
      await waitForState(anna, 's => s.account.screen === "contacts" && !s.account.calling.outgoing', 10000);
      await waitForState(bob, 's => !s.account.calling.incoming', 5000);
      await bob.waitForFunction(() => window.treff.ui().some((w) => w.label === 'OK'));
      await click(bob, 'button', 'OK');
    }
  }
  for (const page of [anna, bob]) await page.close();
});

test('from inside a locked room Anna rings Dirk, of her organisation but not her contact: he answers and joins that room', async () => {
  // Anna, logged in, is in a room by its link, and locks it; Dirk has his contact list open.
  const anna = await env.anna.context.newPage();
  await anna.goto(`${env.server.url}/r/e2e-koffie`);
  await click(anna, 'input', 'Your name');
  await anna.keyboard.press('Control+A');  // the name used last in this browser may be there already
  await anna.keyboard.type('Anna de Vries');
  await anna.keyboard.press('Enter');
  await waitForState(anna, 's => s.phase === "in-room"', 20000);
  assert.equal((await waitForState(anna, 's => s.participants.length === 1')).participants[0].name, 'Anna de Vries');
  await click(anna, 'button', 'Room');
  await click(anna, 'input', 'Room password');
  await anna.keyboard.type('koffie en koek');
  await click(anna, 'button', 'Lock the room');
  await findWidget(anna, 'button', 'Room (locked)');
  const dirk = await openContacts(env.dirk);

  // The room menu lists the organisation, online first: Dirk and Bob's offline state as well.
  await findWidget(anna, 'text', 'Call someone from your organisation');
  await waitForState(anna, `s => ${presenceOf(env.dirk)} === "online"`, 5000);
  const dirkRow = await findWidget(anna, 'button', 'Dirk Bakker (online)', 5000);
  const rows = (await widgets(anna)).filter((w) => w.role === 'button' && /^(Bob Jansen|Cor Smit|Dirk Bakker) \(/.test(w.label));
  assert.equal(rows[0].label, 'Dirk Bakker (online)', rows.map((w) => w.label).join(' | '));
  assert.ok(rows.some((w) => w.label === 'Bob Jansen (offline)' && w.disabled), rows.map((w) => w.label).join(' | '));
  assert.ok(dirkRow);
  await anna.screenshot({ path: artifact('calling-room-colleagues.png') });
  await click(anna, 'button', 'Dirk Bakker (online)');

  // Anna stays where she is, under the bar; Dirk's screen rings with her name.
  await findWidget(anna, 'text', 'Calling Dirk Bakker…', 5000);
  await findWidget(dirk, 'text', 'Anna de Vries is calling you', 5000);
  assert.equal((await waitForState(anna, 's => s.phase === "in-room"')).room, 'e2e-koffie');
  await dirk.screenshot({ path: artifact('calling-room-invite-ringing.png') });
  await click(dirk, 'button', 'Answer');
  // He comes into that room, locked as it is, without its password; both see each other.
  for (const [page, other] of [[anna, 'Dirk Bakker'], [dirk, 'Anna de Vries']]) {
    await waitForState(page, `s => s.phase === "in-room" && s.room === "e2e-koffie" && s.participants.some(p => p.name === ${JSON.stringify(other)} && p.videoFrames > 3)`, 20000);
  }
  assert.ok(!(await widgets(anna)).some((w) => w.label === 'Stop'), 'answered: the bar is gone');
  await click(dirk, 'button', 'Leave');
  await waitForState(dirk, 's => s.account.screen === "contacts"', 10000);  // a call from a ring ends on the contacts
  await click(anna, 'button', 'Leave');
  for (const page of [anna, dirk]) await page.close();
});
