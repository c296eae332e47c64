// AudioWorklet processor, on the browser's audio thread: gathers the microphone's 128-sample
// render quanta into 20 ms blocks and hands each block to the audio worker (audio-worker.js)
// through a MessagePort, transferring its buffer instead of copying it again. Copied memory and
// not a SharedArrayBuffer ring: sharing memory needs the page to be cross-origin isolated
// (COOP/COEP headers), which would stop it from showing anything of another origin, and at 50
// blocks a second the copies cost next to nothing.
class TreffCapture extends AudioWorkletProcessor {
  constructor(options) {
    super();
    this.channels = options.processorOptions.channels;
    this.blockFrames = options.processorOptions.blockFrames;
    this.fresh();
    this.worker = null;   // the port to the worker, sent by the page
    this.ended = false;
    this.port.onmessage = (e) => {
      if (e.data.port) this.worker = e.data.port;
      if (e.data.stop && !this.ended) this.end();
    };
  }
  fresh() {
    this.block = new Float32Array(this.blockFrames * this.channels);
    this.filled = 0;
  }
  send() {
    if (!this.worker || this.filled === 0) return;
    const samples = this.filled === this.blockFrames ? this.block : this.block.slice(0, this.filled * this.channels);
    this.worker.postMessage({ pcm: samples }, [samples.buffer]);
    this.fresh();
  }
  // Everything heard up to now goes out, then the end: the worker sees them in that order.
  end() {
    this.send();
    if (this.worker) this.worker.postMessage({ end: true });
    this.ended = true;
  }
  process(inputs) {
    if (this.ended) return false;
    const input = inputs[0];
    const frames = input.length ? input[0].length : 128;
    for (let i = 0; i < frames; i++) {
      for (let c = 0; c < this.channels; c++) {
        const channel = input[c] || input[0];
        this.block[this.filled * this.channels + c] = channel ? channel[i] : 0;
      }
      if (++this.filled === this.blockFrames) this.send();
    }
    return true;
  }
}
registerProcessor('treff-capture', TreffCapture);
