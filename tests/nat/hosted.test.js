// The README's "Run Treff for others", followed on this machine: a self-made certificate where
// Let's Encrypt would put one, the name treff.test in each namespace's hosts file, coturn from
// tools/host/turnserver.conf.template and treff-server as tools/host/treff-server.service runs it
// (its ExecStart, as the unprivileged user "treff" with only the capability to bind port 443), on
// the "internet" of homes.sh; one Chromium in each home behind a NAT that only a relay crosses,
// trusting the certificate as a browser trusts a real one. Root.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { waitForState } from '../e2e/lib/browser.js';
import { REPO, SERVER_BINARY, startServer, stopServer } from '../e2e/lib/server.js';
import { CONNECTED, chromiumIn, homesDownAll, homesUp, joinBoth, namesFor, pathTo } from './lib/homes.js';

const DOMAIN = 'treff.test';
const SITE = `https://${DOMAIN}`;
const prefix = namesFor('s');
// Stands for the host's "/": what the README puts in /etc and /usr/local goes here.
const host = fs.mkdtempSync(path.join(os.tmpdir(), 'treff-host-'));
const cleanups = [];
after(async () => {
  for (const undo of cleanups.reverse()) await undo();
  homesDownAll();
  fs.rmSync(host, { recursive: true, force: true });
});

const inHost = (p) => path.join(host, p);
// The README's absolute paths, moved under `host`.
const hostPaths = (text) => text.replaceAll('@DOMAIN@', DOMAIN)
  .replace(/(^|[\s=])\/(etc|usr\/local)\//gm, (_, before, dir) => `${before}${host}/${dir}/`);

function sh(command, args, options = {}) { return execFileSync(command, args, { encoding: 'utf8', ...options }); }

// 1. A name and TLS: a certificate for treff.test in Let's Encrypt's place, the name in the hosts
// file of every namespace (`ip netns exec` mounts /etc/netns/<ns>/hosts over /etc/hosts). This
// internet has no DNS server: resolv.conf names one that refuses at once, else Chromium's lookups
// (it asks DNS too) wait for timeouts, 13 s before the first picture.
function nameAndCertificate() {
  const live = inHost(`etc/letsencrypt/live/${DOMAIN}`);
  fs.mkdirSync(live, { recursive: true });
  sh('openssl', ['req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:P-256', '-nodes', '-days', '2',
    '-subj', `/CN=${DOMAIN}`, '-addext', `subjectAltName=DNS:${DOMAIN}`,
    '-keyout', path.join(live, 'privkey.pem'), '-out', path.join(live, 'fullchain.pem')], { stdio: 'ignore' });
  for (const ns of ['wan', 'h1', 'h2'].map((n) => prefix + n)) {
    const dir = `/etc/netns/${ns}`;
    fs.mkdirSync(dir, { recursive: true });
    fs.writeFileSync(`${dir}/hosts`, `127.0.0.1 localhost\n203.0.113.1 ${DOMAIN}\n`);
    fs.writeFileSync(`${dir}/resolv.conf`, 'nameserver 127.0.0.1\n');
    cleanups.push(() => fs.rmSync(dir, { recursive: true, force: true }));
  }
  // What a browser checks when it trusts a certificate: the hash of its public key.
  const der = sh('openssl', ['pkey', '-in', path.join(live, 'privkey.pem'), '-pubout', '-outform', 'der'], { encoding: 'buffer' });
  return execFileSync('openssl', ['dgst', '-sha256', '-binary'], { input: der }).toString('base64');
}

// The user of the unit, made as its header says; reads the certificate through the group.
function serviceUser() {
  try { sh('id', ['treff'], { stdio: 'ignore' }); } catch {
    sh('useradd', ['--system', '--home', '/var/lib/treff', '--shell', '/usr/sbin/nologin', 'treff']);
  }
  sh('chmod', ['-R', 'go+rX', host]);
  sh('chgrp', ['-R', 'treff', inHost('etc/letsencrypt')]);
  sh('chmod', ['640', inHost(`etc/letsencrypt/live/${DOMAIN}/privkey.pem`)]);
}

// 2. A TURN relay: the template with its @...@ filled in, and the same secret for treff-server.
async function relay() {
  const secret = sh('openssl', ['rand', '-hex', '32']).trim();
  fs.mkdirSync(inHost('etc/treff'), { recursive: true });
  fs.writeFileSync(inHost('etc/treff/turn-secret'), secret + '\n', { mode: 0o600 });
  sh('chown', ['treff:treff', inHost('etc/treff/turn-secret')]);
  const template = fs.readFileSync(path.join(REPO, 'tools/host/turnserver.conf.template'), 'utf8');
  fs.writeFileSync(inHost('etc/turnserver.conf'), hostPaths(template).replaceAll('@SECRET@', secret));
  // Its pid file, database and log go to the test's host folder rather than the machine's.
  const coturn = spawn('ip', ['netns', 'exec', `${prefix}wan`, 'turnserver', '-c', inHost('etc/turnserver.conf'),
    '--pidfile', inHost('turnserver.pid'), '--userdb', inHost('turndb'), '--log-file', 'stdout', '--simple-log'],
  { stdio: ['ignore', 'pipe', 'pipe'] });
  cleanups.push(() => new Promise((done) => { if (coturn.exitCode !== null) done(); else { coturn.on('exit', done); coturn.kill(); } }));
  await new Promise((resolve, reject) => {
    let output = '';
    const timer = setTimeout(() => reject(new Error(`coturn did not start:\n${output}`)), 10000);
    const onData = (chunk) => {
      output += chunk;
      if (output.includes('Total General servers')) { clearTimeout(timer); resolve(); }
    };
    coturn.stdout.on('data', onData);
    coturn.stderr.on('data', onData);
    coturn.on('exit', (code) => { clearTimeout(timer); reject(new Error(`coturn exited with ${code}:\n${output}`)); });
  });
}

// 3. treff-server installed as the unit's header says and run with its ExecStart, user, group and
// ambient capability (this machine has no systemd to read the unit).
async function treffServer() {
  fs.mkdirSync(inHost('usr/local/bin'), { recursive: true });
  fs.mkdirSync(inHost('usr/local/share'), { recursive: true });
  fs.copyFileSync(SERVER_BINARY, inHost('usr/local/bin/treff-server'));
  fs.chmodSync(inHost('usr/local/bin/treff-server'), 0o755);
  fs.cpSync(path.join(REPO, 'build/wasm/site'), inHost('usr/local/share/treff-site'), { recursive: true });
  sh('chmod', ['-R', 'go+rX', inHost('usr')]);
  const unit = fs.readFileSync(path.join(REPO, 'tools/host/treff-server.service'), 'utf8');
  const execStart = hostPaths(unit.match(/^ExecStart=((?:.*\\\n)*.*)$/m)[1].replace(/\\\n/g, ' ')).trim().split(/\s+/);
  const setting = (key) => unit.match(new RegExp(`^${key}=(.*)$`, 'm'))[1].trim();
  const capability = setting('AmbientCapabilities').replace(/^CAP_/, '').toLowerCase();
  const server = await startServer({ command: 'ip', args: ['netns', 'exec', `${prefix}wan`,
    'setpriv', '--reuid', setting('User'), '--regid', setting('Group'), '--init-groups',
    '--inh-caps', `+${capability}`, '--ambient-caps', `+${capability}`, ...execStart] });
  cleanups.push(() => stopServer(server));
  return server;
}

test('README "Run Treff for others" on this machine: two homes call over https and the relay', async () => {
  homesUp(prefix, 'random');
  const trustedKey = nameAndCertificate();
  serviceUser();
  await relay();
  const server = await treffServer();
  assert.match(server.output(), /listening on https:\/\/0\.0\.0\.0:443\//);
  assert.equal(sh('ip', ['netns', 'exec', `${prefix}wan`, 'ps', '-o', 'user=', '-p', String(server.child.pid)]).trim(), 'treff');

  const trusting = [`--ignore-certificate-errors-spki-list=${trustedKey}`];
  const browsers = [await chromiumIn(`${prefix}h1`, trusting), await chromiumIn(`${prefix}h2`, trusting)];
  cleanups.push(() => Promise.all(browsers.map((b) => b.close())));
  const { anna, bob, pressed } = await joinBoth(browsers, SITE, 'hosted-call');
  const s = await waitForState(bob, CONNECTED, 30000);
  const firstFrame = Date.now() - pressed;
  await waitForState(anna, CONNECTED, 30000);
  assert.equal(pathTo(s), 'relay');
  assert.equal(await bob.evaluate(() => window.isSecureContext), true);
  const hsts = await bob.evaluate(async () => (await fetch('/')).headers.get('strict-transport-security'));
  assert.match(hsts ?? '', /max-age=\d+/);
  console.log(`# hosted as the README says (https://${DOMAIN}, coturn from the template, the systemd unit's ` +
    `command as user treff): path relay, Join to first remote frame ${firstFrame} ms`);
});
