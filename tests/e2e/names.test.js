// Every name drawn as written: six people whose names are in Cyrillic, Arabic (joined letters, right
// to left), Latin with Turkish letters, Chinese, Devanagari and with an emoji meet in one room. On
// the first person's screen each tile's name band is compared with the same name drawn by the
// browser's own text engine: the shapes of the letters must match, and they must match far
// better than a row of "?" (what a font without those letters shows) would. The automation tree
// carries every name unchanged. Three of the others join at the small sizes of lib/reflow.js: the
// room of six is checked there (toolbar and thumbnails in view or reached by Tab, screenshots).
// Then Korean, Greek, Hebrew and Japanese names, the same way.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { waitForState } from './lib/browser.js';
import { pixelsOf } from './lib/pixels.js';
import { SIZES, assertTabReachesEverything, inside } from './lib/reflow.js';
import { artifact, useServerAndChromium } from './lib/setup.js';
import { click, findWidget, widgets } from './lib/ui.js';

const env = useServerAndChromium();
const NAMES = ['Олена Коваль', 'محمد العلي', 'Zeynep Yılmaz', '王芳', 'प्रिया शर्मा', 'Mia 🌻'];
// The em of a thumbnail's name in CSS px: 90% of the 18 px UI font (ui/widgets.cpp draw_tile),
// whose em is 2048/2384 of that height (ui/any_text.cpp).
const TILE_FONT = 18 * 0.9 * 2048 / 2384;

const SCALE = 2;  // device pixels per CSS px: 200% on a laptop, and letters big enough to compare

async function joinAudioOnly(name, options, room = 'names-of-the-world') {
  const t0 = Date.now();
  const page = await (await env.browser.newContext({ locale: 'en-US', ...options })).newPage();
  // With five in the room a sixth page takes a while on two cores (the room screen's cost is issue
  // "Video through the browser's compositor").
  await page.goto(`${env.server.url}/r/${room}`, { timeout: 90000 });
  await findWidget(page, 'input', 'Your name', 60000);
  await click(page, 'input', 'Your name');
  await page.keyboard.type(name);
  await click(page, 'checkbox', 'Audio only (no camera)');  // six pictures would only cost time here
  await page.waitForFunction(() => window.treff.ui().some((w) => w.role === 'checkbox' && w.checked));
  await click(page, 'button', 'Join');
  await waitForState(page, 's => s.phase === "in-room"', 60000);
  console.log(`# ${name} in the room after ${Date.now() - t0} ms`);
  return page;
}

// How alike the white letters in `shot` (the pixels of a name band, lib/pixels.js) are to `text`
// drawn by the browser in white at `px`: the two ink masks, each cut to its bounding box, overlaid
// (intersection over union, 0..1). Runs in a blank page, which draws `text` with a 2D canvas.
function likeness({ shot, text, px }) {
  const FONT = `${px}px "DejaVu Sans", system-ui, sans-serif`;
  const ink = (ctx, w, h) => {
    const d = ctx.getImageData(0, 0, w, h).data;
    const lit = (x, y) => { const i = 4 * (y * w + x); return 0.3 * d[i] + 0.59 * d[i + 1] + 0.11 * d[i + 2] > 120; };
    // Thickened by a pixel, so that the two renderers' antialiasing and half-pixel offsets do not count.
    const on = (x, y) => {
      for (let dy = -1; dy <= 1; ++dy) for (let dx = -1; dx <= 1; ++dx) {
        const u = x + dx, v = y + dy;
        if (u >= 0 && v >= 0 && u < w && v < h && lit(u, v)) return true;
      }
      return false;
    };
    let x0 = w, y0 = h, x1 = -1, y1 = -1;
    for (let y = 0; y < h; ++y) for (let x = 0; x < w; ++x) if (on(x, y)) { x0 = Math.min(x0, x); y0 = Math.min(y0, y); x1 = Math.max(x1, x); y1 = Math.max(y1, y); }
    return { on, x0, y0, w: x1 - x0 + 1, h: y1 - y0 + 1 };
  };
  const w = shot.width, h = shot.height;
  const a = document.createElement('canvas');
  a.width = w; a.height = h;
  const actx = a.getContext('2d', { willReadFrequently: true });
  actx.putImageData(new ImageData(new Uint8ClampedArray(shot.data), w, h), 0, 0);
  const b = document.createElement('canvas');
  b.width = w; b.height = h;
  const bctx = b.getContext('2d', { willReadFrequently: true });
  bctx.fillStyle = '#000'; bctx.fillRect(0, 0, w, h);
  bctx.font = FONT; bctx.fillStyle = '#fff'; bctx.textBaseline = 'middle';
  bctx.direction = /[\u0590-\u08FF]/.test(text) ? 'rtl' : 'ltr';
  bctx.textAlign = 'left';
  bctx.fillText(text, 8, h / 2);
  const p = ink(actx, w, h), q = ink(bctx, w, h);
  if (p.w <= 0 || q.w <= 0) return 0;
  const W = Math.max(p.w, q.w), H = Math.max(p.h, q.h);
  let both = 0, either = 0;
  for (let y = 0; y < H; ++y) {
    for (let x = 0; x < W; ++x) {
      const s = x < p.w && y < p.h && p.on(p.x0 + x, p.y0 + y), t = x < q.w && y < q.h && q.on(q.x0 + x, q.y0 + y);
      if (s && t) ++both;
      if (s || t) ++either;
    }
  }
  return both / either;
}

// On `page` (at device scale SCALE), the thumbnail of each of `names` carries the name unchanged
// in the automation tree and shows it as written; `self` is the page's own name, whose tile
// says "(You)" after it. Each band is looked at up to three times, a second apart, with the tile's
// place read again each time: a look that caught the strip while it changed (someone's connection
// came back, a tile moved) is logged and taken again; a name drawn wrongly stays wrong and fails.
async function assertNamesDrawn(page, names, self) {
  const tiles = (await widgets(page)).filter((w) => w.role === 'thumbnail');
  for (const name of names) {
    assert.ok(tiles.some((t) => t.label === name || t.label.startsWith(`${name} (`)),
      `the automation tree carries ${name} unchanged: ${JSON.stringify(tiles.map((t) => t.label))}`);
  }
  const blank = await (await env.browser.newContext({ deviceScaleFactor: 1 })).newPage();
  const tileOf = async (name) => (await widgets(page)).find((t) => t.role === 'thumbnail' && (t.label === name || t.label.startsWith(`${name} (`)));
  for (const name of names) {
    const drawn = name === self ? `${name} (You)` : name;
    // What a client with only the UI font's letters (Latin-1, Latin Extended-A) drew instead, and
    // what a system without a font for the script draws: empty boxes (as for an unassigned letter,
    // U+0378), which the browser's own drawing would then show too.
    const fallback = drawn.replace(/[^\u0000-\u017F]/gu, '?');
    let verdict;
    for (let look = 1; look <= 3; ++look) {
      const tile = await tileOf(name);
      // The name band: the bottom of the tile, inside the frames of the speaker and the large view.
      const band = { x: tile.rect.x + 6, y: tile.rect.y + tile.rect.h - 28, width: tile.rect.w - 12, height: 22 };
      const shot = await pixelsOf(env.browser, page, band, artifact(`names-band-${name.replace(/\s/g, '_')}-${look}.png`));
      const after = await tileOf(name);
      const like = (text) => blank.evaluate(likeness, { shot, text, px: TILE_FONT * SCALE });
      const other = async (text) => (text === drawn ? 0 : like(text));
      const asWritten = await like(drawn);
      const asQuestionMarks = await other(fallback), asBoxes = await other(drawn.replace(/[^\u0000-\u017F]/gu, '\u0378'));
      verdict = {
        ok: asWritten > 0.6 && asWritten > Math.max(asQuestionMarks, asBoxes) + 0.15,
        text: `likeness ${asWritten.toFixed(2)}, to "${fallback}" ${asQuestionMarks.toFixed(2)}, to boxes ${asBoxes.toFixed(2)}` +
          ` (look ${look}; tile ${JSON.stringify(tile.rect)} "${tile.detail ?? ''}", after it ${JSON.stringify(after?.rect)} "${after?.detail ?? ''}")`,
      };
      if (verdict.ok) break;
      console.log(`# ${name} not as written at look ${look}: ${verdict.text}`);
      await new Promise((r) => setTimeout(r, 1000));
    }
    assert.ok(verdict.ok, `${name} is drawn as written: ${verdict.text}`);
    console.log(`# ${name}: ${verdict.text}`);
  }
  await blank.context().close();
}

test('six names in six scripts: each tile shows its name as written, and says it to screen readers', async () => {
  const first = await joinAudioOnly(NAMES[0], { viewport: { width: 1280, height: 800 }, deviceScaleFactor: SCALE });
  const others = [];
  for (const [i, name] of NAMES.slice(1).entries()) {
    const { name: sizeName, ...options } = SIZES[i] ?? { viewport: { width: 480, height: 360 } };
    others.push({ page: await joinAudioOnly(name, options), size: SIZES[i] });
  }
  await waitForState(first, `s => s.participants.length === ${NAMES.length}`, 60000);
  await first.screenshot({ path: artifact('names-six-scripts.png') });

  // The room of six at 200% zoom, 400% (or a small phone) and in phone landscape: the toolbar is
  // in view, and Tab reaches every tile and button and brings it into view.
  for (const { page, size } of others.filter((o) => o.size)) {
    await waitForState(page, `s => s.participants.length === ${NAMES.length}`, 60000);
    const all = await widgets(page);
    for (const w of all.filter((x) => x.role === 'button')) {
      assert.ok(inside(w.rect, size.viewport), `${size.name}: "${w.label}" is in view with six in the room: ${JSON.stringify(w.rect)}`);
    }
    await page.screenshot({ path: artifact(`reflow-room-six-${size.name}.png`) });
    await assertTabReachesEverything(page, size);
  }

  await assertNamesDrawn(first, NAMES, NAMES[0]);
});

test('Korean, Greek, Hebrew and Japanese names too: each is drawn as written', async () => {
  // One host, and three guests who come and go one after another: two pages at a time.
  const host = '김민준';
  const first = await joinAudioOnly(host, { viewport: { width: 1280, height: 800 }, deviceScaleFactor: SCALE }, 'names-more');
  for (const guest of ['Γιώργος Νικολάου', 'שרה כהן', 'さくら 佐藤']) {
    const page = await joinAudioOnly(guest, { viewport: { width: 480, height: 360 } }, 'names-more');
    await waitForState(first, 's => s.participants.length === 2');
    await assertNamesDrawn(first, [host, guest], host);
    await page.context().close();
    await waitForState(first, 's => s.participants.length === 1');
  }
});
