// The audio worker: runs Treff's audio code (treff-audio.wasm: Opus, Ogg) in a dedicated Web
// Worker, so that encoding and decoding never hold up the page. It only moves samples and bytes
// between the page, the capture worklet and the module; what happens to them is decided in C++.
//   page -> worker: {record: id, rate, channels, bitrate, voice, port}  (port: from the worklet)
//                   {decode: id, file: ArrayBuffer}    {discard: id}
//   worklet -> worker (on port): {pcm: Float32Array}  {end: true}
//   worker -> page: {chunk: id, bytes}  {finished: id, seconds, rms, peak}
//                   {decoded: id, pcm, channels}  {failed: id, error}
importScripts('treff-audio.js');

var audio = null;
var waiting = [];
var recordings = {};  // page's id -> {wasm: module's number, channels, port}

createTreffAudio().then(function(module) {
  audio = module;
  waiting.forEach(handle);
  waiting = null;
}, function() {
  waiting.forEach(function(m) { fail(m.record || m.decode, 'unsupported'); });
  waiting = [];
});

onmessage = function(e) {
  if (audio) handle(e.data);
  else if (waiting) waiting.push(e.data);
};

function fail(id, error) { postMessage({ failed: id, error: error }); }
function lastError() { return audio.UTF8ToString(audio._treff_audio_error()) || 'audio-writer'; }

function handle(m) {
  if (m.record) record(m);
  else if (m.decode) decode(m);
  else if (m.discard) close(m.discard);
}

function record(m) {
  var wasm = audio._treff_recording_start(m.rate, m.channels, m.bitrate, m.voice ? 1 : 0);
  if (!wasm) return fail(m.record, lastError());
  var r = { wasm: wasm, channels: m.channels, port: m.port };
  recordings[m.record] = r;
  m.port.onmessage = function(e) {
    if (recordings[m.record] !== r) return;
    if (e.data.pcm) add(m.record, r, e.data.pcm);
    if (e.data.end) finish(m.record, r);
  };
}

function add(id, r, pcm) {
  var at = audio._treff_recording_input(r.wasm, pcm.length);
  audio.HEAPF32.set(pcm, at >> 2);
  if (audio._treff_recording_add(r.wasm, pcm.length / r.channels) !== 0) {
    close(id);
    return fail(id, lastError());
  }
  sendBytes(id, r);
}

// The file's pages as they are completed, so the page can stream them on.
function sendBytes(id, r) {
  var n = audio._treff_recording_take(r.wasm);
  if (n <= 0) return;
  var at = audio._treff_recording_output(r.wasm);
  var bytes = audio.HEAPU8.slice(at, at + n);
  postMessage({ chunk: id, bytes: bytes }, [bytes.buffer]);
}

function finish(id, r) {
  if (audio._treff_recording_finish(r.wasm) !== 0) {
    close(id);
    return fail(id, lastError());
  }
  sendBytes(id, r);
  postMessage({ finished: id, seconds: audio._treff_recording_seconds(r.wasm),
                rms: audio._treff_recording_rms(r.wasm), peak: audio._treff_recording_peak(r.wasm) });
  close(id);
}

function close(id) {
  var r = recordings[id];
  if (!r) return;
  delete recordings[id];
  r.port.close();
  audio._treff_recording_close(r.wasm);
}

function decode(m) {
  var file = new Uint8Array(m.file);
  var at = audio._treff_decode_input(file.length);
  if (!at) return fail(m.decode, 'audio-truncated');
  audio.HEAPU8.set(file, at);
  var frames = audio._treff_decode();
  if (frames < 0) return fail(m.decode, lastError());
  var channels = audio._treff_decoded_channels();
  var p = audio._treff_decoded_pcm() >> 2;
  var pcm = audio.HEAPF32.slice(p, p + frames * channels);
  postMessage({ decoded: m.decode, pcm: pcm, channels: channels }, [pcm.buffer]);
}
