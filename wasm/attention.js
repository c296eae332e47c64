// Getting the person's attention for a ring: the ring tone (assets/ring_tone.wav, repeated with a
// pause), the page title blinking with the caller's name, and a notification while the tab is in
// the background. C++ decides when a ring starts and stops and what the texts say.
//
// Browsers refuse sound that starts before the person touched the page: the first click or key
// press (the login, say) plays the tone once silently, which unlocks it for later; a ring that came
// before any gesture starts sounding at the first one.
mergeInto(LibraryManager.library, {
  $TreffAttention: {
    audio: null,
    ringing: false,
    repeat: 0,
    blink: 0,
    title: '',
    notification: null,
    hooked: false,
    PAUSE_MS: 1800,  // between rings: a phone's rhythm
    element: function() {
      if (!TreffAttention.audio) {
        var audio = document.createElement('audio');
        audio.id = 'treff-ring-tone';
        audio.src = '/ring_tone.wav';
        audio.preload = 'auto';
        audio.addEventListener('ended', function() {
          if (!TreffAttention.ringing) return;
          TreffAttention.repeat = setTimeout(TreffAttention.play, TreffAttention.PAUSE_MS);
        });
        document.body.appendChild(audio);
        TreffAttention.audio = audio;
      }
      return TreffAttention.audio;
    },
    play: function() {
      if (!TreffAttention.ringing) return;
      var audio = TreffAttention.element();
      audio.muted = false;
      audio.currentTime = 0;
      audio.play().catch(function() {});  // refused before a gesture: the first one starts it
    },
    unlock: function() {
      var audio = TreffAttention.element();
      if (TreffAttention.ringing) {
        if (audio.paused) TreffAttention.play();
        return;
      }
      // Played silently once, and left muted at rest (play() unmutes it for a ring).
      audio.muted = true;
      audio.play().then(function() {
        if (!TreffAttention.ringing) audio.pause();
      }).catch(function() {});
    },
  },

  treff_attention_prepare__deps: ['$TreffAttention'],
  treff_attention_prepare: function() {
    if (TreffAttention.hooked) return;
    TreffAttention.hooked = true;
    var once = function() {
      document.removeEventListener('pointerdown', once, true);
      document.removeEventListener('keydown', once, true);
      TreffAttention.unlock();
    };
    document.addEventListener('pointerdown', once, true);
    document.addEventListener('keydown', once, true);
  },

  // `title`: what the page title alternates with ("Anna is calling"); `body`: the notification's text.
  treff_attention_ring_start__deps: ['$TreffAttention'],
  treff_attention_ring_start: function(titlePtr, bodyPtr) {
    var title = UTF8ToString(titlePtr), body = UTF8ToString(bodyPtr);
    if (!TreffAttention.ringing) TreffAttention.title = document.title;
    TreffAttention.ringing = true;
    clearTimeout(TreffAttention.repeat);
    TreffAttention.play();
    clearInterval(TreffAttention.blink);
    var on = false;
    TreffAttention.blink = setInterval(function() {
      on = !on;
      document.title = on ? title : TreffAttention.title;
    }, 1000);
    if (document.hidden && window.Notification && Notification.permission === 'granted') {
      try {
        var n = new Notification(title, { body: body, tag: 'treff-ring', requireInteraction: true });
        n.onclick = function() { window.focus(); n.close(); };
        TreffAttention.notification = n;
      } catch (e) {}  // some browsers allow notifications only from a service worker
    }
  },

  treff_attention_ring_stop__deps: ['$TreffAttention'],
  treff_attention_ring_stop: function() {
    if (!TreffAttention.ringing) return;
    TreffAttention.ringing = false;
    clearTimeout(TreffAttention.repeat);
    clearInterval(TreffAttention.blink);
    document.title = TreffAttention.title;
    if (TreffAttention.audio) {
      TreffAttention.audio.pause();
      TreffAttention.audio.muted = true;  // at rest, as after the unlock
    }
    if (TreffAttention.notification) TreffAttention.notification.close();
    TreffAttention.notification = null;
  },

  // 0: the browser has no notifications; 1: not asked yet; 2: allowed; 3: refused.
  treff_attention_notifications: function() {
    if (!window.Notification) return 0;
    return { 'default': 1, 'granted': 2, 'denied': 3 }[Notification.permission] || 1;
  },

  // Asks for notifications; only within a click (C++ calls it from one).
  treff_attention_ask_notifications: function() {
    if (window.Notification && Notification.permission === 'default') Notification.requestPermission().catch(function() {});
  },
});
