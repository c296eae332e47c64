// Account photos: loading one from the server into a WebGL texture, and making one from a file
// the person chooses or from the running camera: cropped to the middle square, scaled down to at
// most `maxSide` px and encoded as JPEG by the browser's own codecs. C++ decides the sizes and
// what to do with the result; answers go to src/platform/web/web_photos.cpp by request number.
mergeInto(LibraryManager.library, {
  $TreffPhotos: {
    input: null,
    upload: function(texture, source) {
      GLctx.bindTexture(GLctx.TEXTURE_2D, GL.textures[texture]);
      GLctx.texImage2D(GLctx.TEXTURE_2D, 0, GLctx.RGBA, GLctx.RGBA, GLctx.UNSIGNED_BYTE, source);
    },
    // The middle square of `source` (w x h), at most maxSide px on a side.
    square: function(source, w, h, maxSide) {
      var side = Math.min(w, h);
      var out = Math.max(1, Math.min(side, maxSide));
      var canvas = document.createElement('canvas');
      canvas.width = canvas.height = out;
      canvas.getContext('2d').drawImage(source, (w - side) / 2, (h - side) / 2, side, side, 0, 0, out, out);
      return canvas;
    },
    // JPEG of at most maxBytes: lower quality until it fits (a 256 px square fits at the first try).
    encode: function(canvas, maxBytes, done) {
      var qualities = [0.9, 0.75, 0.6, 0.45];
      var attempt = function(i) {
        canvas.toBlob(function(blob) {
          if (!blob) return done(null);
          if (blob.size > maxBytes && i + 1 < qualities.length) return attempt(i + 1);
          blob.arrayBuffer().then(function(b) { done(blob.size <= maxBytes ? new Uint8Array(b) : null); });
        }, 'image/jpeg', qualities[i]);
      };
      attempt(0);
    },
    // Crops, shows the result in `texture` and answers with the JPEG, or with an error code.
    finish: function(request, source, w, h, maxSide, maxBytes, texture) {
      var canvas = TreffPhotos.square(source, w, h, maxSide);
      TreffPhotos.upload(texture, canvas);
      TreffPhotos.encode(canvas, maxBytes, function(bytes) {
        if (!bytes) return TreffPhotos.answer(request, 'encode-failed', null, 0);
        TreffPhotos.answer(request, '', bytes, canvas.width);
      });
    },
    answer: function(request, error, bytes, side) {
      var size = bytes ? bytes.length : 0;
      var p = _malloc(size + 1);
      if (bytes) HEAPU8.set(bytes, p);
      var e = stringToNewUTF8(error);
      _treff_photo_picked(request, e, p, size, side);
      _free(e);
      _free(p);
    },
  },

  // Loads `path` (same origin, the session cookie sent by the browser) into `texture`; answers
  // treff_photo_loaded(request, ok).
  treff_photo_load__deps: ['$TreffPhotos', '$GL'],
  treff_photo_load: function(request, path, texture) {
    fetch(UTF8ToString(path), { credentials: 'same-origin' })
      .then(function(r) { if (!r.ok) throw new Error(r.status); return r.blob(); })
      .then(function(blob) { return createImageBitmap(blob); })
      .then(function(bitmap) {
        TreffPhotos.upload(texture, bitmap);
        bitmap.close();
        _treff_photo_loaded(request, 1);
      })
      .catch(function() { _treff_photo_loaded(request, 0); });
  },

  // Opens the browser's file chooser (a real <input type=file>, so phones offer their gallery).
  // Runs within the click's user activation: C++ calls it in the frame after the press.
  treff_photo_choose_file__deps: ['$TreffPhotos', '$GL', 'malloc', 'free', '$stringToNewUTF8'],
  treff_photo_choose_file: function(request, maxSide, maxBytes, texture) {
    var input = TreffPhotos.input;
    if (!input) {
      input = TreffPhotos.input = document.createElement('input');
      input.type = 'file';
      input.accept = 'image/*';
      input.id = 'photo-file';
      input.hidden = true;
      document.body.appendChild(input);
    }
    input.value = '';
    // Closing the chooser without a choice: browsers that fire "cancel" say so, others stay silent.
    input.oncancel = function() { TreffPhotos.answer(request, 'cancelled', null, 0); };
    input.onchange = function() {
      var file = input.files && input.files[0];
      if (!file) return TreffPhotos.answer(request, 'cancelled', null, 0);
      createImageBitmap(file).then(function(bitmap) {
        TreffPhotos.finish(request, bitmap, bitmap.width, bitmap.height, maxSide, maxBytes, texture);
        bitmap.close();
      }, function() { TreffPhotos.answer(request, 'not-an-image', null, 0); });
    };
    input.click();
  },

  // A picture of what the camera shows now (the local video `video`, a handle of video.js).
  treff_photo_from_camera__deps: ['$TreffPhotos', '$TreffVideo', '$GL', 'malloc', 'free', '$stringToNewUTF8'],
  treff_photo_from_camera: function(request, video, maxSide, maxBytes, texture) {
    var source = TreffVideo.sources[video];
    var element = source && source.views.length ? source.views[0].video : null;
    if (!element || !element.videoWidth) {
      setTimeout(function() { TreffPhotos.answer(request, 'no-camera', null, 0); });
      return;
    }
    TreffPhotos.finish(request, element, element.videoWidth, element.videoHeight, maxSide, maxBytes, texture);
  },
});
