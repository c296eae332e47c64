// Launches Debian's Chromium through playwright-core with fake camera and microphone.
import { chromium } from 'playwright-core';

export const CHROMIUM_ARGS = [
  '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
  '--use-fake-device-for-media-stream', '--use-fake-ui-for-media-stream',
  '--allow-loopback-in-peer-connection',
];

export async function launchChromium(extraArgs = []) {
  return chromium.launch({
    executablePath: process.env.TREFF_CHROMIUM || '/usr/bin/chromium',
    headless: true,
    args: [...CHROMIUM_ARGS, ...extraArgs],
  });
}

// Waits until window.treff.state() satisfies `predicate` (a function source run in the page).
export async function waitForState(page, predicate, timeout = 15000) {
  await page.waitForFunction(
    `window.treff && window.treff.state && (${predicate})(window.treff.state())`, null, { timeout });
  return page.evaluate(() => window.treff.state());
}
