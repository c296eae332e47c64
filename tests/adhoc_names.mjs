import { launchChromium, waitForState } from './e2e/lib/browser.js';
import { smallFakeVideo } from './e2e/lib/fake_video.js';
import { startServer, stopServer } from './e2e/lib/server.js';
import { joinByLink, widgets } from './e2e/lib/ui.js';
const server = await startServer();
const browser = await launchChromium([`--use-file-for-fake-video-capture=${smallFakeVideo()}`]);
const names = process.argv.slice(2);
const pages = [];
for (const n of names) {
  const ctx = await browser.newContext({ locale: 'en-US', viewport: { width: 900, height: 600 }, deviceScaleFactor: 1 });
  await ctx.grantPermissions([]);
  const p = await ctx.newPage();
  await joinByLink(p, `${server.url}/r/names?x=1`, n);
  await waitForState(p, 's => s.phase === "in-room"');
  pages.push(p);
}
await waitForState(pages[0], `s => s.participants.length === ${names.length}`, 20000);
await new Promise((r) => setTimeout(r, 2000));
await pages[0].screenshot({ path: '/tmp/adhoc/names.png' });
console.log(JSON.stringify((await widgets(pages[0])).filter(w => w.role === 'thumbnail').map(w => w.label)));
await browser.close(); await stopServer(server);
