// The set-up every browser test file shares: a fresh treff-server and one Chromium with the small
// fake camera, started before the file's tests and stopped after them, and the artifacts folder for
// screenshots. Call at the top level of a test file; read .server and .browser inside tests.
// Each test's pages are closed when it ends, unless the file's tests are steps of one story that
// carry their pages on (keepPages).
//
// With TREFF_E2E_ON_JANUS=1 the same tests run with every room's media on a local Janus
// (treff-server --janus URL --janus-from 1): the room screen must behave the same on either.
import { before, after, afterEach } from 'node:test';
import fs from 'node:fs';
import path from 'node:path';
import { launchChromium } from './browser.js';
import { smallFakeVideo } from './fake_video.js';
import { startJanus } from './janus.js';
import { REPO, startServer, stopServer } from './server.js';

export const ON_JANUS = Boolean(process.env.TREFF_E2E_ON_JANUS);
export const ARTIFACTS = path.join(REPO, ON_JANUS ? 'tests/e2e/artifacts/on-janus' : 'tests/e2e/artifacts');

export function useServerAndChromium({ keepPages = false } = {}) {
  const env = { server: null, browser: null, janus: null };
  before(async () => {
    fs.mkdirSync(ARTIFACTS, { recursive: true });
    if (ON_JANUS) env.janus = await startJanus();
    env.server = await startServer(ON_JANUS ? { args: ['--port', '0', '--janus', env.janus.url, '--janus-from', '1'] } : {});
    env.browser = await launchChromium([`--use-file-for-fake-video-capture=${smallFakeVideo()}`]);
  });
  // Pages a test leaves open would keep drawing their calls through the next tests and starve
  // them on a 2-core machine: every test's pages go when it ends.
  afterEach(async () => {
    if (keepPages) return;
    await Promise.all((env.browser?.contexts() ?? []).map((context) => context.close()));
  });
  after(async () => {
    await env.browser?.close();
    if (env.server) await stopServer(env.server);
    await env.janus?.stop();
  });
  return env;
}

export function artifact(name) {
  return path.join(ARTIFACTS, name);
}
