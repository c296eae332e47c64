// Text the UI font cannot draw, rendered by the browser's own text engine (Canvas 2D: shaping,
// bidirectional text, the system's fallback fonts and colour emoji) into a WebGL texture. C++
// decides what goes here, the size, the width to wrap at and the direction.
mergeInto(LibraryManager.library, {
  $TreffText: {
    canvas: null,
    FONT: '"DejaVu Sans", system-ui, sans-serif',
    // Lines no wider than maxWidth (device px), broken at spaces; a word wider than that stays whole.
    lines: function(ctx, text, maxWidth) {
      if (!(maxWidth > 0)) return text.split('\n');
      var out = [];
      text.split('\n').forEach(function(paragraph) {
        var line = '';
        paragraph.split(' ').forEach(function(word) {
          var candidate = line ? line + ' ' + word : word;
          if (line && ctx.measureText(candidate).width > maxWidth) {
            out.push(line);
            line = word;
          } else {
            line = candidate;
          }
        });
        out.push(line);
      });
      return out;
    },
  },

  // Renders `text` white on transparent in a `px` CSS px font times `scale` into GL texture `texture`;
  // writes its width and height in CSS px to size[0..1] (floats).
  treff_text_image__deps: ['$TreffText', '$GL'],
  treff_text_image: function(textPtr, px, scale, wrap, rtl, texture, size) {
    var text = UTF8ToString(textPtr);
    var canvas = TreffText.canvas || (TreffText.canvas = document.createElement('canvas'));
    var ctx = canvas.getContext('2d');
    var font = (px * scale) + 'px ' + TreffText.FONT;
    ctx.font = font;
    var lines = TreffText.lines(ctx, text, wrap * scale);
    var lineHeight = Math.ceil(px * scale * 1.4);  // room for the tall and deep letters of some scripts
    var width = 1;
    lines.forEach(function(line) { width = Math.max(width, Math.ceil(ctx.measureText(line).width)); });
    canvas.width = width + 2;
    canvas.height = lineHeight * lines.length;
    ctx.font = font;  // setting the size reset the context
    ctx.fillStyle = '#fff';
    ctx.textBaseline = 'middle';
    ctx.direction = rtl ? 'rtl' : 'ltr';
    ctx.textAlign = rtl ? 'right' : 'left';
    lines.forEach(function(line, i) {
      ctx.fillText(line, rtl ? canvas.width - 1 : 1, i * lineHeight + lineHeight / 2);
    });
    GLctx.bindTexture(GLctx.TEXTURE_2D, GL.textures[texture]);
    GLctx.texImage2D(GLctx.TEXTURE_2D, 0, GLctx.RGBA, GLctx.RGBA, GLctx.UNSIGNED_BYTE, canvas);
    HEAPF32[size >> 2] = canvas.width / scale;
    HEAPF32[(size >> 2) + 1] = canvas.height / scale;
  },
});
