// Finds widgets through the client's automation tree (window.treff.ui()) and operates them the
// way a person would: real mouse clicks at their rectangle, real key presses.

export async function widgets(page) {
  return page.evaluate(() => (window.treff && window.treff.ui ? window.treff.ui() : []));
}

// Waits for a widget with this role and label; returns it.
export async function findWidget(page, role, label, timeout = 10000) {
  await page.waitForFunction(
    ([r, l]) => window.treff && window.treff.ui && window.treff.ui().some((w) => w.role === r && w.label === l),
    [role, label], { timeout });
  return (await widgets(page)).find((w) => w.role === role && w.label === label);
}

export async function click(page, role, label) {
  const w = await findWidget(page, role, label);
  const box = await page.locator('#canvas').boundingBox();
  await page.mouse.click(box.x + w.rect.x + w.rect.w / 2, box.y + w.rect.y + w.rect.h / 2);
  return w;
}

// Opens a room link, types the name into the join prompt and presses Enter.
export async function joinByLink(page, url, name) {
  await page.goto(url);
  await click(page, 'input', await nameCaption(page));
  await page.keyboard.type(name);
  await page.keyboard.press('Enter');
}

// The caption of the name field in the page's language.
async function nameCaption(page) {
  await page.waitForFunction(() => window.treff && window.treff.ui && window.treff.ui().some((w) => w.role === 'input'));
  return (await widgets(page)).find((w) => w.role === 'input').label;
}
