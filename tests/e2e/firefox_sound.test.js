// Treff's own sound features in Debian's firefox-esr (puppeteer-core over WebDriver BiDi): the
// microphone test plays back what Firefox's fake microphone gave, a call recording made in Firefox
// downloads under its .opus name and decodes, and a Firefox that has no sound output at all (its
// Web Audio never starts) is told so instead of "your microphone is muted".
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { launchChromium, waitForState } from './lib/browser.js';
import { launchFirefox, waitForFirefoxState } from './lib/firefox.js';
import { smallFakeVideo } from './lib/fake_video.js';
import { assertHeardBack } from './lib/mic_test_result.js';
import { ARTIFACTS, artifact } from './lib/setup.js';
import { startServer, stopServer } from './lib/server.js';
import { startSoundOutput } from './lib/sound_output.js';
import { click, findWidget, joinByLink } from './lib/ui.js';

let server, sound;

before(async () => {
  fs.mkdirSync(ARTIFACTS, { recursive: true });
  server = await startServer();
  sound = await startSoundOutput();
});

after(async () => {
  await sound?.stop();
  if (server) await stopServer(server);
});

// Downloads go straight into `folder`, without asking.
const downloadsTo = (folder) => ({
  'browser.download.folderList': 2,
  'browser.download.dir': folder,
  'browser.download.useDownloadDir': true,
  'browser.download.always_ask_before_handling_new_types': false,
});

async function firefoxPage(browser, url) {
  const page = await browser.newPage();
  await page.setViewport({ width: 900, height: 640 });
  await page.goto(url);
  return page;
}

const micTestOver = 's => ["heard", "nothing-heard", "failed"].includes(s.micTest.phase)';

test('Firefox: the microphone test plays back what the microphone gave', async () => {
  const firefox = await launchFirefox({ env: sound.env });
  try {
    const page = await firefoxPage(firefox, `${server.url}/r/e2e-fox-mic`);
    // Firefox's fake microphone is a steady 1 kHz tone; the meter moves with it.
    await waitForFirefoxState(page, 's => s.local.audio && s.preview.level > 0.05', 15000);
    await click(page, 'button', 'Test microphone');
    await findWidget(page, 'text', 'Say something: recording three seconds…');
    assertHeardBack((await waitForFirefoxState(page, micTestOver, 20000)).micTest, 'Firefox ');
    await findWidget(page, 'text', 'That is how you sound to the others. Heard nothing? Check that your speaker is on.');
    await page.screenshot({ path: artifact('firefox-mic-test-heard.png') });
  } finally {
    await firefox.close();
  }
});

test('Firefox: a call recording downloads as treff-<room>-<time>.opus and decodes to what was recorded', async () => {
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'treff-fox-downloads-'));
  const firefox = await launchFirefox({ env: sound.env, prefs: downloadsTo(folder) });
  const chromium = await launchChromium([`--use-file-for-fake-video-capture=${smallFakeVideo()}`]);
  try {
    const fritz = await firefox.newPage();
    await fritz.setViewport({ width: 900, height: 640 });
    await joinByLink(fritz, `${server.url}/r/e2e-fox-rec`, 'Fritz');
    const chris = await (await chromium.newContext({ viewport: { width: 900, height: 640 }, locale: 'en-US' })).newPage();
    await joinByLink(chris, `${server.url}/r/e2e-fox-rec`, 'Chris');
    await waitForFirefoxState(fritz, 's => s.phase === "in-room" && s.participants.length === 2', 30000);

    await click(fritz, 'button', 'Room');
    await click(fritz, 'button', 'Record this call');
    await waitForFirefoxState(fritz, 's => s.recording.phase === "recording"', 5000);
    await waitForState(chris, 's => s.recording.by.includes("Fritz")', 5000);
    await findWidget(chris, 'text', 'Fritz is recording this call.');
    await waitForFirefoxState(fritz, 's => s.recording.seconds > 3', 15000);
    await click(fritz, 'button', 'Stop recording');
    const r = (await waitForFirefoxState(fritz, 's => s.recording.phase === "saved" || s.recording.phase === "failed"', 15000)).recording;
    assert.equal(r.phase, 'saved', r.error);
    assert.match(r.file, /^treff-e2e-fox-rec-\d{4}-\d{2}-\d{2}-\d{4}\.opus$/);
    await waitForState(chris, 's => s.recording.by.length === 0', 5000);

    // Firefox writes the download under a temporary name first: wait for the finished file.
    const file = path.join(folder, r.file);
    const deadline = Date.now() + 10000;
    while (!(fs.existsSync(file) && fs.statSync(file).size === r.bytes) && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    assert.deepEqual(fs.readdirSync(folder), [r.file], 'downloaded under its own name');
    assert.equal(fs.statSync(file).size, r.bytes);
    execFileSync('opusinfo', [file]);
    execFileSync('opusdec', ['--quiet', file, `${file}.wav`]);
    const wav = fs.readFileSync(`${file}.wav`);
    const seconds = (wav.length - (wav.indexOf('data') + 8)) / 2 / wav.readUInt16LE(22) / wav.readUInt32LE(24);
    console.log(`# Firefox recording: ${seconds.toFixed(2)} s decoded (${r.seconds.toFixed(2)} s recorded), ${r.bytes} bytes`);
    assert.ok(Math.abs(seconds - r.seconds) < 0.1, `${seconds} s decoded of ${r.seconds} s recorded`);
  } finally {
    await Promise.all([firefox.close(), chromium.close()]);
    fs.rmSync(folder, { recursive: true, force: true });
  }
});

test('Firefox without any sound output: the microphone test says so, not "muted"', async () => {
  // No PulseAudio to reach (a named server that is not there, so none is started on demand either)
  // and no other backend tried: Firefox's Web Audio never starts, as on a computer with no
  // speaker, headset or sound card.
  const nowhere = fs.mkdtempSync(path.join(os.tmpdir(), 'treff-no-sound-'));
  const env = { XDG_RUNTIME_DIR: nowhere, HOME: nowhere, PULSE_SERVER: `unix:${path.join(nowhere, 'no-server')}` };
  const firefox = await launchFirefox({ env, prefs: { 'media.cubeb.backend': 'pulse' } });
  try {
    const page = await firefoxPage(firefox, `${server.url}/r/e2e-fox-mute`);
    await waitForFirefoxState(page, 's => s.local.audio', 15000);
    await click(page, 'button', 'Test microphone');
    const t = (await waitForFirefoxState(page, micTestOver, 20000)).micTest;
    assert.equal(t.phase, 'failed');
    assert.equal(t.error, 'sound-stalled');
    await findWidget(page, 'text', 'Your browser passed on no sound at all. Is a speaker or headset connected? Connect one and reload the page.');
    await page.screenshot({ path: artifact('firefox-mic-test-no-output.png') });
  } finally {
    await firefox.close();
    fs.rmSync(nowhere, { recursive: true, force: true });
  }
});
