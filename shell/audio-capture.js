// AudioWorklet processor, on the browser's audio thread: mixes its inputs (a call recording's
// input 0 is the own microphone, input 1 everyone else's sound; a microphone recording has one),
// gathers the 128-sample render quanta into 20 ms blocks and hands each block to the audio worker
// (audio-worker.js)
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
    this.flowing = false;
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
    // The port to the worker comes in a message from the page, which can arrive after the first
    // render quanta (Firefox, often): the recording starts once it can be delivered, rather than
    // filling a block that has nowhere to go.
    if (!this.worker) return true;
    if (!this.flowing) {
      // The page starts its clocks now (the microphone test's three seconds, the recording's time).
      this.flowing = true;
      this.port.postMessage({ flowing: true });
    }
    const frames = 128;
    for (let i = 0; i < frames; i++) {
      for (let c = 0; c < this.channels; c++) {
        let sum = 0;
        for (const input of inputs) {
          const channel = input[c] || input[0];  // an input with no sound has no channels
          if (channel) sum += channel[i];
        }
        // Two loud voices at once must not wrap around: a soft limit above 0.9.
        const a = Math.abs(sum);
        this.block[this.filled * this.channels + c] = a <= 0.9 ? sum : Math.sign(sum) * (0.9 + 0.1 * Math.tanh((a - 0.9) / 0.1));
      }
      if (++this.filled === this.blockFrames) this.send();
    }
    return true;
  }
}
registerProcessor('treff-capture', TreffCapture);
