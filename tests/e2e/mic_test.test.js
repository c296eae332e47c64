// "Test microphone" on the join prompt: three seconds recorded while the meter moves, encoded with
// Treff's Opus (in the audio worker, not on the page's thread) at the call's bitrate, decoded and
// played back; a silent or refused microphone is named in plain words.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { launchChromium } from './lib/browser.js';
import { fakeSound } from './lib/fake_sound.js';
import { assertHeardBack } from './lib/mic_test_result.js';
import { smallFakeVideo } from './lib/fake_video.js';
import { waitForState } from './lib/browser.js';
import { artifact, useServerAndChromium } from './lib/setup.js';
import { click, findWidget } from './lib/ui.js';

const env = useServerAndChromium();

// A Chromium whose fake microphone plays `sound` (a WAV from fakeSound) in a loop.
const chromiumHearing = (sound) =>
  launchChromium([`--use-file-for-fake-video-capture=${smallFakeVideo()}`, `--use-file-for-fake-audio-capture=${sound}`]);

// The join prompt of `room`; `initScript` runs in the page before Treff does.
async function joinPrompt(browser, room, permissions, initScript) {
  const context = await browser.newContext({ viewport: { width: 900, height: 640 }, locale: 'en-US' });
  if (permissions) await context.grantPermissions(permissions, { origin: env.server.url });
  if (initScript) await context.addInitScript(initScript);
  const page = await context.newPage();
  await page.goto(`${env.server.url}/r/${room}`);
  return page;
}

test('the microphone test plays back what the microphone gave, encoded off the main thread', async () => {
  // A steady tone, so that what went in and what came out can be compared by their energy.
  const browser = await chromiumHearing(fakeSound('tone', { amplitude: 0.3 }));
  try {
    const page = await joinPrompt(browser, 'e2e-mic-test');
    await waitForState(page, 's => s.local.audio && s.preview.level > 0.1', 10000);
    await click(page, 'button', 'Test microphone');
    await waitForState(page, 's => s.micTest.phase === "recording"', 5000);
    await findWidget(page, 'text', 'Say something: recording three seconds…');
    assert.equal((await findWidget(page, 'button', 'Test microphone')).disabled, true, 'one test at a time');
    await page.screenshot({ path: artifact('mic-test-recording.png') });
    const s = await waitForState(page, 's => s.micTest.phase === "heard" || s.micTest.phase === "failed" || s.micTest.phase === "nothing-heard"', 20000);
    assertHeardBack(s.micTest, '');
    await findWidget(page, 'text', 'That is how you sound to the others. Heard nothing? Check that your speaker is on.');
    assert.equal((await findWidget(page, 'button', 'Test microphone')).disabled, false);
    assert.ok(page.workers().some((w) => w.url().endsWith('/audio-worker.js')), 'encoded in the audio worker');
    await page.screenshot({ path: artifact('mic-test-heard.png') });
  } finally {
    await browser.close();
  }
});

test('the playback comes out of the speaker chosen on the join prompt', async () => {
  const browser = await chromiumHearing(fakeSound('tone', { amplitude: 0.3 }));
  try {
    const page = await joinPrompt(browser, 'e2e-mic-speaker');
    await waitForState(page, 's => s.local.audio && s.preview.level > 0.1', 10000);
    // Chromium's fake outputs: the default one, then "Fake Audio Output 1" and 2.
    await click(page, 'button', 'Speaker: Fake Default Audio Output');
    await findWidget(page, 'button', 'Speaker: Fake Audio Output 1');
    const wanted = await page.evaluate(async () =>
      (await navigator.mediaDevices.enumerateDevices()).find((d) => d.label === 'Fake Audio Output 1').deviceId);
    await click(page, 'button', 'Test microphone');
    await waitForState(page, 's => s.micTest.phase === "playing"', 15000);
    // The playback's element (a stream's, not the ring tone's file) and where it plays; setSinkId
    // takes a moment to switch.
    const playback = () => page.evaluate(() => [...document.querySelectorAll('audio')].filter((a) => a.srcObject)
      .map((a) => ({ sink: a.sinkId, paused: a.paused })));
    let sinks = await playback();
    for (let i = 0; i < 20 && sinks.length === 1 && sinks[0].sink !== wanted; i++) {
      await new Promise((r) => setTimeout(r, 50));
      sinks = await playback();
    }
    assert.deepEqual(sinks, [{ sink: wanted, paused: false }], 'played through an element on the chosen speaker');
    const s = await waitForState(page, 's => s.micTest.phase === "heard" || s.micTest.phase === "failed"', 15000);
    assertHeardBack(s.micTest, 'chosen speaker: ');
    assert.deepEqual(await playback(), [], 'the element goes when it ends');
  } finally {
    await browser.close();
  }
});

test('a microphone unplugged during the test is named, nothing is played', async () => {
  const browser = await chromiumHearing(fakeSound('tone', { amplitude: 0.3 }));
  try {
    // Keeps the page's streams at hand: a fake device cannot be pulled out, so its track's "ended"
    // (what the browser fires when a device goes) is sent by hand.
    const page = await joinPrompt(browser, 'e2e-mic-unplugged', null, () => {
      const open = navigator.mediaDevices.getUserMedia.bind(navigator.mediaDevices);
      window.openedStreams = [];
      navigator.mediaDevices.getUserMedia = (c) => open(c).then((s) => { window.openedStreams.push(s); return s; });
    });
    await waitForState(page, 's => s.local.audio && s.preview.level > 0.1', 10000);
    await click(page, 'button', 'Test microphone');
    await waitForState(page, 's => s.micTest.phase === "recording"', 5000);
    await page.evaluate(() => window.openedStreams.flatMap((s) => s.getAudioTracks())
      .forEach((t) => { t.stop(); t.dispatchEvent(new Event('ended')); }));
    const s = await waitForState(page, 's => s.micTest.phase !== "recording"', 5000);
    assert.equal(s.micTest.phase, 'failed');
    assert.equal(s.micTest.error, 'microphone-ended');
    await findWidget(page, 'text', 'The microphone went away during the test. Plug it in again and try once more.');
    assert.equal(s.micTest.playedRms, 0, 'nothing played back');
  } finally {
    await browser.close();
  }
});

test('a silent microphone is named and not played back', async () => {
  const browser = await chromiumHearing(fakeSound('silence'));
  try {
    const page = await joinPrompt(browser, 'e2e-mic-silent');
    await waitForState(page, 's => s.local.audio', 10000);
    await click(page, 'button', 'Test microphone');
    const s = await waitForState(page, 's => s.micTest.phase !== "idle" && s.micTest.phase !== "recording"', 20000);
    assert.equal(s.micTest.phase, 'nothing-heard', s.micTest.error);
    assert.ok(s.micTest.recordedPeak < 0.01);
    await findWidget(page, 'text', 'We heard nothing from your microphone: is it muted?');
    await page.screenshot({ path: artifact('mic-test-silent.png') });
  } finally {
    await browser.close();
  }
});

test('a refused microphone is named, nothing is recorded', async () => {
  const strict = await launchChromium([`--use-file-for-fake-video-capture=${smallFakeVideo()}`], { fakeUi: false });
  try {
    const page = await joinPrompt(strict, 'e2e-mic-denied', ['camera']);
    await waitForState(page, 's => s.local.problem === "NotAllowedError"', 10000);
    await click(page, 'button', 'Test microphone');
    const s = await waitForState(page, 's => s.micTest.phase === "failed"', 5000);
    assert.equal(s.micTest.error, 'microphone-denied');
    await findWidget(page, 'text', 'The browser does not let Treff use the microphone. Allow it (the padlock next to the address) and reload the page.');
    assert.equal(page.workers().length, 0, 'no recording was started');
  } finally {
    await strict.close();
  }
});
