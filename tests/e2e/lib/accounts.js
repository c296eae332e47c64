// A treff-server with accounts for browser tests: its data folder, accounts made with
// `treff-server user add` as the machine's admin does, and people brought to a state (password
// set, contacts, photo) through the accounts API from inside a browser context, so each context
// then holds that person's session cookie as after a login.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { waitForState } from './browser.js';
import { SERVER_BINARY, startServer, stopServer } from './server.js';

export async function startAccountsServer(extraArgs = []) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'treff-accounts-'));
  const server = await startServer({ args: ['--port', '0', '--data', dir, ...extraArgs] });
  return { dir, server };
}

export async function stopAccountsServer(env) {
  if (env?.server) await stopServer(env.server);
  if (env?.dir) fs.rmSync(env.dir, { recursive: true, force: true });
}

// Makes an account; returns its invitation link.
export function addUser(env, email, name, extra = []) {
  const out = execFileSync(SERVER_BINARY, ['user', 'add', '--data', env.dir, '--url', env.server.url, '--email', email,
    '--name', name, '--organisation', 'De Linde', ...extra], { encoding: 'utf8' });
  const link = out.match(/(http\S+\/invite#\S+)/);
  assert.ok(link, `no invitation link in:\n${out}`);
  return link[1];
}

// Calls the accounts API from `page` (on the server's origin): the browser sends the cookie.
export async function api(page, method, route, body) {
  return page.evaluate(async ({ method, route, body }) => {
    const init = { method, headers: {} };
    if (body !== undefined) {
      init.headers['Content-Type'] = 'application/json';
      init.body = JSON.stringify(body);
    }
    const r = await fetch(route, init);
    return { status: r.status, body: await r.json().catch(() => null) };
  }, { method, route, body });
}

// A new browser context in which `email` has set their password through `link` (and so is
// logged in). Its page stays on a small same-origin file, not the client.
export async function personWithPassword(browser, env, link, password, contextOptions = {}) {
  const context = await browser.newContext(contextOptions);
  const page = await context.newPage();
  await page.goto(`${env.server.url}/servers.json`);
  const r = await api(page, 'POST', '/api/invitation/accept', { token: new URL(link).hash.slice(1), password });
  assert.equal(r.status, 200, JSON.stringify(r.body));
  return { context, page, id: r.body.account.id, name: r.body.account.name };
}

// Uploads a square JPEG of one colour as the person's photo.
export async function uploadPhoto(page, rgb) {
  const status = await page.evaluate(async (c) => {
    const canvas = document.createElement('canvas');
    canvas.width = canvas.height = 200;
    const ctx = canvas.getContext('2d');
    ctx.fillStyle = `rgb(${c.join(',')})`;
    ctx.fillRect(0, 0, 200, 200);
    ctx.fillStyle = '#fff';
    ctx.beginPath();
    ctx.arc(100, 80, 40, 0, 2 * Math.PI);
    ctx.fill();
    ctx.fillRect(40, 130, 120, 70);
    const blob = await new Promise((resolve) => canvas.toBlob(resolve, 'image/jpeg', 0.9));
    const r = await fetch('/api/me/photo', { method: 'PUT', headers: { 'Content-Type': 'image/jpeg' }, body: blob });
    return r.status;
  }, rgb);
  assert.equal(status, 200);
}

// `person`'s contact list, open in a new tab of their browser (their context holds the session
// cookie), once the calling line knows who is online.
export async function openContacts(env, person) {
  const page = await person.context.newPage();
  await page.goto(`${env.server.url}/`);
  await waitForState(page, 's => s.account.screen === "contacts" && s.account.calling?.presenceKnown', 30000);
  return page;
}
