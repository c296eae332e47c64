// Video of a stream (the local camera, or a peer connection's remote stream) into a WebGL
// texture. Each source is an undisplayed <video> element behind a handle; a new frame is uploaded
// only when the decoder reports one. Remote sources also play the remote sound.
mergeInto(LibraryManager.library, {
  $TreffVideo: {
    sources: {},
    next: 1,
    container: null,
    speaker: '',  // setSinkId of every remote source; '' is the default output
    playOn: function(video) {
      if (video.setSinkId && (TreffVideo.speaker || video.sinkId)) video.setSinkId(TreffVideo.speaker).catch(function() {});
    },
    open: function(stream, muted) {
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
      video.muted = muted;
      video.autoplay = true;
      video.playsInline = true;
      video.srcObject = stream;
      TreffVideo.container.appendChild(video);
      var handle = TreffVideo.next++;
      var source = { video: video, lastCount: -1, lastTime: -1, remote: !muted };
      if (!muted) TreffVideo.playOn(video);
      video.play().catch(function() {});  // autoplay is allowed after the join click
      TreffVideo.sources[handle] = source;
      return handle;
    },
  },

  treff_video_open_local__deps: ['$TreffVideo', '$TreffMedia'],
  treff_video_open_local: function() {
    var s = TreffMedia.stream;
    if (!s || !s.getVideoTracks().length) return 0;
    return TreffVideo.open(new MediaStream(s.getVideoTracks()), true);
  },

  treff_video_open_remote__deps: ['$TreffVideo', '$TreffRtc'],
  treff_video_open_remote: function(peer) {
    var entry = TreffRtc.conns[peer];
    return entry ? TreffVideo.open(entry.remoteStream, false) : 0;
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

  treff_video_speaker_supported: function() {
    return typeof HTMLMediaElement !== 'undefined' && 'setSinkId' in HTMLMediaElement.prototype ? 1 : 0;
  },

  treff_video_set_speaker__deps: ['$TreffVideo'],
  treff_video_set_speaker: function(deviceId) {
    TreffVideo.speaker = UTF8ToString(deviceId);
    Object.keys(TreffVideo.sources).forEach(function(h) {
      var s = TreffVideo.sources[h];
      if (s.remote) TreffVideo.playOn(s.video);
    });
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
