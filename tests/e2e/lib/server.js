// Starts treff-server (or ./tools/run) as a child process and finds the URL it prints.
import { spawn } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
export const SERVER_BINARY = path.join(REPO, 'build/native/src/server/treff-server');

// Runs `command args`, resolves with {url, port, child, output()} once it prints its URL.
export function startServer({ command = SERVER_BINARY, args = ['--port', '0'], timeoutMs = 600000 } = {}) {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd: REPO, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`${command} printed no URL in time:\n${output}`));
    }, timeoutMs);
    const onData = (chunk) => {
      output += chunk;
      const m = output.match(/listening on (https?:\/\/[^\s/]+:(\d+))\//);
      if (m) {
        clearTimeout(timer);
        resolve({ url: m[1], port: Number(m[2]), child, output: () => output });
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`${command} exited with ${code} before printing a URL:\n${output}`));
    });
  });
}

// Stops the process group politely and waits for it to be gone.
export function stopServer(server) {
  return new Promise((resolve) => {
    if (server.child.exitCode !== null) return resolve(server.child.exitCode);
    server.child.removeAllListeners('exit');
    server.child.on('exit', (code) => resolve(code));
    server.child.kill('SIGTERM');
  });
}
