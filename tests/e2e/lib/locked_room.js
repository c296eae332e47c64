// A room locked with a password by a host who is in it: a page of its own that speaks the
// protocol over a plain WebSocket (window.hostSocket), so that the tests' other pages meet a
// locked room as a guest would. Returns the host's page and the room message that says locked.
export async function lockedRoomWithHost(browser, serverUrl, room, password, hostName = 'Host') {
  const page = await (await browser.newContext()).newPage();
  await page.goto(`${serverUrl}/r/lobby`);
  const reply = await page.evaluate(([r, p, name]) => new Promise((resolve, reject) => {
    const ws = new WebSocket(location.origin.replace('http', 'ws') + '/ws');
    window.hostSocket = ws;
    ws.onopen = () => ws.send(JSON.stringify({ v: 1, type: 'join', room: r, name, mic: false, camera: false }));
    ws.onmessage = (e) => {
      const m = JSON.parse(e.data);
      if (m.type === 'joined') ws.send(JSON.stringify({ v: 1, type: 'lock', password: p }));
      if (m.type === 'room') resolve(m);
      if (m.type === 'error') reject(new Error(m.message));
    };
  }), [room, password, hostName]);
  return { page, reply };
}
