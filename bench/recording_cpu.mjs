// Call recording benchmark (not a test; prints figures). Run with bench/recording_cpu.sh.
// Three people in a steady call, each in a Chromium of their own (default fake camera and
// microphone); the CPU-seconds per second of the recorder's browser (its whole process tree: page,
// audio worklet, audio worker) with and without "Record this call" running, rounds alternating,
// and what the recording adds as a share of one core and of the call's own cost.
import { launchOwnChromium, waitForState } from '../tests/e2e/lib/browser.js';
import { startServer, stopServer } from '../tests/e2e/lib/server.js';
import { click, joinByLink } from '../tests/e2e/lib/ui.js';
import { treeCpu } from './tree_cpu.mjs';

const ROUNDS = Number(process.env.ROUNDS || 3);
const STEADY_S = Number(process.env.STEADY_S || 10);
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

const server = await startServer({ args: ['--port', '0'] });
const people = [];
try {
  for (const name of ['Anna', 'Bob', 'Carla']) {
    const own = await launchOwnChromium();
    const page = await (await own.browser.newContext({ viewport: { width: 960, height: 600 }, locale: 'en-US' })).newPage();
    await joinByLink(page, `${server.url}/r/bench-recording`, name);
    people.push({ ...own, page });
  }
  const anna = people[0];
  await waitForState(anna.page, 's => s.participants.length === 3 && s.participants.every(p => p.self || p.videoFrames > 0)', 30000);
  await click(anna.page, 'button', 'Room');
  await sleep(3000);  // settled

  const cpuPerSecond = async () => {
    const before = treeCpu(anna.pid), t0 = Date.now();
    await sleep(STEADY_S * 1000);
    return (treeCpu(anna.pid) - before) / ((Date.now() - t0) / 1000);
  };
  const plain = [], recording = [];
  for (let round = 0; round < ROUNDS; round++) {
    plain.push(await cpuPerSecond());
    await click(anna.page, 'button', 'Record this call');
    await waitForState(anna.page, 's => s.recording.phase === "recording"', 10000);
    await sleep(1000);
    recording.push(await cpuPerSecond());
    const saved = anna.page.waitForEvent('download', { timeout: 20000 });
    await click(anna.page, 'button', 'Stop recording');
    await saved;
    await sleep(1000);
    console.log(`round ${round + 1}: call ${plain[round].toFixed(3)} CPU-s/s, call while recording ${recording[round].toFixed(3)}`);
  }
  const p = median(plain), r = median(recording);
  console.log(`\nThe recorder's browser in a steady 3-person call, median of ${ROUNDS} rounds of ${STEADY_S} s:`);
  console.log(`  without recording ${p.toFixed(3)} CPU-s/s, recording ${r.toFixed(3)} CPU-s/s (ratio ${(r / p).toFixed(2)})`);
  console.log(`  the recording costs ${((r - p) * 100).toFixed(1)} % of one core`);
} finally {
  for (const person of people) await person.close();
  await stopServer(server);
}
