// Starts Debian's coturn (turnserver) on loopback as the TURN relay of a test, with the TURN REST
// shared secret (use-auth-secret) that treff-server makes its clients' credentials with.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

// Resolves with {url, secretFile, stop()} once coturn has opened its listeners. `address`: where it
// listens and relays; `netns`: a network namespace to run it in (its peers are then not on
// loopback).
export function startCoturn({ secret, port = 3478, address = '127.0.0.1', netns = null, timeoutMs = 10000 }) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'treff-coturn-'));
  const secretFile = path.join(dir, 'turn-secret');
  fs.writeFileSync(secretFile, secret + '\n', { mode: 0o600 });
  fs.writeFileSync(path.join(dir, 'turnserver.conf'), [
    `listening-ip=${address}`, `relay-ip=${address}`, `listening-port=${port}`, 'min-port=49160', 'max-port=49260',
    // verbose: one log line per request with its user and answer, which tests read.
    'verbose', 'use-auth-secret', `static-auth-secret=${secret}`, 'realm=treff.test',
    'no-tls', 'no-dtls', 'no-cli', 'no-multicast-peers',
    // Peers on loopback are the test's browsers; a real relay denies them (tools/host).
    ...(netns ? [] : ['allow-loopback-peers']),
    `pidfile=${dir}/turnserver.pid`, `userdb=${dir}/turndb`, 'log-file=stdout', 'simple-log',
  ].join('\n') + '\n');
  return new Promise((resolve, reject) => {
    const command = ['turnserver', '-c', path.join(dir, 'turnserver.conf')];
    const child = spawn(netns ? 'ip' : command[0], netns ? ['netns', 'exec', netns, ...command] : command.slice(1),
      { stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    const stop = () => new Promise((done) => {
      if (child.exitCode !== null || child.signalCode) { fs.rmSync(dir, { recursive: true, force: true }); return done(); }
      child.on('exit', () => { fs.rmSync(dir, { recursive: true, force: true }); done(); });
      child.kill('SIGTERM');
    });
    const timer = setTimeout(() => { child.kill('SIGKILL'); reject(new Error(`coturn did not start:\n${output}`)); }, timeoutMs);
    const onData = (chunk) => {
      output += chunk;
      if (!output.includes('Total General servers')) return;
      clearTimeout(timer);
      resolve({ url: `turn:${address}:${port}?transport=udp`, secretFile, stop, output: () => output });
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.on('exit', (code) => { clearTimeout(timer); reject(new Error(`coturn exited with ${code}:\n${output}`)); });
  });
}
