// A call as people have it: three browsers join one room by typing their names, see each other's
// video, pick who is large, mute, leave; a fourth joins with the camera blocked.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { launchChromium, waitForState } from './lib/browser.js';
import { smallFakeVideo } from './lib/fake_video.js';
import { artifact, useServerAndChromium } from './lib/setup.js';
import { click, findWidget, joinByLink } from './lib/ui.js';

const ROOM = 'e2e-call';
const env = useServerAndChromium({ keepPages: true });  // the tests are steps of one call
const people = {};  // name -> page

const shot = (page, name) => page.screenshot({ path: artifact(`call-${name}.png`) });
const remoteFrames = (s) => s.participants.filter((p) => !p.self).map((p) => p.videoFrames);


// Starts watching, inside each page, for one person's state: `{name, mic}` waits until that
// person's microphone is `mic`, `{name, present: false}` until they are gone. Resolves with the
// page's clock time when it was seen: measured in the page, so test-harness delays do not count.
// (A plain description, not a predicate: the page's Content-Security-Policy forbids compiling code.)
function watchFor(pages, wanted, timeout) {
  return Promise.all(pages.map((page) => page.evaluate(([want, limit]) => {
    const seen = (s) => {
      const p = s.participants.find((x) => x.name === want.name);
      return want.present === false ? !p : !!p && p.mic === want.mic;
    };
    window.__seen = new Promise((resolve, reject) => {
      const start = Date.now();
      const timer = setInterval(() => {
        if (seen(window.treff.state())) { clearInterval(timer); resolve(Date.now()); }
        else if (Date.now() - start > limit) { clearInterval(timer); reject(new Error('not seen in time')); }
      }, 10);
    });
  }, [wanted, timeout])));
}
const seenAt = (pages) => Promise.all(pages.map((page) => page.evaluate(() => window.__seen)));

// Clicks a widget and returns the page's clock time of the release, i.e. when the person clicked.
async function clickAt(page, role, label) {
  await page.evaluate(() => {
    window.__released = new Promise((resolve) =>
      window.addEventListener('mouseup', () => resolve(Date.now()), { once: true, capture: true }));
  });
  await click(page, role, label);
  return page.evaluate(() => window.__released);
}


test('three people join by name and each sees two live remote videos', async () => {
  for (const [name, locale] of [['Anna', 'en-US'], ['Bob', 'nl-NL'], ['Carla', 'de-DE']]) {
    const context = await env.browser.newContext({ viewport: { width: 640, height: 400 }, locale });
    const page = await context.newPage();
    await joinByLink(page, `${env.server.url}/r/${ROOM}`, name);
    people[name] = page;
  }
  for (const [name, page] of Object.entries(people)) {
    const s = await waitForState(page,
      's => s.phase === "in-room" && s.participants.length === 3 && s.participants.filter(p => !p.self).every(p => p.videoFrames > 5)',
      30000);
    assert.deepEqual(s.participants.map((p) => p.name).sort(), ['Anna', 'Bob', 'Carla'], name);
    await shot(page, `joined-${name}`);
  }
  // The videos are live: frame counts keep rising.
  const before = remoteFrames(await people.Anna.evaluate(() => window.treff.state()));
  await new Promise((r) => setTimeout(r, 1500));
  const later = remoteFrames(await people.Anna.evaluate(() => window.treff.state()));
  later.forEach((n, i) => assert.ok(n > before[i], `remote video ${i} keeps drawing (${before[i]} -> ${n})`));
});

test('clicking a thumbnail shows that person large', async () => {
  const page = people.Anna;
  const large = (s) => s.participants.find((p) => p.large).name;
  const first = large(await page.evaluate(() => window.treff.state()));
  const other = first === 'Bob' ? 'Carla' : 'Bob';
  await click(page, 'thumbnail', other);
  await waitForState(page, `s => s.participants.find(p => p.large).name === ${JSON.stringify(other)}`, 3000);
  await click(page, 'thumbnail', 'Anna');  // yourself too
  await waitForState(page, 's => s.participants.find(p => p.large).self', 3000);
  await shot(page, 'picked-self');
});

test('muting the microphone shows the mark at the others within 1 s', async () => {
  const others = [people.Anna, people.Carla];
  await watchFor([people.Bob, ...others], { name: 'Bob', mic: false }, 5000);
  const clicked = await clickAt(people.Bob, 'button', 'Microfoon uitzetten');
  const [own, ...seen] = await seenAt([people.Bob, ...others]);
  console.log(`# mute: Bob's button ${own - clicked} ms, seen by the others after ${seen.map((t) => t - clicked).join(' and ')} ms`);
  for (const t of seen) assert.ok(t - clicked < 1000, `mark shown ${t - clicked} ms after the click (Bob's own button took ${own - clicked} ms)`);
  await findWidget(people.Bob, 'button', 'Microfoon aanzetten');
  await shot(people.Anna, 'bob-muted');
});

test('"Beenden" removes that person from the others within 2 s', async () => {
  const others = [people.Anna, people.Bob];
  await watchFor(others, { name: 'Carla', present: false }, 5000);
  const clicked = await clickAt(people.Carla, 'button', 'Beenden');
  const gone = await seenAt(others);
  console.log(`# leave: gone from the others after ${gone.map((t) => t - clicked).join(' and ')} ms`);
  for (const t of gone) assert.ok(t - clicked < 2000, `gone ${t - clicked} ms after the click`);
  await waitForState(people.Carla, 's => s.phase === "left"', 2000);
  await findWidget(people.Carla, 'button', 'Wieder teilnehmen');
  await shot(people.Carla, 'left');
  await shot(people.Anna, 'after-carla-left');
});

test('with the camera blocked, a person joins with sound only, is told how to allow it, and a closed tab leaves', async () => {
  // A browser that asks like a real one (no auto-accept), with only the microphone allowed.
  const strict = await launchChromium([`--use-file-for-fake-video-capture=${smallFakeVideo()}`], { fakeUi: false });
  try {
    const context = await strict.newContext({ viewport: { width: 960, height: 600 }, locale: 'en-US' });
    await context.grantPermissions(['microphone'], { origin: env.server.url });
    const page = await context.newPage();
    await joinByLink(page, `${env.server.url}/r/${ROOM}`, 'Dirk');
    const s = await waitForState(page, 's => s.phase === "in-room" && s.participants.length === 3', 15000);
    assert.equal(s.local.audio, true);
    assert.equal(s.local.video, false);
    assert.equal(s.local.problem, 'NotAllowedError');
    await findWidget(page, 'text', 'The camera is not allowed. You are in the call with sound only.');
    const help = (await page.evaluate(() => window.treff.ui())).filter((w) => w.role === 'text').map((w) => w.label);
    assert.ok(help.some((t) => t.startsWith('Firefox:')) && help.some((t) => t.startsWith('Chrome:')), help.join(' | '));
    const cam = await findWidget(page, 'button', 'Turn video on');
    assert.equal(cam.disabled, true, 'no camera to switch on');
    // The others see Dirk with his camera off, and Dirk sees their video.
    await waitForState(people.Anna, 's => s.participants.some(p => p.name === "Dirk" && !p.camera)', 5000);
    await waitForState(page, 's => s.participants.filter(p => !p.self).every(p => p.videoFrames > 3)', 15000);
    await shot(page, 'camera-blocked');
    // Dirk closes the tab: the others lose him without anyone pressing anything.
    await page.close();
    await waitForState(people.Anna, 's => !s.participants.some(p => p.name === "Dirk")', 5000);
  } finally {
    await strict.close();
  }
});
