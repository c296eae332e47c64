// Launches Debian's Chromium through playwright-core with fake camera and microphone.
import { chromium } from 'playwright-core';

export const CHROMIUM_ARGS = [
  '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
  '--use-fake-device-for-media-stream', '--allow-loopback-in-peer-connection',
  '--autoplay-policy=no-user-gesture-required',
];

// fakeUi: accept every camera/microphone prompt. Without it, permissions come from the context
// (grantPermissions), and what is not granted is denied, as when a person clicks "Block".
// executablePath: another way to start it (e.g. a script that runs it inside a network namespace).
export async function launchChromium(extraArgs = [], { fakeUi = true, executablePath } = {}) {
  return chromium.launch({
    executablePath: executablePath || process.env.TREFF_CHROMIUM || '/usr/bin/chromium',
    headless: true,
    args: [...CHROMIUM_ARGS, ...(fakeUi ? ['--use-fake-ui-for-media-stream'] : []), ...extraArgs],
  });
}

// A Chromium of its own, in a process whose pid is known (benchmarks measure its CPU): the
// connected browser, the pid, and a way to stop it.
export async function launchOwnChromium(extraArgs = []) {
  const server = await chromium.launchServer({
    executablePath: process.env.TREFF_CHROMIUM || '/usr/bin/chromium',
    headless: true,
    args: [...CHROMIUM_ARGS, '--use-fake-ui-for-media-stream', ...extraArgs],
  });
  const browser = await chromium.connect(server.wsEndpoint());
  return { browser, pid: server.process().pid, close: async () => { await browser.close().catch(() => {}); await server.close(); } };
}

// Waits until window.treff.state() satisfies `predicate` (a function source, run here on the state
// read from the page); returns that state. Polled from here every 50 ms: the page's
// Content-Security-Policy forbids evaluating strings inside it, and animation-frame polling
// stalls in busy background pages.
export async function waitForState(page, predicate, timeout = 15000) {
  const check = new Function('s', `return (${predicate})(s);`);
  const deadline = Date.now() + timeout;
  let last = null;
  for (;;) {
    last = await page.evaluate(() => (window.treff && window.treff.state ? window.treff.state() : null));
    if (last && check(last)) return last;
    if (Date.now() > deadline) {
      throw new Error(`state not reached in ${timeout} ms: ${predicate}\nlast state: ${JSON.stringify(last)}`);
    }
    await new Promise((r) => setTimeout(r, 50));
  }
}
