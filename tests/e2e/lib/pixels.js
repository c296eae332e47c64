// Reads what a page shows, pixel by pixel: a screenshot decoded by a 2D canvas in a blank page of
// the same browser (Node has no image decoder of its own). The screenshot is kept at `path` if given.
export async function pixelsOf(browser, page, clip, path = undefined) {
  const png = await page.screenshot({ clip, path });
  const blank = await (await browser.newContext({ deviceScaleFactor: 1 })).newPage();
  try {
    return await blank.evaluate(async (url) => {
      const img = new Image();
      img.src = url;
      await img.decode();
      const canvas = document.createElement('canvas');
      canvas.width = img.width;
      canvas.height = img.height;
      const ctx = canvas.getContext('2d');
      ctx.drawImage(img, 0, 0);
      return { width: img.width, height: img.height, data: Array.from(ctx.getImageData(0, 0, img.width, img.height).data) };
    }, `data:image/png;base64,${png.toString('base64')}`);
  } finally {
    await blank.context().close();
  }
}
