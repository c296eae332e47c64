// Requests to the page's own server (the accounts API, the connection test). The browser keeps the session cookie
// (HttpOnly: never visible here) and sends it with same-origin requests; answers go back to
// src/platform/web/web_http_requests.cpp by request number. No decisions here.
mergeInto(LibraryManager.library, {
  treff_http_send__deps: ['malloc', 'free'],
  treff_http_send: function(request, method, path, contentType, body, bodySize) {
    var init = { method: UTF8ToString(method), credentials: 'same-origin', cache: 'no-store', headers: {} };
    var type = UTF8ToString(contentType);
    if (type) {
      init.headers['Content-Type'] = type;
      init.body = HEAPU8.slice(body, body + bodySize);
    }
    var started = performance.now();  // the connection test's round trip and throughput
    var url = new URL(UTF8ToString(path), location.href).href;
    // The network's own timing of the request when the browser has it: a page busy drawing
    // would otherwise add its frame to every answer.
    var timed = function() {
      var entries = performance.getEntriesByName(url, 'resource');
      var e = entries.length ? entries[entries.length - 1] : null;
      if (performance.getEntriesByType('resource').length > 200) performance.clearResourceTimings();
      return e && e.startTime >= started - 1 && e.responseEnd > 0 ? e.responseEnd - e.startTime : performance.now() - started;
    };
    var answer = function(status, bytes) {
      var elapsed = timed();
      var p = _malloc(bytes.length + 1);
      HEAPU8.set(bytes, p);
      _treff_http_answered(request, status, p, bytes.length, elapsed);
      _free(p);
    };
    fetch(url, init)
      .then(function(r) {
        return r.arrayBuffer().then(function(b) { answer(r.status, new Uint8Array(b)); });
      })
      .catch(function() { answer(0, new Uint8Array(0)); });
  },
});
