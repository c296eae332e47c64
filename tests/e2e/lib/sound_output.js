// A sound output for Firefox in a machine without sound hardware: a PulseAudio server of its own
// with one null sink (it plays into nothing, in real time). Firefox starts its Web Audio only once
// it has an output device; without one its AudioContext stays "suspended" and nothing is recorded.
// Chromium needs none (its headless mode has a fake output).
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

// Resolves with {env, stop()} once the server takes connections: `env` holds what a browser needs
// to find it (XDG_RUNTIME_DIR for the socket, HOME for PulseAudio's cookie).
export async function startSoundOutput(timeoutMs = 10000) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'treff-sound-'));
  const env = { ...process.env, XDG_RUNTIME_DIR: dir, HOME: dir };
  // -n: no default configuration (it would look for sound cards); --exit-idle-time=-1: it stays
  // while no browser is connected. Root is refused a per-user server unless --system, which
  // needs a system user: tests run as root in CI, so it is told the warning is known.
  const child = spawn('pulseaudio', ['-n', '--daemonize=no', '--exit-idle-time=-1', '--use-pid-file=no',
    '--load=module-null-sink', '--load=module-native-protocol-unix', '--log-target=stderr'],
  { env, stdio: ['ignore', 'ignore', 'pipe'] });
  let log = '';
  child.stderr.on('data', (d) => { log += d; });
  const socket = path.join(dir, 'pulse', 'native');
  const deadline = Date.now() + timeoutMs;
  while (!fs.existsSync(socket)) {
    if (child.exitCode !== null || Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`pulseaudio did not start:\n${log}`);
    }
    await new Promise((r) => setTimeout(r, 50));
  }
  return {
    env: { XDG_RUNTIME_DIR: dir, HOME: dir },
    stop: async () => {
      if (child.exitCode === null) {
        const gone = new Promise((r) => child.once('exit', r));
        child.kill('SIGTERM');
        await gone;
      }
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}
