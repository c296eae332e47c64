// Finds widgets through the client's automation tree (window.treff.ui()) and operates them the
// way a person would: real mouse clicks at their rectangle, real key presses. Works with pages of
// playwright-core (Chromium) and of puppeteer-core (Firefox): it uses only evaluate, mouse and
// keyboard, which both have in the same shape.

export async function widgets(page) {
  return page.evaluate(() => (window.treff && window.treff.ui ? window.treff.ui() : []));
}

// Waits for a widget with this role and label; returns it.
export async function findWidget(page, role, label, timeout = 10000) {
  const deadline = Date.now() + timeout;
  for (;;) {
    const found = (await widgets(page)).find((w) => w.role === role && w.label === label);
    if (found) return found;
    if (Date.now() > deadline) throw new Error(`no ${role} "${label}" within ${timeout} ms`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

// A widget below (or above) the visible part of a screen that scrolls is first brought into view
// as a keyboard user brings it: focus on its DOM mirror element, and the screen scrolls to it. Then
// it is clicked with the mouse where it is now.
export async function click(page, role, label) {
  let w = await findWidget(page, role, label);
  const inView = (r, vp) => r.y >= 0 && r.x >= 0 && r.y + r.h <= vp.h && r.x + r.w <= vp.w;
  const viewport = await page.evaluate(() => ({ w: window.innerWidth, h: window.innerHeight }));
  if (!inView(w.rect, viewport)) {
    const focused = await page.evaluate((label) => {
      const mirrored = [...document.querySelectorAll('#mirror [aria-label]')]
        .find((e) => { const spoken = e.getAttribute('aria-label'); return spoken === label || spoken.startsWith(`${label}, `); });
      if (!mirrored) return false;
      mirrored.focus();
      return true;
    }, label);
    const deadline = Date.now() + 3000;
    while (focused && !inView(w.rect, viewport) && Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 50));
      w = await findWidget(page, role, label);
    }
  }
  w = await settledWidget(page, role, label, w);
  const box = await page.evaluate(() => {
    const r = document.getElementById('canvas').getBoundingClientRect();
    return { x: r.x, y: r.y };
  });
  await page.mouse.click(box.x + w.rect.x + w.rect.w / 2, box.y + w.rect.y + w.rect.h / 2);
  return w;
}

// The widget once it is where it stays: a screen that has just opened lays itself out over a frame
// or two, and a click at the first place read may land beside the button (as a person's would if
// the button jumped under the pointer).
export async function settledWidget(page, role, label, w = null) {
  if (!w) w = await findWidget(page, role, label);
  const same = (a, b) => a.x === b.x && a.y === b.y && a.w === b.w && a.h === b.h;
  for (const deadline = Date.now() + 2000; Date.now() < deadline;) {
    await new Promise((r) => setTimeout(r, 60));
    const again = await findWidget(page, role, label);
    if (same(again.rect, w.rect)) return again;
    w = again;
  }
  return w;
}

// Opens a room link, clicks into the name field, types the name and presses Enter.
export async function joinByLink(page, url, name) {
  await page.goto(url);
  await click(page, 'input', await nameCaption(page));
  await page.keyboard.type(name);
  await page.keyboard.press('Enter');
}

// The caption of the name field (the first field) in the page's language.
async function nameCaption(page, timeout = 15000) {
  const deadline = Date.now() + timeout;
  for (;;) {
    const input = (await widgets(page)).find((w) => w.role === 'input');
    if (input) return input.label;
    if (Date.now() > deadline) throw new Error('the join prompt did not appear');
    await new Promise((r) => setTimeout(r, 50));
  }
}
