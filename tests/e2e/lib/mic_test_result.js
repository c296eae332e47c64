// What every browser's microphone test must show once it ended: heard, three seconds of the fake
// microphone's sound recorded, and played back at about the energy that went in.
import assert from 'node:assert/strict';

// `t`: the page state's micTest; `who` names the browser in the printed figures.
export function assertHeardBack(t, who) {
  console.log(`# ${who}microphone test: ${t.recordedSeconds.toFixed(2)} s recorded, rms in ${t.recordedRms.toFixed(3)} ` +
              `(peak ${t.recordedPeak.toFixed(3)}), rms played ${t.playedRms.toFixed(3)}`);
  assert.equal(t.phase, 'heard', `the test ended "${t.phase}" ${t.error}`);
  assert.ok(Math.abs(t.recordedSeconds - 3) < 0.3, `${t.recordedSeconds} s recorded`);
  // A 0.3 sine has an rms of 0.21; Chromium's noise suppression takes most of a steady tone away
  // (here: 0.04), as it would for the call; silence gives a peak below 0.01.
  assert.ok(t.recordedRms > 0.01 && t.recordedPeak > 0.05, `rms ${t.recordedRms}, peak ${t.recordedPeak} recorded`);
  const ratio = t.playedRms / t.recordedRms;
  assert.ok(ratio > 0.5 && ratio < 2, `played back at ${ratio.toFixed(2)} of the recorded energy`);
}
