// Everyone is heard, whatever happens to their video: on the receiving side every other person's
// sound track must be played by a media element and its samples must arrive (lib/listening.js),
// with the camera on, switched off, never opened (audio only), blocked by permission, and when the
// browser blocks sound that starts without a click (then the room offers one button to hear them).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { launchChromium, waitForState } from './lib/browser.js';
import { smallFakeVideo } from './lib/fake_video.js';
import { recordPeerConnections, everyoneHeard, waitUntilHeard } from './lib/listening.js';
import { artifact, useServerAndChromium } from './lib/setup.js';
import { click, findWidget, joinByLink } from './lib/ui.js';

const env = useServerAndChromium();
const AUDIO_ONLY = 'Audio only (no camera)';
const HEAR_OTHERS = 'Click to hear the others';

// The join prompt's "audio only" box needs a taller window than 400 px (issue: small screens).
async function newPage(browser = env.browser, viewport = { width: 640, height: 400 }) {
  const context = await browser.newContext({ viewport, locale: 'en-US' });
  await context.addInitScript(recordPeerConnections);
  return context.newPage();
}

async function joinWithCamera(room, name) {
  const page = await newPage();
  await joinByLink(page, `${env.server.url}/r/${room}`, name);
  return page;
}

async function joinAudioOnly(room, name) {
  const page = await newPage(env.browser, { width: 800, height: 560 });
  await page.goto(`${env.server.url}/r/${room}`);
  // The join prompt takes its final layout once the own picture shows.
  await waitForState(page, 's => s.phase === "idle" && s.preview.frames > 2');
  await click(page, 'checkbox', AUDIO_ONLY);
  await page.waitForFunction((label) => window.treff.ui().some((w) => w.label === label && w.checked), AUDIO_ONLY);
  await click(page, 'input', 'Your name');
  await page.keyboard.type(name);
  await page.keyboard.press('Enter');
  return page;
}

// Waits for `page` to be in the room with `count` people, then asserts it hears all the others.
async function assertHearsEveryone(page, count, who) {
  await waitForState(page, `s => s.phase === "in-room" && s.participants.length === ${count}`, 20000);
  const heard = await waitUntilHeard(page, count - 1);
  assert.ok(everyoneHeard(heard, count - 1), `${who} hears all ${count - 1} others: ${JSON.stringify(heard)}`);
}

test('camera on, then off by its button: each hears the other all along', async () => {
  const heike = await joinWithCamera('e2e-sound-camera', 'Heike');
  const arno = await joinWithCamera('e2e-sound-camera', 'Arno');
  await assertHearsEveryone(heike, 2, 'Heike');
  await assertHearsEveryone(arno, 2, 'Arno');

  await click(arno, 'button', 'Turn video off');
  await waitForState(heike, 's => s.participants.some(p => p.name === "Arno" && !p.camera)');
  await assertHearsEveryone(heike, 2, 'Heike, with Arno\'s camera off');
  await assertHearsEveryone(arno, 2, 'Arno, with his camera off');
});

test('audio only: someone who sends no video is heard, and hears the others', async () => {
  const heike = await joinWithCamera('e2e-sound-audio-only', 'Heike');
  const arno = await joinAudioOnly('e2e-sound-audio-only', 'Arno');
  const s = await waitForState(arno, 's => s.phase === "in-room" && s.participants.length === 2');
  assert.deepEqual(s.local, { audio: true, video: false, problem: '' });
  await assertHearsEveryone(heike, 2, 'Heike (Arno sends sound only)');
  await assertHearsEveryone(arno, 2, 'Arno');
  // His sound meter works without video too: Heike sees him marked as the one speaking.
  await waitForState(heike, 's => s.participants.some(p => p.name === "Arno" && p.speaking)');
  await heike.screenshot({ path: artifact('sound-audio-only.png') });
});

test('camera blocked by permission: "in the call with sound only" is true, the others hear them', async () => {
  const heike = await joinWithCamera('e2e-sound-blocked', 'Heike');
  // A browser that asks like a real one (no auto-accept), with only the microphone allowed.
  const strict = await launchChromium([`--use-file-for-fake-video-capture=${smallFakeVideo()}`], { fakeUi: false });
  try {
    const context = await strict.newContext({ viewport: { width: 640, height: 400 }, locale: 'en-US' });
    await context.grantPermissions(['microphone'], { origin: env.server.url });
    await context.addInitScript(recordPeerConnections);
    const dirk = await context.newPage();
    await joinByLink(dirk, `${env.server.url}/r/e2e-sound-blocked`, 'Dirk');
    const s = await waitForState(dirk, 's => s.phase === "in-room" && s.participants.length === 2');
    assert.equal(s.local.problem, 'NotAllowedError');
    assert.equal(s.local.video, false);
    await assertHearsEveryone(heike, 2, 'Heike (Dirk\'s camera is blocked)');
    await assertHearsEveryone(dirk, 2, 'Dirk');
  } finally {
    await strict.close();
  }
});

// Playwright's evaluate counts as a user gesture (CDP userGesture: true), which would let sound
// start; a page driven only through plain CDP evaluations has had no gesture at all.
function withoutGestures(cdp) {
  const run = async (expression) =>
    (await cdp.send('Runtime.evaluate', { expression, returnByValue: true, awaitPromise: true })).result.value;
  const until = async (expression, timeout = 20000) => {
    for (const deadline = Date.now() + timeout; !(await run(expression));) {
      if (Date.now() > deadline) throw new Error(`not in time: ${expression}`);
      await new Promise((r) => setTimeout(r, 50));
    }
  };
  return { run, until };
}

test('a browser that blocks sound until a click: one button, and after the click everyone is heard', async () => {
  const heike = await joinWithCamera('e2e-sound-autoplay', 'Heike');
  // As Safari does: sound may start only inside a click or key press, not later.
  const strict = await launchChromium([`--use-file-for-fake-video-capture=${smallFakeVideo()}`,
    '--autoplay-policy=user-gesture-required']);
  try {
    const olga = await newPage(strict);
    const page = withoutGestures(await olga.context().newCDPSession(olga));
    await olga.goto(`${env.server.url}/r/e2e-sound-autoplay`);
    // Joined through the DOM mirror by script (as the keyboard path does), with no gesture at all.
    await page.until(`!!document.querySelector('#mirror input')`);
    await page.run(`(() => {
      const field = document.querySelector('#mirror input');
      field.value = 'Olga';
      field.dispatchEvent(new Event('input'));
      field.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter' }));
    })()`);
    await page.until(`window.treff.state().phase === "in-room" && window.treff.state().participants.length === 2`);
    await page.until(`window.treff.ui().some((w) => w.role === "button" && w.label === ${JSON.stringify(HEAR_OTHERS)})`);
    assert.equal(await page.run('navigator.userActivation.hasBeenActive'), false, 'no gesture before the button');
    assert.equal(await page.run(`[...document.querySelectorAll('audio')].every((a) => a.paused)`), true,
      'the browser held the sound back');
    await olga.screenshot({ path: artifact('sound-click-to-hear.png') });

    await click(olga, 'button', HEAR_OTHERS);
    await assertHearsEveryone(olga, 2, 'Olga after her click');
    await olga.waitForFunction((label) => !window.treff.ui().some((w) => w.label === label), HEAR_OTHERS);
    await assertHearsEveryone(heike, 2, 'Heike');
  } finally {
    await strict.close();
  }
});
