// Scene content of a source's frames: a Markov chain of labels and a closeness per frame (see
// ContentSpec), drawn once per (scenario, seed) from the source's own stream `content/<i>`, so every
// scheduler replays the same scene and adding a source or a scheduler shifts no draw.
import type { RandomStream } from "../core/random.js";
import type { Closeness, ContentSpec } from "./source-spec.js";

export interface SourceContent {
  /** Label index of each request of the source (by request index). */
  label: Int32Array;
  /** Closeness in [0, 1] of each request's frame to its label's centre. */
  closeness: Float64Array;
}

export function drawContent(spec: ContentSpec, n: number, stream: RandomStream): SourceContent {
  const k = spec.labels.length;
  const label = new Int32Array(n);
  const closeness = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    if (i === 0) label[i] = Math.min(k - 1, Math.floor(stream.next() * k));
    else if (k === 1 || stream.next() < spec.stayProb) label[i] = label[i - 1]!;
    else {
      // One of the k - 1 other labels, uniformly: skip over the current one.
      const j = Math.min(k - 2, Math.floor(stream.next() * (k - 1)));
      label[i] = j >= label[i - 1]! ? j + 1 : j;
    }
    closeness[i] = drawCloseness(spec.closeness, stream);
  }
  return { label, closeness };
}

function drawCloseness(c: Closeness, stream: RandomStream): number {
  switch (c.kind) {
    case "constant":
      return c.value;
    case "uniform":
      return stream.next();
    case "beta": {
      const x = gammaWithLog(c.a, stream);
      const y = gammaWithLog(c.b, stream);
      // With shapes well below 1 a Gamma variate can underflow (Gamma(0.001) is 0 about half the
      // time) and x/(x + y) would be 0/0 or lose its digits: then take the ratio in logs.
      if (x.value >= TINY && y.value >= TINY) return x.value / (x.value + y.value);
      return 1 / (1 + Math.exp(y.log - x.log));
    }
  }
}

const TINY = 1e-300;

/** A Gamma(shape, 1) variate drawn exactly as `gamma` draws it, with its logarithm (finite even where it underflows). */
function gammaWithLog(shape: number, stream: RandomStream): { value: number; log: number } {
  if (shape >= 1) {
    const value = gamma(shape, stream);
    return { value, log: Math.log(value) };
  }
  const g = gamma(shape + 1, stream);
  const u = 1 - stream.next();
  return { value: g * Math.pow(u, 1 / shape), log: Math.log(g) + Math.log(u) / shape };
}

/** Gamma(shape, 1) by Marsaglia and Tsang (2000); shape < 1 via Gamma(shape + 1) · U^(1/shape). */
export function gamma(shape: number, stream: RandomStream): number {
  if (shape < 1) return gamma(shape + 1, stream) * Math.pow(1 - stream.next(), 1 / shape);
  const d = shape - 1 / 3;
  const c = 1 / Math.sqrt(9 * d);
  for (;;) {
    let x: number;
    let v: number;
    do {
      x = stream.normal();
      v = 1 + c * x;
    } while (v <= 0);
    v = v * v * v;
    const u = 1 - stream.next();
    if (Math.log(u) < 0.5 * x * x + d - d * v + d * Math.log(v)) return d * v;
  }
}
