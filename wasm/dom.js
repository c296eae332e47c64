// Page-level browser glue: where the page came from, and publishing read-only state for tests and
// assistive tools. No decisions here; C++ decides what to publish.
mergeInto(LibraryManager.library, {
  // The browser's preferred language tag, e.g. "de-DE". Malloc'ed.
  treff_dom_language__deps: ['$stringToNewUTF8'],
  treff_dom_language: function() {
    return stringToNewUTF8(navigator.language || 'en');
  },

  // 1 when the system asks for more contrast; a change later is reported to
  // treff_contrast_changed.
  treff_dom_more_contrast: function() {
    var query = window.matchMedia ? window.matchMedia('(prefers-contrast: more)') : null;
    if (!query) return 0;
    if (!query.__treffWatched) {
      query.__treffWatched = true;
      query.addEventListener('change', function(e) { _treff_contrast_changed(e.matches ? 1 : 0); });
    }
    return query.matches ? 1 : 0;
  },

  // The room of a /r/<room> link, or "" when the page was opened otherwise. Malloc'ed.
  treff_dom_room_from_path__deps: ['$stringToNewUTF8'],
  treff_dom_room_from_path: function() {
    var m = location.pathname.match(/^\/r\/([^\/]*)$/);
    var room = '';
    if (m) { try { room = decodeURIComponent(m[1]); } catch (e) { room = m[1]; } }
    return stringToNewUTF8(room);
  },

  // Shows /r/<room> (and "?server=..." for a room on another server) in the address bar, so the
  // link can be copied and shared.
  treff_dom_show_room_path: function(room, query) {
    var path = '/r/' + encodeURIComponent(UTF8ToString(room)) + UTF8ToString(query);
    if (location.pathname + location.search !== path) history.replaceState(null, '', path);
  },

  // The "server" parameter of the page's address, or "". Malloc'ed.
  treff_dom_server_from_query__deps: ['$stringToNewUTF8'],
  treff_dom_server_from_query: function() {
    var value = '';
    try { value = new URLSearchParams(location.search).get('server') || ''; } catch (e) {}
    return stringToNewUTF8(value);
  },

  // Fetches this server's /servers.json; the text (or "" when it cannot be had) goes to
  // treff_servers_loaded in C++.
  treff_dom_fetch_servers__deps: ['$stringToNewUTF8', 'free'],
  treff_dom_fetch_servers: function() {
    var done = function(text) {
      var p = stringToNewUTF8(text);
      _treff_servers_loaded(p);
      _free(p);
    };
    if (typeof fetch !== 'function') { setTimeout(function() { done(''); }); return; }
    fetch('/servers.json', { cache: 'no-cache' }).then(function(r) { return r.ok ? r.text() : ''; })
      .catch(function() { return ''; }).then(done);
  },

  // localStorage, which may be unavailable (private mode, blocked storage): then nothing is kept.
  treff_dom_load__deps: ['$stringToNewUTF8'],
  treff_dom_load: function(key) {
    var value = '';
    try { value = localStorage.getItem('treff.' + UTF8ToString(key)) || ''; } catch (e) {}
    return stringToNewUTF8(value);
  },
  treff_dom_save: function(key, value) {
    try { localStorage.setItem('treff.' + UTF8ToString(key), UTF8ToString(value)); } catch (e) {}
  },

  // window.treff.state(): the client's state, made by C++ (treff_state) when asked.
  treff_dom_offer_state: function() {
    var api = window.treff || (window.treff = {});
    api.state = function() { return JSON.parse(UTF8ToString(_treff_state())); };
  },

  // window.treff.checkCodec(): runs the Opus check in C++ (treff_check_codec) when asked.
  treff_dom_offer_codec_check: function() {
    var api = window.treff || (window.treff = {});
    api.checkCodec = function() { return UTF8ToString(_treff_check_codec()); };
  },

  // The page's origin ("https://treff.example"), for invite links. Malloc'ed.
  treff_dom_origin__deps: ['$stringToNewUTF8'],
  treff_dom_origin: function() {
    return stringToNewUTF8(location.origin);
  },

  // Fills `size` bytes at `ptr` from the browser's cryptographic random source.
  treff_dom_random_bytes: function(ptr, size) {
    crypto.getRandomValues(HEAPU8.subarray(ptr, ptr + size));
  },

  // The language of the page's text, so screen readers pronounce it right.
  treff_dom_set_document_language: function(tag) {
    document.documentElement.lang = UTF8ToString(tag);
  },

  treff_dom_path__deps: ['$stringToNewUTF8'],
  treff_dom_path: function() {
    return stringToNewUTF8(location.pathname);
  },

  // An invitation link is /invite#<token>: the token is in the fragment, which the browser never
  // sends to any server (nor puts in a Referer). Malloc'ed.
  treff_dom_invitation_token__deps: ['$stringToNewUTF8'],
  treff_dom_invitation_token: function() {
    var token = location.pathname === '/invite' ? location.hash.replace(/^#/, '') : '';
    return stringToNewUTF8(/^[A-Za-z0-9_-]{1,64}$/.test(token) ? token : '');
  },

  treff_dom_replace_path: function(path) {
    history.replaceState(null, '', UTF8ToString(path));
  },

  // The browser's own "leave this page?" question while changes are not saved.
  treff_dom_guard_unload: function(on) {
    window.onbeforeunload = on ? function(e) { e.preventDefault(); e.returnValue = ''; return ''; } : null;
  },
});
