// Recording a call: Anna presses "Record this call" in the room menu; her browser mixes her own
// and everyone else's sound in its audio worklet and encodes it in the audio worker, while everyone
// in the room (and Dirk, who joins later, told by the server) sees that she records. Carla leaves
// mid-recording; the recording goes on. After five seconds Anna stops it and it downloads as
// treff-<room>-<date>-<time>.opus, which opusinfo accepts and opusdec decodes to five seconds.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { waitForState } from './lib/browser.js';
import { artifact, useServerAndChromium } from './lib/setup.js';
import { click, findWidget, joinByLink } from './lib/ui.js';

const env = useServerAndChromium();
const ROOM = 'e2e-rec';

async function person(name) {
  const page = await (await env.browser.newContext({ viewport: { width: 900, height: 640 }, locale: 'en-US' })).newPage();
  await joinByLink(page, `${env.server.url}/r/${ROOM}`, name);
  await waitForState(page, 's => s.phase === "in-room"', 15000);
  return page;
}

// Seconds of sound and its rms in a 16-bit mono or stereo WAV written by opusdec.
function wavStats(file) {
  const wav = fs.readFileSync(file);
  const channels = wav.readUInt16LE(22), rate = wav.readUInt32LE(24);
  const data = wav.indexOf('data') + 8;
  const samples = (wav.length - data) / 2;
  let sum = 0;
  for (let i = data; i + 1 < wav.length; i += 2) sum += (wav.readInt16LE(i) / 32768) ** 2;
  return { seconds: samples / channels / rate, rms: Math.sqrt(sum / samples) };
}

test('a 5 s recording of a 3-person call: everyone sees the mark, late joiners too, and it decodes to 5 s', async () => {
  const anna = await person('Anna');
  const bob = await person('Bob');
  const carla = await person('Carla');
  await waitForState(anna, 's => s.participants.length === 3');

  await click(anna, 'button', 'Room');
  await click(anna, 'button', 'Record this call');
  await waitForState(anna, 's => s.recording.phase === "recording"', 5000);
  for (const page of [bob, carla]) {
    await waitForState(page, 's => s.recording.by.includes("Anna")', 5000);
    await findWidget(page, 'text', 'Anna is recording this call.');
  }
  await anna.screenshot({ path: artifact('recording-anna.png') });
  await bob.screenshot({ path: artifact('recording-seen-by-bob.png') });

  const dirk = await person('Dirk');  // joins while it runs: the server tells him
  await waitForState(dirk, 's => s.recording.by.includes("Anna")', 5000);
  await findWidget(dirk, 'text', 'Anna is recording this call.');
  await click(carla, 'button', 'Leave');  // a participant leaves mid-recording: it goes on
  await waitForState(anna, 's => s.participants.length === 3 && s.recording.phase === "recording"', 5000);
  const first = anna.waitForEvent('download', { timeout: 15000 });
  await click(anna, 'button', 'Stop recording');
  const firstFile = path.join(os.tmpdir(), `treff-e2e-${process.pid}-first.opus`);
  await (await first).saveAs(firstFile);
  execFileSync('opusinfo', [firstFile]);  // throws on a file it refuses
  fs.rmSync(firstFile, { force: true });
  for (const page of [bob, dirk]) await waitForState(page, 's => s.recording.by.length === 0', 5000);

  // Again in the three-person call (Anna, Bob, Dirk), stopped as the clock (which counts what is in
  // the file) nears 5 s (4.8: the press takes ~0.2 s to reach the worklet here); the button's place is
  // looked up before, so the press is not late by a search.
  await click(anna, 'button', 'Record this call');
  await waitForState(anna, 's => s.recording.phase === "recording"', 5000);
  const stop = await findWidget(anna, 'button', 'Stop recording');
  const canvas = await anna.evaluate(() => { const r = document.getElementById('canvas').getBoundingClientRect(); return { x: r.x, y: r.y }; });
  const deadline = Date.now() + 15000;
  while ((await anna.evaluate(() => window.treff.state().recording.seconds)) < 4.8 && Date.now() < deadline) {
    await new Promise((r) => setTimeout(r, 10));
  }
  const downloaded = anna.waitForEvent('download', { timeout: 15000 });
  await anna.mouse.click(canvas.x + stop.rect.x + stop.rect.w / 2, canvas.y + stop.rect.y + stop.rect.h / 2);
  const download = await downloaded;
  assert.match(download.suggestedFilename(), /^treff-e2e-rec-\d{4}-\d{2}-\d{2}-\d{4}\.opus$/);
  const file = path.join(os.tmpdir(), `treff-e2e-${process.pid}-${download.suggestedFilename()}`);
  await download.saveAs(file);
  const saved = await waitForState(anna, 's => s.recording.phase === "saved"', 10000);
  await findWidget(anna, 'text', `The recording was saved as ${download.suggestedFilename()}.`);

  execFileSync('opusinfo', [file]);
  execFileSync('opusdec', ['--quiet', file, `${file}.wav`]);
  const decoded = wavStats(`${file}.wav`);
  console.log(`# recording: ${decoded.seconds.toFixed(2)} s decoded (${saved.recording.seconds.toFixed(2)} s recorded), ` +
              `${fs.statSync(file).size} bytes, rms ${decoded.rms.toFixed(4)}`);
  assert.ok(Math.abs(decoded.seconds - 5) < 0.3, `${decoded.seconds} s decoded`);
  assert.ok(decoded.rms > 0.001, 'the call\'s sound is in it');
  fs.rmSync(file, { force: true });
  fs.rmSync(`${file}.wav`, { force: true });
});
