// A call between Debian's firefox-esr (puppeteer-core over WebDriver BiDi) and Chromium
// (playwright-core): both join by name, see each other's live video, hear each other, and see mute
// and leave.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { launchChromium, waitForState } from './lib/browser.js';
import { launchFirefox, waitForFirefoxState } from './lib/firefox.js';
import { smallFakeVideo } from './lib/fake_video.js';
import { everyoneHeard, recordPeerConnections, waitUntilHeard } from './lib/listening.js';
import { REPO, startServer, stopServer } from './lib/server.js';
import { click, findWidget, joinByLink } from './lib/ui.js';

const ARTIFACTS = path.join(REPO, 'tests/e2e/artifacts');
const ROOM = 'e2e-firefox';
let server, chromium, firefox;

before(async () => {
  fs.mkdirSync(ARTIFACTS, { recursive: true });
  server = await startServer();
  [chromium, firefox] = await Promise.all([
    launchChromium([`--use-file-for-fake-video-capture=${smallFakeVideo()}`]), launchFirefox()]);
});

after(async () => {
  await Promise.all([chromium?.close(), firefox?.close()]);
  if (server) await stopServer(server);
});

const remoteFrames = async (page) =>
  (await page.evaluate(() => window.treff.state())).participants.find((p) => !p.self)?.videoFrames ?? 0;

test('Firefox and Chromium hold a call: live video and sound both ways, mute and leave seen', async () => {
  const fox = await firefox.newPage();
  await fox.setViewport({ width: 640, height: 400 });
  await fox.evaluateOnNewDocument(recordPeerConnections);
  const context = await chromium.newContext({ viewport: { width: 640, height: 400 }, locale: 'en-US' });
  await context.addInitScript(recordPeerConnections);
  const chris = await context.newPage();

  await joinByLink(fox, `${server.url}/r/${ROOM}`, 'Fritz');
  await joinByLink(chris, `${server.url}/r/${ROOM}`, 'Chris');
  const inCall = 's => s.phase === "in-room" && s.participants.length === 2 && s.participants.every(p => p.self || p.videoFrames > 5)';
  await waitForFirefoxState(fox, inCall, 30000);
  await waitForState(chris, inCall, 30000);

  // Video keeps arriving both ways.
  const before = [await remoteFrames(fox), await remoteFrames(chris)];
  await new Promise((r) => setTimeout(r, 1500));
  const later = [await remoteFrames(fox), await remoteFrames(chris)];
  assert.ok(later[0] > before[0], `Firefox draws Chris' video (${before[0]} -> ${later[0]})`);
  assert.ok(later[1] > before[1], `Chromium draws Fritz' video (${before[1]} -> ${later[1]})`);
  // Each hears the other: the sound is played and its samples arrive.
  const foxHears = await waitUntilHeard(fox, 1);
  assert.ok(everyoneHeard(foxHears, 1), `Firefox hears Chris: ${JSON.stringify(foxHears)}`);
  const chrisHears = await waitUntilHeard(chris, 1);
  assert.ok(everyoneHeard(chrisHears, 1), `Chromium hears Fritz: ${JSON.stringify(chrisHears)}`);
  await fox.screenshot({ path: path.join(ARTIFACTS, 'firefox-in-call.png') });
  await chris.screenshot({ path: path.join(ARTIFACTS, 'firefox-chromium-side.png') });

  // Fritz mutes with the mouse in Firefox; Chris sees the mark.
  await click(fox, 'button', 'Turn microphone off');
  await waitForState(chris, 's => s.participants.some(p => p.name === "Fritz" && !p.mic)', 3000);
  await findWidget(fox, 'button', 'Turn microphone on');

  // Fritz leaves; Chris is alone again.
  await click(fox, 'button', 'Leave');
  await waitForFirefoxState(fox, 's => s.phase === "left"', 3000);
  await waitForState(chris, 's => s.participants.length === 1', 3000);
  await fox.screenshot({ path: path.join(ARTIFACTS, 'firefox-left.png') });
});
