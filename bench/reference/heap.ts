// Reference future-event list for the hold bench: the minimal typed-array binary heap that
// shared/reference/performance.md recommends (keys (time, seq) in Float64Arrays, FIFO on seq,
// payload in parallel arrays). splitsim's EventQueue is measured against it: same payload
// (a handler and a numeric arg), but no phases and no cancellation, so the gap between the two
// is what those features and the surrounding code cost.

export type RefHandler = (arg: number) => void;

export class ReferenceHeap {
  private times: Float64Array;
  private seqs: Float64Array;
  private args: Float64Array;
  private handlers: RefHandler[] = [];
  private n = 0;
  private seq = 0;
  /** Time and arg of the last popped entry (no object per pop). */
  poppedTime = 0;
  poppedArg = 0;

  constructor(capacity = 1024) {
    this.times = new Float64Array(capacity);
    this.seqs = new Float64Array(capacity);
    this.args = new Float64Array(capacity);
  }

  get size(): number {
    return this.n;
  }

  push(time: number, handler: RefHandler, arg: number): void {
    if (this.n === this.times.length) this.grow();
    const seq = this.seq++;
    const times = this.times;
    const seqs = this.seqs;
    const args = this.args;
    const hs = this.handlers;
    // Sift up with a hole: a new entry goes after every equal time already queued (seq is larger).
    let i = this.n++;
    while (i > 0) {
      const p = (i - 1) >> 1;
      if (times[p]! <= time) break;
      times[i] = times[p]!;
      seqs[i] = seqs[p]!;
      args[i] = args[p]!;
      hs[i] = hs[p]!;
      i = p;
    }
    times[i] = time;
    seqs[i] = seq;
    args[i] = arg;
    hs[i] = handler;
  }

  pop(): RefHandler | undefined {
    if (this.n === 0) return undefined;
    const times = this.times;
    const seqs = this.seqs;
    const args = this.args;
    const hs = this.handlers;
    this.poppedTime = times[0]!;
    this.poppedArg = args[0]!;
    const top = hs[0]!;
    const last = --this.n;
    const t = times[last]!;
    const s = seqs[last]!;
    const a = args[last]!;
    const h = hs[last]!;
    hs[last] = undefined as unknown as RefHandler; // drop the reference so it can be collected
    if (last === 0) return top;
    // Sift down with a hole; branchy child choice (faster than branch-free at large sizes).
    let i = 0;
    const half = last >> 1;
    while (i < half) {
      let c = 2 * i + 1;
      const r = c + 1;
      if (r < last && (times[r]! < times[c]! || (times[r] === times[c] && seqs[r]! < seqs[c]!))) c = r;
      const tc = times[c]!;
      if (t < tc || (t === tc && s < seqs[c]!)) break;
      times[i] = tc;
      seqs[i] = seqs[c]!;
      args[i] = args[c]!;
      hs[i] = hs[c]!;
      i = c;
    }
    times[i] = t;
    seqs[i] = s;
    args[i] = a;
    hs[i] = h;
    return top;
  }

  private grow(): void {
    const cap = this.times.length * 2;
    const t = new Float64Array(cap);
    t.set(this.times);
    this.times = t;
    const s = new Float64Array(cap);
    s.set(this.seqs);
    this.seqs = s;
    const a = new Float64Array(cap);
    a.set(this.args);
    this.args = a;
  }
}
