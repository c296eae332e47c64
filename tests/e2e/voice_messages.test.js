// A voice message end to end: Anna rings Bob, he declines; she presses "Leave Bob Jansen a
// message", speaks (the fake microphone's tone) and sends it. It is recorded in her browser as Ogg
// Opus (Treff's encoder in the audio worker), checked again by the server, and shows in Bob's list,
// where he plays it (Treff's reader and decoder) and deletes it.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launchChromium, waitForState } from './lib/browser.js';
import { fakeSound } from './lib/fake_sound.js';
import { smallFakeVideo } from './lib/fake_video.js';
import { addUser, api, openContacts as openContactsOf, personWithPassword, startAccountsServer, stopAccountsServer } from './lib/accounts.js';
import { artifact } from './lib/setup.js';
import { click, findWidget } from './lib/ui.js';

const env = {};
const PASSWORD = 'koffie met een koekje';

before(async () => {
  Object.assign(env, await startAccountsServer([]));
  env.browser = await launchChromium([`--use-file-for-fake-video-capture=${smallFakeVideo()}`,
    `--use-file-for-fake-audio-capture=${fakeSound('voice-message', { amplitude: 0.3, hz: 330 })}`]);
  const enrol = (email, name) => personWithPassword(env.browser, env, addUser(env, email, name), PASSWORD,
    { locale: 'en-US', viewport: { width: 1000, height: 900 } });
  env.anna = await enrol('anna@linde.nl', 'Anna de Vries');
  env.bob = await enrol('bob@linde.nl', 'Bob Jansen');
  assert.equal((await api(env.anna.page, 'POST', '/api/contacts/request', { account_id: env.bob.id })).status, 200);
  assert.equal((await api(env.bob.page, 'POST', '/api/contacts/answer', { account_id: env.anna.id, accept: true })).status, 200);
});

after(async () => {
  await env.browser?.close();
  await stopAccountsServer(env);
});

const openContacts = (person) => openContactsOf(env, person);

test('a message left for a contact who declined is listed, played and deleted on his side', async () => {
  const anna = await openContacts(env.anna);
  const bob = await openContacts(env.bob);
  await waitForState(anna, `s => s.account.calling.presence[${JSON.stringify(String(env.bob.id))}] === "online"`, 5000);
  await click(anna, 'checkbox', 'Bob Jansen');
  await click(anna, 'button', 'Call with sound only');
  await click(bob, 'button', 'Decline', 20000);
  await findWidget(anna, 'text', 'Bob Jansen declined the call.', 10000);
  await waitForState(anna, 's => s.account.screen === "contacts"', 10000);

  await click(anna, 'button', 'Leave Bob Jansen a message');
  await waitForState(anna, 's => s.voiceMail.phase === "recording"', 5000);
  await findWidget(anna, 'button', 'Send');
  await anna.waitForTimeout(3000);  // she speaks for three seconds
  await anna.screenshot({ path: artifact('voice-message-recording.png') });
  await click(anna, 'button', 'Send');
  const sent = await waitForState(anna, 's => s.voiceMail.phase === "sent" || s.voiceMail.phase === "failed"', 15000);
  assert.equal(sent.voiceMail.phase, 'sent', sent.voiceMail.error);
  await findWidget(anna, 'text', 'Your message for Bob Jansen was sent.');

  // On Bob's contact list within its refresh (10 s), with the length the server read from the file.
  const listed = await waitForState(bob, 's => s.voiceMail.inbox.length === 1', 15000);
  const message = listed.voiceMail.inbox[0];
  assert.equal(message.from, 'Anna de Vries');
  assert.ok(message.ms > 2500 && message.ms < 4500, `${message.ms} ms`);
  await findWidget(bob, 'text', 'Voice messages');
  await bob.screenshot({ path: artifact('voice-message-listed.png') });
  await click(bob, 'button', 'Play message from Anna de Vries');
  await waitForState(bob, `s => s.voiceMail.playing === ${message.id}`, 10000);
  await waitForState(bob, `s => s.voiceMail.played === ${message.id}`, 15000);
  assert.ok(bob.workers().some((w) => w.url().endsWith('/audio-worker.js')), 'decoded in the audio worker');

  await click(bob, 'button', 'Delete message from Anna de Vries');
  await waitForState(bob, 's => s.voiceMail.inbox.length === 0', 5000);
  const left = await api(bob, 'GET', '/api/messages');
  assert.deepEqual(left.body.messages, []);
  for (const page of [anna, bob]) await page.close();
});
