// What the tests of small windows share: the window sizes, and checks that the controls a person
// needs are in view and that the keyboard reaches every control and brings it into view.
import assert from 'node:assert/strict';
import { widgets } from './ui.js';

export const SIZES = [
  { name: 'zoom200', viewport: { width: 640, height: 400 }, deviceScaleFactor: 2 },
  { name: 'narrow320', viewport: { width: 320, height: 568 }, deviceScaleFactor: 2 },
  { name: 'landscape', viewport: { width: 844, height: 390 }, deviceScaleFactor: 3, hasTouch: true, isMobile: true },
];

export const inside = (rect, viewport) =>
  rect.x >= 0 && rect.y >= 0 && rect.x + rect.w <= viewport.width && rect.y + rect.h <= viewport.height;

// The name field and the main button lie inside the window as the screen opens.
export async function assertMainActionVisible(page, size, mainButton) {
  const all = await widgets(page);
  for (const [role, label] of [['input', 'Your name'], ['button', mainButton]]) {
    const w = all.find((x) => x.role === role && x.label === label);
    assert.ok(w, `${size.name}: ${role} "${label}" exists`);
    assert.ok(inside(w.rect, size.viewport), `${size.name}: ${role} "${label}" inside the window: ${JSON.stringify(w.rect)}`);
  }
}

// What has keyboard focus: the mirror element's label and where it is on screen.
export const focused = (page) => page.evaluate(() => {
  const el = document.activeElement;
  if (!el || !el.closest('#mirror')) return null;
  const r = el.getBoundingClientRect();
  return { label: el.getAttribute('aria-label'), x: r.x, y: r.y, w: r.width, h: r.height };
});

// The screen's controls once they hold still (the camera's button, say, comes when the camera
// opened): their labels, as a string to compare.
async function settledControls(page) {
  const read = async () => (await widgets(page)).filter((w) => w.role !== 'text' && !w.disabled);
  let controls = await read();
  for (const deadline = Date.now() + 5000; Date.now() < deadline;) {
    await new Promise((r) => setTimeout(r, 300));
    const again = await read();
    if (JSON.stringify(again.map((w) => w.label)) === JSON.stringify(controls.map((w) => w.label))) break;
    controls = again;
  }
  return controls;
}

// Tab once round all controls: each one is scrolled into view when it gets focus.
// Disabled controls (a camera toggle without a camera) are left out of the Tab order, as in HTML.
export async function assertTabReachesEverything(page, size) {
  const controls = await settledControls(page);
  const seen = new Set();
  const trail = [];
  for (let i = 0; i < controls.length + 2; ++i) {
    await page.keyboard.press('Tab');
    let f = await focused(page);
    const deadline = Date.now() + 2000;
    while (f && !inside({ x: f.x, y: f.y, w: f.w, h: f.h }, size.viewport) && Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 50));
      f = await focused(page);
    }
    trail.push(f?.label ?? '(outside the page)');
    if (!f) continue;
    if (seen.has(f.label)) break;  // round once
    assert.ok(inside({ x: f.x, y: f.y, w: f.w, h: f.h }, size.viewport),
      `${size.name}: "${f.label}" is scrolled into view when focused: ${JSON.stringify(f)}`);
    seen.add(f.label);
  }
  // A screen reader hears more after some labels ("Hanna, You, speaking").
  const reached = (label) => [...seen].some((s) => s === label || s.startsWith(`${label}, `));
  assert.deepEqual(controls.map((w) => w.label).filter((l) => !reached(l)), [], `${size.name}: Tab reaches every control (focus went: ${trail.join(' → ')})`);
}

