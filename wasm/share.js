// Handing a link on: the clipboard, and the share sheet where the browser has one (phones).
// Answers go back to src/platform/web/web_sharing.cpp by request number; no decisions here.
mergeInto(LibraryManager.library, {
  treff_share_copy: function(text, request) {
    var value = UTF8ToString(text);
    var answer = function(ok) { _treff_share_copy_done(request, ok ? 1 : 0); };
    // Missing outside secure contexts (http:// on another host than localhost) and in old browsers.
    if (!navigator.clipboard || !navigator.clipboard.writeText) { setTimeout(function() { answer(false); }); return; }
    navigator.clipboard.writeText(value).then(function() { answer(true); }, function() { answer(false); });
  },

  treff_share_sheet_available: function() {
    return typeof navigator.share === 'function' ? 1 : 0;
  },

  treff_share_sheet_open: function(title, url) {
    if (typeof navigator.share !== 'function') return;
    // Closing the sheet without choosing rejects with AbortError: nothing to tell anyone.
    navigator.share({ title: UTF8ToString(title), url: UTF8ToString(url) }).catch(function() {});
  },
});
