// Video of a stream (the local camera, or a peer connection's remote stream) shown by the browser:
// each source is a handle for muted <video> elements (one per place it is shown at once), in a
// layer under the canvas. The client says where each shown picture goes (treff_video_place); the
// canvas is transparent there. The compositor shows new frames by itself: nothing here wakes the
// client for them. Remote sound has its own elements (sound.js), so it plays whether or not a
// person sends video.
mergeInto(LibraryManager.library, {
  $TreffVideo: {
    sources: {},
    next: 1,
    layer: null,
    open: function(stream) {
      if (!stream) return 0;
      if (!TreffVideo.layer) {
        // Before the canvas in the document, so the canvas is drawn over it (shell.css #videos).
        var layer = document.createElement('div');
        layer.id = 'videos';
        layer.setAttribute('aria-hidden', 'true');
        var canvas = document.getElementById('canvas');
        canvas.parentNode.insertBefore(layer, canvas);
        TreffVideo.layer = layer;
      }
      var handle = TreffVideo.next++;
      TreffVideo.sources[handle] = { stream: stream, views: [] };
      TreffVideo.view(TreffVideo.sources[handle], 0);  // decoding starts, and its counters with it
      return handle;
    },
    // The source's n-th element: a person can be shown twice (their thumbnail and the large view).
    view: function(source, n) {
      while (source.views.length <= n) {
        var video = document.createElement('video');
        video.muted = true;
        video.autoplay = true;
        video.playsInline = true;
        video.srcObject = source.stream;
        video.hidden = true;
        TreffVideo.layer.appendChild(video);
        video.play().catch(function() {});  // muted video may always play
        source.views.push({ video: video, placed: '' });
      }
      return source.views[n];
    },
  },

  treff_video_open_local__deps: ['$TreffVideo', '$TreffMedia'],
  treff_video_open_local: function() {
    var s = TreffMedia.stream;
    if (!s || !s.getVideoTracks().length) return 0;
    return TreffVideo.open(new MediaStream(s.getVideoTracks()));
  },

  treff_video_open_remote__deps: ['$TreffVideo', '$TreffRtc'],
  treff_video_open_remote: function(peer, mids) {
    var tracks = TreffRtc.remoteTracks(peer, UTF8ToString(mids), 'video');
    return tracks.length ? TreffVideo.open(new MediaStream(tracks)) : 0;
  },

  // Writes frames decoded, width and height to out[0..2] (doubles). The decoder's frame count
  // works for shown and hidden elements alike; where it is missing, a moving media time counts as
  // frames.
  treff_video_status__deps: ['$TreffVideo'],
  treff_video_status: function(handle, out) {
    var source = TreffVideo.sources[handle];
    var frames = 0, width = 0, height = 0;
    var video = source && source.views[0].video;
    if (video && video.readyState >= 2 && video.videoWidth) {
      var quality = video.getVideoPlaybackQuality ? video.getVideoPlaybackQuality() : null;
      frames = quality && quality.totalVideoFrames > 0 ? quality.totalVideoFrames : Math.max(1, Math.round(video.currentTime * 30));
      width = video.videoWidth;
      height = video.videoHeight;
    }
    HEAPF64[out >> 3] = frames;
    HEAPF64[(out >> 3) + 1] = width;
    HEAPF64[(out >> 3) + 2] = height;
  },

  // `count` pictures of seven floats each at `rects`: handle, x, y, w, h, radius (CSS px), mirror.
  // Those are shown there; every other source is hidden.
  treff_video_place__deps: ['$TreffVideo'],
  treff_video_place: function(rects, count) {
    var shown = new Set();
    var uses = {};
    for (var i = 0; i < count; i++) {
      var f = (rects >> 2) + i * 7;
      var handle = HEAPF32[f], source = TreffVideo.sources[handle];
      if (!source) continue;
      uses[handle] = (uses[handle] || 0) + 1;
      var view = TreffVideo.view(source, uses[handle] - 1);
      shown.add(view);
      var place = [HEAPF32[f + 1], HEAPF32[f + 2], HEAPF32[f + 3], HEAPF32[f + 4], HEAPF32[f + 5], HEAPF32[f + 6]].join();
      if (place === view.placed && !view.video.hidden) continue;
      view.placed = place;
      var style = view.video.style;
      style.left = HEAPF32[f + 1] + 'px';
      style.top = HEAPF32[f + 2] + 'px';
      style.width = HEAPF32[f + 3] + 'px';
      style.height = HEAPF32[f + 4] + 'px';
      style.borderRadius = HEAPF32[f + 5] + 'px';
      style.transform = HEAPF32[f + 6] ? 'scaleX(-1)' : '';
      view.video.hidden = false;
    }
    for (var h in TreffVideo.sources) {
      TreffVideo.sources[h].views.forEach(function(v) { if (!shown.has(v)) v.video.hidden = true; });
    }
  },

  treff_video_close__deps: ['$TreffVideo'],
  treff_video_close: function(handle) {
    var source = TreffVideo.sources[handle];
    if (!source) return;
    delete TreffVideo.sources[handle];
    source.views.forEach(function(v) {
      v.video.srcObject = null;
      v.video.remove();
    });
  },
});
