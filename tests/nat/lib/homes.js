// What the NAT tests share: the namespaces of homes.sh, a Chromium inside a home, and joining a
// room from both homes.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { launchChromium, waitForState } from '../../e2e/lib/browser.js';
import { launchFirefox } from '../../e2e/lib/firefox.js';
import { smallFakeVideo } from '../../e2e/lib/fake_video.js';
import { click } from '../../e2e/lib/ui.js';

const HOMES = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'homes.sh');

// Namespace prefixes of this process (two runs on one machine must not meet), removed by
// `homesDownAll` whatever happened.
const made = new Set();
export const namesFor = (letter) => `n${process.pid}${letter}`;
export function homesUp(prefix, nat) {
  made.add(prefix);
  execFileSync(HOMES, ['up', prefix, nat]);
}
export function homesDown(prefix) {
  execFileSync(HOMES, ['down', prefix]);
  made.delete(prefix);
}
export function homesDownAll() { for (const prefix of [...made]) homesDown(prefix); }

// A Chromium that runs inside namespace `ns`, with the fake camera and `extraArgs`.
export function chromiumIn(ns, extraArgs = []) {
  const script = path.join(os.tmpdir(), `treff-chromium-${ns}.sh`);
  fs.writeFileSync(script, `#!/bin/sh\nexec ip netns exec ${ns} /usr/bin/chromium "$@"\n`, { mode: 0o755 });
  return launchChromium([`--use-file-for-fake-video-capture=${smallFakeVideo()}`, ...extraArgs], { executablePath: script });
}

// Firefox (puppeteer, WebDriver BiDi) inside namespace `ns`; `secureHost`: a host whose plain
// http pages count as secure (camera and microphone are offered only to secure pages).
export function firefoxIn(ns, secureHost) {
  const script = path.join(os.tmpdir(), `treff-firefox-${ns}.sh`);
  const wrapper = path.join(path.dirname(fileURLToPath(import.meta.url)), 'firefox_in_netns.js');
  fs.writeFileSync(script, `#!/bin/sh\nexec "${process.execPath}" "${wrapper}" ${ns} "$@"\n`, { mode: 0o755 });
  return launchFirefox({ executablePath: script, prefs: { 'dom.securecontext.allowlist': secureHost } });
}

// Opens the room at `site`, types the name; returns the page, ready to press Join.
export async function atJoinPrompt(browser, site, room, name) {
  // playwright (Chromium) or puppeteer (Firefox)
  const page = browser.newContext
    ? await (await browser.newContext({ viewport: { width: 640, height: 400 }, locale: 'en-US' })).newPage()
    : await browser.newPage();
  if (page.setViewport) await page.setViewport({ width: 640, height: 400 });
  await page.goto(`${site}/r/${room}`);
  await click(page, 'input', 'Your name');
  await page.keyboard.type(name);
  return page;
}

// Anna (first browser) joins, then Bob (second); `pressed` is when Bob pressed Join.
export async function joinBoth(browsers, site, room) {
  const anna = await atJoinPrompt(browsers[0], site, room, 'Anna');
  const bob = await atJoinPrompt(browsers[1], site, room, 'Bob');
  await anna.keyboard.press('Enter');
  await waitForState(anna, 's => s.phase === "in-room"');
  const pressed = Date.now();
  await bob.keyboard.press('Enter');
  return { anna, bob, pressed };
}

// Both are in the call and each draws the other's video.
export const CONNECTED = 's => s.participants.length === 2 && s.participants.every(p => p.self || (p.connection === "connected" && p.videoFrames > 0))';

export const pathTo = (state) => state.participants.find((p) => !p.self).path;
