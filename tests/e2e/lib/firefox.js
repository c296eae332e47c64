// Launches Debian's firefox-esr through puppeteer-core over WebDriver BiDi (playwright-core only
// drives its own patched Firefox), with fake camera and microphone and WebRTC on loopback.
// Headless Firefox has no WebGL (Mozilla bug 1375585), so it runs with a window on a private Xvfb
// display, drawing with Mesa's software GL.
import { spawn } from 'node:child_process';
import puppeteer from 'puppeteer-core';

// Prefs from ../shared/TOOLCHAIN.md: without the two permission defaults Firefox gathers no ICE
// candidates; without the loopback ones it offers none on `lo`, the only link of the test namespace.
const FAKE_MEDIA_PREFS = {
  'media.navigator.streams.fake': true,
  'media.navigator.permission.disabled': true,
  'media.peerconnection.ice.loopback': true,
  'media.peerconnection.ice.obfuscate_host_addresses': false,
  'media.autoplay.default': 0,
  'permissions.default.camera': 1,
  'permissions.default.microphone': 1,
  'intl.accept_languages': 'en-US',
};

// Starts Xvfb on a free display; resolves with {display, stop()}.
function startXvfb(timeoutMs = 10000) {
  return new Promise((resolve, reject) => {
    // -displayfd: Xvfb picks a free display number and writes it to fd 3 once it is ready.
    const xvfb = spawn('Xvfb', ['-displayfd', '3', '-screen', '0', '1280x800x24', '-nolisten', 'tcp'],
      { stdio: ['ignore', 'ignore', 'pipe', 'pipe'] });
    let err = '', out = '';
    const timer = setTimeout(() => { xvfb.kill('SIGKILL'); reject(new Error(`Xvfb did not start:\n${err}`)); }, timeoutMs);
    xvfb.stderr.on('data', (d) => { err += d; });
    xvfb.stdio[3].on('data', (d) => {
      out += d;
      if (!out.includes('\n')) return;
      clearTimeout(timer);
      resolve({ display: `:${out.trim()}`, stop: () => xvfb.kill() });
    });
    xvfb.on('error', (e) => { clearTimeout(timer); reject(e); });
    xvfb.on('exit', (code) => { clearTimeout(timer); reject(new Error(`Xvfb exited with ${code}:\n${err}`)); });
  });
}

// Resolves with a puppeteer Browser whose close() also stops its display. `executablePath`: a
// wrapper that runs Firefox; `prefs`: more preferences; `env`: more environment (a sound output,
// lib/sound_output.js).
export async function launchFirefox({ executablePath, prefs = {}, env = {} } = {}) {
  const xvfb = await startXvfb();
  try {
    const browser = await puppeteer.launch({
      browser: 'firefox',
      executablePath: executablePath ?? (process.env.TREFF_FIREFOX || '/usr/bin/firefox-esr'),
      headless: false,
      env: { ...process.env, ...env, DISPLAY: xvfb.display },
      extraPrefsFirefox: { ...FAKE_MEDIA_PREFS, ...prefs },
    });
    const close = browser.close.bind(browser);
    browser.close = async () => { try { await close(); } finally { xvfb.stop(); } };
    return browser;
  } catch (e) {
    xvfb.stop();
    throw e;
  }
}

// waitForState for a puppeteer page: the same polling, since both have page.evaluate.
export { waitForState as waitForFirefoxState } from './browser.js';
