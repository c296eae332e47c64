// WAV files for Chromium's fake microphone (--use-file-for-fake-audio-capture, played in a loop).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

// `seconds` of 48 kHz mono 16-bit sound: a tone of `hz` at `amplitude` (0..1), or silence (0).
export function fakeSound(name, { seconds = 2, hz = 440, amplitude = 0 } = {}) {
  const file = path.join(os.tmpdir(), `treff-fake-${name}.wav`);
  const rate = 48000, frames = seconds * rate;
  const data = Buffer.alloc(frames * 2);
  for (let i = 0; i < frames; i++) data.writeInt16LE(Math.round(amplitude * 32767 * Math.sin((2 * Math.PI * hz * i) / rate)), i * 2);
  const header = Buffer.alloc(44);
  header.write('RIFF', 0); header.writeUInt32LE(36 + data.length, 4); header.write('WAVE', 8);
  header.write('fmt ', 12); header.writeUInt32LE(16, 16); header.writeUInt16LE(1, 20); header.writeUInt16LE(1, 22);
  header.writeUInt32LE(rate, 24); header.writeUInt32LE(rate * 2, 28); header.writeUInt16LE(2, 32); header.writeUInt16LE(16, 34);
  header.write('data', 36); header.writeUInt32LE(data.length, 40);
  fs.writeFileSync(file, Buffer.concat([header, data]));
  return file;
}
