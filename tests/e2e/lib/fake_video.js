// A small Y4M clip for Chromium's fake camera (--use-file-for-fake-video-capture): 160x120 at
// 15 fps with a moving bar, so several browsers on one small machine stay responsive.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export function smallFakeVideo() {
  return fakeVideo(160, 120);
}

// The same at another size: a publisher whose simulcast layers differ in size (640x360 gives
// 640x360, 320x180 and 160x90).
export function fakeVideo(w, h) {
  const file = path.join(os.tmpdir(), `treff-fake-${w}x${h}.y4m`);
  if (fs.existsSync(file)) return file;
  const frames = 30;
  const parts = [Buffer.from(`YUV4MPEG2 W${w} H${h} F15:1 Ip A1:1 C420jpeg\n`)];
  for (let f = 0; f < frames; f++) {
    const y = Buffer.alloc(w * h, 60);
    const bar = Math.floor((f / frames) * w);
    for (let row = 0; row < h; row++) y.fill(220, row * w + bar, row * w + Math.min(w, bar + 16));
    parts.push(Buffer.from('FRAME\n'), y, Buffer.alloc((w * h) / 4, 100), Buffer.alloc((w * h) / 4, 160));
  }
  fs.writeFileSync(file + '.tmp', Buffer.concat(parts));
  fs.renameSync(file + '.tmp', file);
  return file;
}
