// Page shell: checks that the browser can run Treff, shows download progress, starts the module.
// The only texts here are the few shown before the client (and its translation catalogs) load.
(function () {
  'use strict';
  var messages = {
    en: { title: 'This browser cannot run Treff.',
          wasm: 'It does not support WebAssembly.', webgl: 'It cannot draw with WebGL 2.',
          webrtc: 'It does not support video calls (WebRTC).',
          advice: 'Please open this link in a current Firefox or Chrome.',
          failed: 'Treff could not be loaded. Please check your connection and reload the page.' },
    de: { title: 'Dieser Browser kann Treff nicht ausführen.',
          wasm: 'Er unterstützt kein WebAssembly.', webgl: 'Er kann nicht mit WebGL 2 zeichnen.',
          webrtc: 'Er unterstützt keine Videoanrufe (WebRTC).',
          advice: 'Bitte öffnen Sie diesen Link in einem aktuellen Firefox oder Chrome.',
          failed: 'Treff konnte nicht geladen werden. Bitte prüfen Sie Ihre Verbindung und laden Sie die Seite neu.' },
    nl: { title: 'Deze browser kan Treff niet uitvoeren.',
          wasm: 'Hij ondersteunt geen WebAssembly.', webgl: 'Hij kan niet tekenen met WebGL 2.',
          webrtc: 'Hij ondersteunt geen videobellen (WebRTC).',
          advice: 'Open deze link in een recente Firefox of Chrome.',
          failed: 'Treff kon niet worden geladen. Controleer uw verbinding en laad de pagina opnieuw.' }
  };
  var lang = (navigator.language || 'en').slice(0, 2).toLowerCase();
  var text = messages[lang] || messages.en;
  document.documentElement.lang = messages[lang] ? lang : 'en';

  function showProblem(lines) {
    var box = document.getElementById('unsupported');
    box.textContent = '';
    lines.forEach(function (line, i) {
      var p = document.createElement(i === 0 ? 'h1' : 'p');
      p.textContent = line;
      box.appendChild(p);
    });
    box.hidden = false;
    document.getElementById('loading').hidden = true;
  }

  var missing = [];
  if (typeof WebAssembly !== 'object') missing.push(text.wasm);
  if (!document.createElement('canvas').getContext('webgl2')) missing.push(text.webgl);
  if (typeof RTCPeerConnection !== 'function') missing.push(text.webrtc);
  if (missing.length) {
    showProblem([text.title].concat(missing, [text.advice]));
    return;
  }

  var bar = document.getElementById('loading-bar');
  var progress = document.getElementById('loading');
  function setProgress(fraction) {
    var pct = Math.max(0, Math.min(100, Math.round(fraction * 100)));
    bar.style.width = pct + '%';
    progress.setAttribute('aria-valuenow', String(pct));
  }

  // Downloads and compiles the module, started right away: it compiles while it downloads
  // (streaming) and while treff.js loads, instead of after both. A copy of the response moves the
  // progress bar.
  function showDownload(response) {
    // Content-Length is the (possibly compressed) transfer size; the bar is capped at 100%.
    var total = Number(response.headers.get('Content-Length')) || 0;
    if (!response.body || !total) return;
    var reader = response.body.getReader(), received = 0;
    (function pump() {
      reader.read().then(function (step) {
        if (step.done) return;
        received += step.value.length;
        setProgress(0.95 * Math.min(1, received / total));
        pump();
      }, function () {});
    })();
  }
  function compileWasm() {
    return fetch('/treff.wasm').then(function (response) {
      if (!response.ok) throw new Error('HTTP ' + response.status);
      showDownload(response.clone());
      if (WebAssembly.compileStreaming) return WebAssembly.compileStreaming(response);
      return response.arrayBuffer().then(function (bytes) { return WebAssembly.compile(bytes); });
    });
  }
  var wasmModule = compileWasm();
  wasmModule.catch(function () {});  // reported where it is used

  // Hands the compiled module to Emscripten.
  function instantiateWasm(imports, done) {
    wasmModule.then(function (module) {
      return WebAssembly.instantiate(module, imports).then(function (instance) {
        setProgress(1);
        done(instance, module);
      });
    }).catch(function () {
      showProblem([text.failed]);
    });
    return {};
  }

  // No browser menu over the call on a right click or a long press (no inline handler: the
  // Content-Security-Policy allows scripts from files only).
  document.getElementById('canvas').addEventListener('contextmenu', function (e) { e.preventDefault(); });
  window.Module = {
    canvas: document.getElementById('canvas'),
    instantiateWasm: instantiateWasm,
    onRuntimeInitialized: function () { progress.hidden = true; },
    onAbort: function () { showProblem([text.failed]); },
    print: function (t) { console.log(t); },
    printErr: function (t) { console.warn(t); }
  };
  var script = document.createElement('script');
  script.src = '/treff.js';
  script.onerror = function () { showProblem([text.failed]); };
  document.body.appendChild(script);
})();
