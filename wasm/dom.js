// Page-level browser glue: where the page came from, and publishing read-only state for tests and
// assistive tools. No decisions here; C++ decides what to publish.
mergeInto(LibraryManager.library, {
  // The signaling URL of the server that served this page. Returns a malloc'ed UTF-8 string.
  treff_dom_signaling_url__deps: ['$stringToNewUTF8'],
  treff_dom_signaling_url: function() {
    var scheme = location.protocol === 'https:' ? 'wss://' : 'ws://';
    return stringToNewUTF8(scheme + location.host + '/ws');
  },

  // Replaces the snapshot behind window.treff.state() with the given JSON text.
  treff_dom_publish_state: function(json) {
    var text = UTF8ToString(json);
    var api = window.treff || (window.treff = {});
    api._state = text;
    api.state = function() { return JSON.parse(api._state); };
  },
});
