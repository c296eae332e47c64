// Before joining: the person sees their own picture and a meter moving with their microphone;
// "Nur Audio" closes the camera, joins without it (the others see the camera-off tile), and is
// still ticked on the next visit.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { waitForState } from './lib/browser.js';
import { artifact, useServerAndChromium } from './lib/setup.js';
import { click, findWidget, joinByLink } from './lib/ui.js';

const env = useServerAndChromium();
const AUDIO_ONLY = 'Nur Audio (ohne Kamera)';

// Someone already in the room, so the person joining has someone to see and hear.
async function hostIn(room, name, locale) {
  const host = await (await env.browser.newContext({ viewport: { width: 800, height: 500 }, locale })).newPage();
  await joinByLink(host, `${env.server.url}/r/${room}`, name);
  await waitForState(host, 's => s.phase === "in-room"');
  return host;
}

test('own picture and sound level before joining; audio only: camera closed, seen as off, remembered', async () => {
  const host = await hostIn('e2e-audio', 'Heike', 'de-DE');

  const page = await (await env.browser.newContext({ viewport: { width: 800, height: 560 }, locale: 'de-DE' })).newPage();
  await page.goto(`${env.server.url}/r/e2e-audio`);
  assert.equal((await findWidget(page, 'checkbox', AUDIO_ONLY)).checked, false);
  // The own camera's frames arrive and the meter moves with the fake microphone's beeps.
  await waitForState(page, 's => s.phase === "idle" && s.preview.frames > 2 && s.preview.level > 0.2');
  await findWidget(page, 'text', 'Mikrofon');
  await page.screenshot({ path: artifact('prejoin-preview.png') });
  await click(page, 'checkbox', AUDIO_ONLY);
  await page.waitForFunction((label) => window.treff.ui().some((w) => w.label === label && w.checked), AUDIO_ONLY);
  // The picture goes (the camera is closed); the microphone's meter stays.
  await waitForState(page, 's => s.preview.frames === 0 && s.local.audio && !s.local.video && s.preview.level > 0.2');
  await click(page, 'input', 'Ihr Name');
  await page.keyboard.type('Arno');
  await page.screenshot({ path: artifact('prejoin-audio-only.png') });
  await page.keyboard.press('Enter');

  const s = await waitForState(page, 's => s.phase === "in-room" && s.participants.length === 2');
  assert.deepEqual(s.local, { audio: true, video: false, problem: '' });  // by choice: no help text
  assert.equal((await findWidget(page, 'button', 'Video einschalten')).disabled, true);
  await waitForState(host, 's => s.participants.some(p => p.name === "Arno" && !p.camera && p.mic)');
  await waitForState(page, 's => s.participants.some(p => p.name === "Heike" && p.videoFrames > 0)');
  await page.screenshot({ path: artifact('prejoin-audio-only-room.png') });

  await click(page, 'button', 'Beenden');
  await waitForState(host, 's => s.participants.length === 1', 2000);
  await page.reload();
  assert.equal((await findWidget(page, 'checkbox', AUDIO_ONLY)).checked, true);
});

test('"audio only" clicked and "Join" clicked right after: joined without the camera', async () => {
  // Two clicks faster than a frame: the first one's release must count where it happened.
  const page = await (await env.browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'de-DE' })).newPage();
  await page.goto(`${env.server.url}/r/e2e-quick`);
  await click(page, 'input', 'Ihr Name');
  await page.keyboard.type('Flink');
  await click(page, 'checkbox', AUDIO_ONLY);
  await click(page, 'button', 'Teilnehmen');
  const s = await waitForState(page, 's => s.phase === "in-room"');
  assert.deepEqual(s.local, { audio: true, video: false, problem: '' }, 'the camera stays closed, as asked');
});

test('camera, microphone and speaker chosen before joining are used, and kept for next time', async () => {
  const host = await hostIn('e2e-devices', 'Hank', 'en-US');

  const page = await (await env.browser.newContext({ viewport: { width: 800, height: 600 }, locale: 'en-US' })).newPage();
  await page.goto(`${env.server.url}/r/e2e-devices`);
  // Chromium's fake devices: three microphones, three speakers, one camera (the clip).
  await click(page, 'button', 'Microphone: Fake Default Audio Input');
  await findWidget(page, 'button', 'Microphone: Fake Audio Input 1');
  await waitForState(page, 's => s.preview.level > 0.2');  // the newly opened microphone is heard
  await click(page, 'button', 'Speaker: Fake Default Audio Output');
  await findWidget(page, 'button', 'Speaker: Fake Audio Output 1');
  await page.screenshot({ path: artifact('prejoin-devices.png') });

  await page.reload();
  await findWidget(page, 'button', 'Microphone: Fake Audio Input 1');
  await findWidget(page, 'button', 'Speaker: Fake Audio Output 1');
  await click(page, 'input', 'Your name');
  await page.keyboard.type('Mira');
  await page.keyboard.press('Enter');
  await waitForState(page, 's => s.phase === "in-room" && s.participants.some(p => p.name === "Hank" && p.videoFrames > 0)');
  // Hank's sound plays on the chosen speaker.
  const sinks = await page.evaluate(async () => {
    const out = (await navigator.mediaDevices.enumerateDevices()).find((d) => d.label === 'Fake Audio Output 1');
    return { wanted: out.deviceId, remote: [...document.querySelectorAll('audio, video')].filter((v) => !v.muted).map((v) => v.sinkId) };
  });
  assert.deepEqual(sinks.remote, [sinks.wanted]);
});

test('a remembered microphone that is gone (unplugged) gives the default one, not an error', async () => {
  const page = await (await env.browser.newContext({ viewport: { width: 800, height: 600 }, locale: 'en-US' })).newPage();
  await page.goto(`${env.server.url}/r/e2e-gone`);
  await page.evaluate(() => localStorage.setItem('treff.microphone', 'a-headset-that-is-not-plugged-in'));
  await page.reload();
  await findWidget(page, 'button', 'Microphone: Fake Default Audio Input');
  const s = await waitForState(page, 's => s.preview.level > 0.2 && s.local.audio');
  assert.equal(s.local.problem, '');
});
