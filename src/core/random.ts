// Seeded named random streams: rng(name) is derived from (master seed, stream name) only, so
// adding a stream never shifts another stream's draws. Uses seedrandom's xor4096 (fast, long
// period); never the unseeded global generator.
import seedrandom from "seedrandom";

/** A stream of uniform draws in [0, 1) with the few distributions the simulator needs. */
export interface RandomStream {
  /** Uniform in [0, 1), 53 bits. */
  next(): number;
  /** Exponential with the given mean. */
  exponential(mean: number): number;
  /** Standard normal (Box–Muller, one draw pair per call). */
  normal(): number;
}

/** FNV-1a over UTF-16 code units, 32 bits: a stable hash for seeding, not for security. */
export function fnv1a(text: string, hash = 0x811c9dc5): number {
  let h = hash >>> 0;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h;
}

/** The seed string of stream `name` under `masterSeed`: two independent 32-bit hashes. */
export function streamSeed(masterSeed: number, name: string): string {
  const key = `${masterSeed}\u0000${name}`;
  return `${fnv1a(key).toString(16)}-${fnv1a(key, 0x9747b28c).toString(16)}`;
}

export function createStream(masterSeed: number, name: string): RandomStream {
  return streamOf(seedrandom.xor4096(streamSeed(masterSeed, name)));
}

/** A generator's whole state (xor4096: 128 words, an index and a Weyl counter): opaque to callers. */
export type StreamState = object;

/** A stream that can save where it is and be resumed from there: random access by replay. */
export interface ResumableStream extends RandomStream {
  /** A copy of the state: a stream resumed from it draws what this one draws next. */
  save(): StreamState;
}

/** The named stream of createStream, with `save`: the same draws. */
export function createResumableStream(masterSeed: number, name: string): ResumableStream {
  return resumable(seedrandom.xor4096(streamSeed(masterSeed, name), { state: true }));
}

/** A stream that continues from a saved state (the saved stream is untouched). */
export function resumeStream(state: StreamState): ResumableStream {
  return resumable(seedrandom.xor4096("", { state: state as seedrandom.State.Xor4096 }));
}

function resumable(prng: seedrandom.StatefulPRNG<seedrandom.State.Xor4096>): ResumableStream {
  const stream = streamOf(prng) as ResumableStream;
  stream.save = () => prng.state();
  return stream;
}

function streamOf(prng: seedrandom.PRNG): RandomStream {
  return {
    next: () => prng.double(),
    // 1 - u lies in (0, 1], so the log is finite.
    exponential: (mean: number) => -mean * Math.log(1 - prng.double()),
    normal: () => {
      const u = 1 - prng.double();
      const v = prng.double();
      return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
    },
  };
}
