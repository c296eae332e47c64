// The largest room the mesh is built for: six people, each receiving the five others' video.
// Not part of ./tools/test: six software-rendering pages on a 2-core machine take two to three
// minutes with both cores saturated (vmstat: 0 % idle, 20 runnable), so it is a load check run by
// hand, printing how long the mesh took:  bench/mesh_six.sh
// When a page waits in vain it prints every page's view of every link (connection state / frames),
// to tell a stuck connection from a starved one.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { waitForState } from '../tests/e2e/lib/browser.js';
import { artifact, useServerAndChromium } from '../tests/e2e/lib/setup.js';
import { joinByLink } from '../tests/e2e/lib/ui.js';

const NAMES = ['Ada', 'Ben', 'Cem', 'Dia', 'Eli', 'Fay'];
const env = useServerAndChromium();  // screenshots go beside the tests' ones

test('six people in one room each see the five others live', async () => {
  const pages = [];
  const start = Date.now();
  for (const name of NAMES) {
    // Small windows: six pages share one software-rendering GPU process and two cores here, which
    // makes this slow (one to three minutes); the timeouts are sized for that, not for a person.
    const context = await env.browser.newContext({ viewport: { width: 420, height: 280 }, locale: 'en-US' });
    const page = await context.newPage();
    await joinByLink(page, `${env.server.url}/r/e2e-six`, name);
    await waitForState(page, 's => s.phase === "in-room"', 60000);
    pages.push(page);
  }
  console.log(`six joined after ${Date.now() - start} ms`);
  const everyoneLive = 's => s.participants.length === 6 && s.participants.filter(p => !p.self).every(p => p.videoFrames > 0)';
  for (const [i, page] of pages.entries()) {
    let s;
    try {
      s = await waitForState(page, everyoneLive, 240000);
    } catch (e) {
      // Say which links are stuck: each page's view of each other person.
      for (const [j, p] of pages.entries()) {
        const st = await p.evaluate(() => window.treff.state());
        console.log(NAMES[j], st.phase, st.participants.filter((x) => !x.self)
          .map((x) => `${x.name}:${x.connection}/${x.videoFrames}`).join(' '));
      }
      throw e;
    }
    assert.deepEqual(s.participants.map((p) => p.name).sort(), NAMES, NAMES[i]);
    console.log(`${NAMES[i]} sees everyone live after ${Date.now() - start} ms`);
  }
  console.log(`everyone sees everyone live after ${Date.now() - start} ms`);
  // Under the server's default limits (messages per second and burst, joins per address): no page
  // was told it went past one.
  for (const [i, page] of pages.entries()) {
    const problem = (await page.evaluate(() => window.treff.state())).problem;
    assert.equal(problem, '', `${NAMES[i]} was told: ${problem}`);
  }
  console.log('no page met a server limit (all six from one address, default limits)');
  await pages[5].screenshot({ path: artifact('mesh-six.png'), timeout: 60000 });
  // One leaves by closing the tab; the five others see it.
  await pages[2].close();
  for (const page of pages.filter((_, i) => i !== 2))
    await waitForState(page, 's => s.participants.length === 5 && !s.participants.some(p => p.name === "Cem")', 20000);
});
