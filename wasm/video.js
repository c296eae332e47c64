// Video of a stream (the local camera, or a peer connection's remote stream) into a WebGL
// texture. Each source is an undisplayed, muted <video> element behind a handle; a new frame is
// uploaded only when the decoder reports one. Remote sound has its own elements (sound.js), so it
// plays whether or not a person sends video.
mergeInto(LibraryManager.library, {
  $TreffVideo: {
    sources: {},
    next: 1,
    container: null,
    open: function(stream) {
      if (!stream) return 0;
      if (!TreffVideo.container) {
        var c = document.createElement('div');
        c.setAttribute('aria-hidden', 'true');
        // Not displayed: the frames go to WebGL, so the page compositor need not touch them.
        c.style.display = 'none';
        document.body.appendChild(c);
        TreffVideo.container = c;
      }
      var video = document.createElement('video');
      video.muted = true;
      video.autoplay = true;
      video.playsInline = true;
      video.srcObject = stream;
      TreffVideo.container.appendChild(video);
      var handle = TreffVideo.next++;
      var source = { video: video, lastCount: -1, lastTime: -1 };
      video.play().catch(function() {});  // muted video may always play
      TreffVideo.sources[handle] = source;
      return handle;
    },
  },

  treff_video_open_local__deps: ['$TreffVideo', '$TreffMedia'],
  treff_video_open_local: function() {
    var s = TreffMedia.stream;
    if (!s || !s.getVideoTracks().length) return 0;
    return TreffVideo.open(new MediaStream(s.getVideoTracks()));
  },

  treff_video_open_remote__deps: ['$TreffVideo', '$TreffRtc'],
  treff_video_open_remote: function(peer) {
    var entry = TreffRtc.conns[peer];
    return entry ? TreffVideo.open(new MediaStream(entry.remoteStream.getVideoTracks())) : 0;
  },

  // Uploads a new frame into GL texture `texture` if there is one; writes width and height to
  // size[0..1]. Returns 1 when a frame was uploaded.
  treff_video_update__deps: ['$TreffVideo', '$GL'],
  treff_video_update: function(handle, texture, size) {
    var source = TreffVideo.sources[handle];
    if (!source) return 0;
    var video = source.video;
    if (video.readyState < 2 || !video.videoWidth) return 0;
    // A video that is not displayed gets no requestVideoFrameCallback; the decoder's frame count
    // (or, where that is missing, the media time) tells when a new frame is there.
    var quality = video.getVideoPlaybackQuality ? video.getVideoPlaybackQuality() : null;
    var count = quality ? quality.totalVideoFrames : -1;
    if (count > 0) {
      if (count === source.lastCount) return 0;
      source.lastCount = count;
    } else {
      if (video.currentTime === source.lastTime) return 0;
      source.lastTime = video.currentTime;
    }
    GLctx.bindTexture(GLctx.TEXTURE_2D, GL.textures[texture]);
    GLctx.texImage2D(GLctx.TEXTURE_2D, 0, GLctx.RGBA, GLctx.RGBA, GLctx.UNSIGNED_BYTE, video);
    HEAP32[size >> 2] = video.videoWidth;
    HEAP32[(size >> 2) + 1] = video.videoHeight;
    return 1;
  },

  treff_video_close__deps: ['$TreffVideo'],
  treff_video_close: function(handle) {
    var source = TreffVideo.sources[handle];
    if (!source) return;
    delete TreffVideo.sources[handle];
    source.video.srcObject = null;
    source.video.remove();
  },
});
