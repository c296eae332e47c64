// Runs Firefox inside a network namespace for puppeteer: `node firefox_in_netns.js <ns> <args>`.
// Firefox's WebDriver BiDi port listens on the namespace's loopback, which the test outside cannot
// reach, so this opens the same port outside (Firefox refuses a Host header with another port) and
// carries each connection to the one inside through a small relay process started in the namespace.
import { spawn } from 'node:child_process';
import net from 'node:net';

const [ns, ...args] = process.argv.slice(2);
const inNamespace = (command, commandArgs, options) => spawn('ip', ['netns', 'exec', ns, command, ...commandArgs], options);

// Lets `port` outside reach `port` on the namespace's loopback.
function forward(port) {
  const relay = `const s = require('net').connect(${port}, '127.0.0.1');` +
    "process.stdin.pipe(s); s.pipe(process.stdout); s.on('close', () => process.exit(0)); s.on('error', () => process.exit(1));";
  const server = net.createServer((socket) => {
    const inside = inNamespace(process.execPath, ['-e', relay], { stdio: ['pipe', 'pipe', 'ignore'] });
    socket.pipe(inside.stdin);
    inside.stdout.pipe(socket);
    socket.on('error', () => inside.kill());
    socket.on('close', () => inside.kill());
    inside.on('exit', () => socket.destroy());
  });
  return new Promise((resolve, reject) => {
    server.on('error', reject);
    server.listen(port, '127.0.0.1', resolve);
  });
}

const firefox = inNamespace(process.env.TREFF_FIREFOX || '/usr/bin/firefox-esr', args, { stdio: ['ignore', 'inherit', 'pipe'] });
let pending = '';
let lines = Promise.resolve();  // in order, though a forward takes a moment
firefox.stderr.on('data', (chunk) => { lines = lines.then(() => passOn(chunk)); });
async function passOn(chunk) {
  pending += chunk;
  let end;
  while ((end = pending.indexOf('\n')) >= 0) {
    const line = pending.slice(0, end + 1);
    pending = pending.slice(end + 1);
    const listening = line.match(/ws:\/\/127\.0\.0\.1:(\d+)/);
    if (listening) await forward(Number(listening[1]));
    process.stderr.write(line);
  }
}
firefox.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
for (const signal of ['SIGTERM', 'SIGINT']) process.on(signal, () => firefox.kill(signal));
