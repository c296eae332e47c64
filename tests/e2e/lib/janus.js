// Starts a local Janus through tools/janus for a test, on an address of its own that Janus will
// gather ICE candidates on: Janus skips interfaces flagged loopback, so the test's network
// namespace gets an extra interface (ifb "jlo") holding 127.0.0.2, as tools/janus explains.
import { spawn, execFileSync } from 'node:child_process';
import path from 'node:path';
import { REPO } from './server.js';

function ensureInterface(name, address) {
  const links = execFileSync('ip', ['-o', 'link', 'show'], { encoding: 'utf8' });
  if (links.includes(` ${name}:`)) return;
  execFileSync('ip', ['link', 'add', name, 'type', 'ifb']);
  execFileSync('ip', ['addr', 'add', `${address}/32`, 'dev', name]);
  execFileSync('ip', ['link', 'set', name, 'up']);
}

// Resolves with {url, stop(), output()} once Janus's WebSocket listens.
export function startJanus({ address = '127.0.0.2', port = 8188, timeoutMs = 20000 } = {}) {
  ensureInterface('jlo', address);
  return new Promise((resolve, reject) => {
    const child = spawn(path.join(REPO, 'tools/janus'), ['--ws', `${address}:${port}`, '--ice-interface', 'jlo'],
      { stdio: ['ignore', 'pipe', 'pipe'], detached: true });
    let output = '';
    // Janus sometimes hangs in its own shutdown: what has not gone after 5 s is killed.
    const stop = () => new Promise((done) => {
      if (child.exitCode !== null || child.signalCode) return done();
      const kill = setTimeout(() => process.kill(-child.pid, 'SIGKILL'), 5000);
      child.on('exit', () => { clearTimeout(kill); done(); });
      process.kill(-child.pid, 'SIGTERM');
    });
    const timer = setTimeout(() => { process.kill(-child.pid, 'SIGKILL'); reject(new Error(`Janus did not start:\n${output}`)); }, timeoutMs);
    const onData = (chunk) => {
      output += chunk;
      if (!output.includes('WebSockets thread started')) return;
      clearTimeout(timer);
      resolve({ url: `ws://${address}:${port}`, stop, output: () => output });
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.on('exit', (code) => { clearTimeout(timer); reject(new Error(`Janus exited with ${code}:\n${output}`)); });
  });
}
