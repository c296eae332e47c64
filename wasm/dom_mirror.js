// The DOM mirror of the UI automation tree: one focusable element per widget, laid over the canvas
// at the widget's rectangle, so keyboard users (Tab, Enter, Space) and screen readers can operate
// what ImGui draws, and text fields are real <input> elements (phone keyboards, paste, autofill).
// C++ decides what exists, its labels and where focus should go; this file only keeps the elements
// in step and reports what was done to them (by widget id) to app/dom_mirror.cpp.
mergeInto(LibraryManager.library, {
  $TreffMirror__deps: ['$stringToNewUTF8'],
  $TreffMirror: {
    // key -> element. Created at run time: the library's objects are written out as source text,
    // which keeps plain values only.
    elements: null,

    layer: function() {
      var layer = document.getElementById('mirror');
      if (!layer) {
        layer = document.createElement('div');
        layer.id = 'mirror';
        document.body.appendChild(layer);
      }
      if (!layer.dataset.escape) {
        layer.dataset.escape = '1';
        // Escape in any of the mirror's elements (what closes a menu is for C++ to decide).
        layer.addEventListener('keydown', function(e) {
          if (e.key === 'Escape' && !e.isComposing) _treff_mirror_escape();
        });
      }
      return layer;
    },

    create: function(node) {
      var id = node.id;
      var el;
      if (node.role === 'input') {
        el = document.createElement('input');
        el.type = 'text';
        el.spellcheck = false;
        el.addEventListener('input', function() { TreffMirror.sendText(id, el.value); });
        el.addEventListener('keydown', function(e) {
          if (e.key !== 'Enter' || e.isComposing) return;
          e.preventDefault();
          TreffMirror.sendText(id, el.value);
          _treff_mirror_submit(id);
        });
      } else if (node.role === 'text') {
        el = document.createElement('p');
        el.setAttribute('aria-live', 'polite');
      } else {
        el = document.createElement('button');
        el.type = 'button';
        // Mouse and touch go to the canvas below (pointer-events: none); this fires for Enter,
        // Space and assistive technology.
        el.addEventListener('click', function() { _treff_mirror_press(id); });
      }
      el.dataset.role = node.role;
      // C++ scrolls a screen so that the focused widget is in view.
      if (node.role !== 'text') el.addEventListener('focus', function() { _treff_mirror_focus(id); });
      return el;
    },

    sendText: function(id, text) {
      _treff_mirror_text(id, stringToNewUTF8(text));
    },

    update: function(el, node) {
      var r = node.rect;
      el.style.left = r.x + 'px';
      el.style.top = r.y + 'px';
      el.style.width = r.w + 'px';
      el.style.height = r.h + 'px';
      var spoken = node.detail ? node.label + ', ' + node.detail : node.label;
      if (node.role === 'text') {
        if (el.textContent !== node.label) el.textContent = node.label;
        return;
      }
      if (el.getAttribute('aria-label') !== spoken) el.setAttribute('aria-label', spoken);
      el.disabled = !!node.disabled;
      if (node.role === 'thumbnail') el.setAttribute('aria-pressed', node.pressed ? 'true' : 'false');
      if (node.role === 'checkbox') el.setAttribute('aria-checked', node.checked ? 'true' : 'false');
      // While a person types, the field is theirs; otherwise it shows what C++ holds.
      if (node.role === 'input' && el !== document.activeElement && el.value !== node.value) el.value = node.value;
      if (node.autocomplete && el.autocomplete !== node.autocomplete) el.autocomplete = node.autocomplete;
      if (node.role === 'input') {
        el.type = node.secret ? 'password' : 'text';
        el.readOnly = !!node.readOnly;
      }
    },
  },

  // Publishes the tree as window.treff.ui() and brings the mirror in step with it.
  treff_mirror_publish__deps: ['$TreffMirror'],
  treff_mirror_publish: function(json) {
    var text = UTF8ToString(json);
    var api = window.treff || (window.treff = {});
    api._ui = text;
    api.ui = function() { return JSON.parse(api._ui); };

    var nodes = JSON.parse(text);
    var layer = TreffMirror.layer();
    var previous = TreffMirror.elements || new Map();
    var next = new Map();
    var order = [];
    var focusTarget = null;
    nodes.forEach(function(node, index) {
      var key = node.role === 'text' ? 'text:' + index : node.role + ':' + node.id;
      var el = previous.get(key) || TreffMirror.create(node);
      next.set(key, el);
      order.push(el);
      TreffMirror.update(el, node);
      if (node.focusRequest) focusTarget = { el: el, selectAll: !!node.selectAll };
    });
    previous.forEach(function(el, key) {
      if (!next.has(key)) el.remove();
    });
    TreffMirror.elements = next;
    // Document order is Tab order: keep it the tree's order. Moving the focused element drops its
    // focus, so it gets focus (and its caret) back.
    var inOrder = layer.children.length === order.length && order.every(function(el, i) { return layer.children[i] === el; });
    if (!inOrder) {
      var active = document.activeElement;
      var caret = active && active.tagName === 'INPUT' ? [active.selectionStart, active.selectionEnd] : null;
      order.forEach(function(el) { layer.appendChild(el); });
      if (active && order.indexOf(active) >= 0 && document.activeElement !== active) {
        active.focus({preventScroll: true});
        if (caret) active.setSelectionRange(caret[0], caret[1]);
      }
    }
    if (focusTarget && focusTarget.el !== document.activeElement) {
      focusTarget.el.focus({preventScroll: true});
      if (focusTarget.selectAll) focusTarget.el.select();
    }
  },
});
