// Video through the browser's compositor: each picture is a <video> element under the canvas,
// which is transparent there. The elements lie on their tiles and move with them when the window
// changes size; the own picture is mirrored; a camera turned off takes its picture away; and a
// steady call draws no frames of the interface while the videos play.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { waitForState } from './lib/browser.js';
import { pixelsOf } from './lib/pixels.js';
import { artifact, useServerAndChromium } from './lib/setup.js';
import { click, joinByLink, widgets } from './lib/ui.js';

const env = useServerAndChromium();
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

// The video elements on show, where they are, and whether they are mirrored.
const shownVideos = (page) => page.evaluate(() => [...document.querySelectorAll('#videos video')]
  .filter((v) => !v.hidden && v.getClientRects().length)
  .map((v) => {
    const r = v.getBoundingClientRect();
    return { x: r.x, y: r.y, w: r.width, h: r.height, mirrored: getComputedStyle(v).transform !== 'none' };
  }));

// A video lies on a tile: inside it, give or take the pixel it is made larger than its hole.
const onTile = (v, tile) => v.x >= tile.x - 2 && v.y >= tile.y - 2 && v.x + v.w <= tile.x + tile.w + 2 &&
  v.y + v.h <= tile.y + tile.h + 2 && v.w * v.h > 0.3 * tile.w * tile.h;

async function thumbnails(page) {
  const all = (await widgets(page)).filter((w) => w.role === 'thumbnail');
  return { self: all.find((w) => w.label.startsWith('Hanna')).rect, other: all.find((w) => w.label.startsWith('Gert')).rect };
}

test('pictures are video elements on their tiles, the own one mirrored; they follow the window; a steady call draws nothing', async () => {
  const host = await (await env.browser.newContext({ viewport: { width: 800, height: 500 }, locale: 'en-US' })).newPage();
  await joinByLink(host, `${env.server.url}/r/video-layer`, 'Hanna');
  await waitForState(host, 's => s.phase === "in-room"');
  const guest = await (await env.browser.newContext({ locale: 'en-US' })).newPage();
  await joinByLink(guest, `${env.server.url}/r/video-layer`, 'Gert');
  await waitForState(host, 's => s.participants.length === 2 && s.participants.every(p => p.videoFrames > 3)', 20000);
  assert.equal(await host.evaluate(() => document.getElementById('videos').getAttribute('aria-hidden')), 'true');

  // Where the pictures are: one on each thumbnail (the own one mirrored), and Gert's on the stage.
  let tiles = await thumbnails(host);
  let videos = await shownVideos(host);
  assert.equal(videos.length, 3, `own thumbnail, Gert's thumbnail, Gert large: ${JSON.stringify(videos)}`);
  assert.ok(videos.some((v) => v.mirrored && onTile(v, tiles.self)), `the own picture is on its tile, mirrored: ${JSON.stringify(videos)}`);
  assert.ok(videos.some((v) => !v.mirrored && onTile(v, tiles.other)), `Gert's picture is on his tile: ${JSON.stringify(videos)}`);
  // What shows there is the picture (the fake camera's brown), through the canvas.
  const centre = { x: tiles.other.x + tiles.other.w / 2, y: tiles.other.y + tiles.other.h / 3, width: 1, height: 1 };
  const [r, g, b] = (await pixelsOf(env.browser, host, centre)).data;
  assert.ok(r > g + 30 && r > b + 30, `Gert's thumbnail shows his picture, not the canvas: rgb(${r}, ${g}, ${b})`);
  await host.screenshot({ path: artifact('video-layer-call.png') });

  // A steady call: the videos play, the interface is not drawn again. (Microphones off: the fake
  // one beeps, and the speaker's ring rightly follows who speaks.)
  await click(host, 'button', 'Turn microphone off');
  await click(guest, 'button', 'Turn microphone off');
  await waitForState(host, 's => s.participants.every(p => !p.mic)');
  await host.mouse.move(790, 5);
  await sleep(1000);
  const before = await waitForState(host, 's => true');
  await sleep(2000);
  const after = await waitForState(host, 's => true');
  const frames = (s) => s.participants.find((p) => !p.self).videoFrames;
  assert.ok(frames(after) > frames(before) + 10, `Gert's video plays: ${frames(before)} -> ${frames(after)} frames`);
  assert.equal(after.framesLaidOut, before.framesLaidOut, 'the interface is not even laid out again in a steady call');
  assert.equal(after.framesRendered, before.framesRendered, 'no redraws of the interface in a steady call');

  // A smaller window: the pictures move with the tiles.
  await host.setViewportSize({ width: 560, height: 420 });
  await host.waitForFunction(() => window.innerWidth === 560);
  const placed = async () => {
    tiles = await thumbnails(host);
    videos = await shownVideos(host);
    return videos.some((v) => onTile(v, tiles.other)) && videos.some((v) => onTile(v, tiles.self));
  };
  for (const deadline = Date.now() + 5000; !(await placed()) && Date.now() < deadline;) await sleep(50);
  assert.ok(videos.some((v) => onTile(v, tiles.other)) && videos.some((v) => onTile(v, tiles.self)),
    `after the resize the pictures are on their tiles: ${JSON.stringify({ tiles, videos })}`);
  await host.screenshot({ path: artifact('video-layer-resized.png') });

  // Gert turns his camera off: his picture goes, his initials show.
  await click(guest, 'button', 'Turn video off');
  await waitForState(host, 's => s.participants.some(p => p.name === "Gert" && !p.camera)');
  await host.waitForFunction(() => [...document.querySelectorAll('#videos video')].filter((v) => !v.hidden).length === 1, null, { timeout: 5000 });
  videos = await shownVideos(host);
  assert.ok(!videos.some((v) => onTile(v, tiles.other)), `no picture on Gert's tile: ${JSON.stringify(videos)}`);
  await host.screenshot({ path: artifact('video-layer-camera-off.png') });
});
