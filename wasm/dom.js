// Page-level browser glue: where the page came from, and publishing read-only state for tests and
// assistive tools. No decisions here; C++ decides what to publish.
mergeInto(LibraryManager.library, {
  // The signaling URL of the server that served this page. Returns a malloc'ed UTF-8 string.
  treff_dom_signaling_url__deps: ['$stringToNewUTF8'],
  treff_dom_signaling_url: function() {
    var scheme = location.protocol === 'https:' ? 'wss://' : 'ws://';
    return stringToNewUTF8(scheme + location.host + '/ws');
  },

  // The browser's preferred language tag, e.g. "de-DE". Malloc'ed.
  treff_dom_language__deps: ['$stringToNewUTF8'],
  treff_dom_language: function() {
    return stringToNewUTF8(navigator.language || 'en');
  },

  // The room of a /r/<room> link, or "" when the page was opened otherwise. Malloc'ed.
  treff_dom_room_from_path__deps: ['$stringToNewUTF8'],
  treff_dom_room_from_path: function() {
    var m = location.pathname.match(/^\/r\/([^\/]*)$/);
    var room = '';
    if (m) { try { room = decodeURIComponent(m[1]); } catch (e) { room = m[1]; } }
    return stringToNewUTF8(room);
  },

  // Shows /r/<room> in the address bar, so the link can be copied and shared.
  treff_dom_show_room_path: function(room) {
    var path = '/r/' + encodeURIComponent(UTF8ToString(room));
    if (location.pathname !== path) history.replaceState(null, '', path);
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

  // Replaces the snapshot behind window.treff.state() with the given JSON text.
  treff_dom_publish_state: function(json) {
    var text = UTF8ToString(json);
    var api = window.treff || (window.treff = {});
    api._state = text;
    api.state = function() { return JSON.parse(api._state); };
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
});
