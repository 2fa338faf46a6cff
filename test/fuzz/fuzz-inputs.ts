// Fuzzing the two readers of user files: the scenario loader and the trace readers. Inputs are
// valid files mutated (cut, spliced, punctuation and odd numbers thrown in), random YAML-ish text
// and random bytes, from a seeded fast-check run. A reader may accept an input or refuse it with a
// SplitsimError (the CLI's exit 2); anything else it throws is a crash, and so is taking over 1 s.
// Used by test/fuzz/fuzz.test.ts (a fixed seed, a few hundred inputs) and `npm run fuzz` (10 000).
import { readdirSync, readFileSync } from "node:fs";
import fc from "fast-check";
import { isSplitsimError } from "../../src/errors.js";
import { readTrace } from "../../src/platform/bandwidth/formats/index.js";
import { TRACE_FORMATS } from "../../src/platform/bandwidth/formats/types.js";
import { resolveScenarioText } from "../../src/scenario/load.js";

/** Valid scenarios shipped with the project: what mutations start from. */
export const SCENARIOS: string[] = ["scenarios", "scenarios/examples", "scenarios/papers"].flatMap((d) =>
  readdirSync(d).filter((f) => f.endsWith(".yaml")).map((f) => readFileSync(`${d}/${f}`, "utf8")));

/** One small valid trace per format, and the project's own trace file. */
export const TRACES: string[] = [
  "1\n2\n2\n5\n9\n9\n9\n14\n",
  "0.0 5.1\n1.0 3.2\n2.0 7.7\n3.0 0\n",
  "0 4000\n250 4000\n250 2000\n500 2000\n500 3000\n750 3000\n",
  "Timestamp,DL_bitrate,UL_bitrate\n2020.01.01_10.00.00,5000,200\n2020.01.01_10.00.01,4000,150\n",
  "t_s,mbps\n0,5\n1,3.5\n2,8\n3,1.5\n",
  readFileSync("traces/lte-like-uplink.csv", "utf8").slice(0, 4000),
];

const PUNCT = [..."{}[],:-'\"\n\t #&*!|>%@`?=~.0123456789eE+"];
const ODD_NUMBERS = ["-1", "0", "1e308", "1e-300", "NaN", ".inf", "-.inf", "1e9", "0x10", "99999999999999999999", "-0", "1.5e"];

const text = (base: readonly string[]) => fc.oneof(
  // A valid file with edits.
  fc.tuple(fc.constantFrom(...base), fc.array(fc.tuple(fc.nat(), fc.nat({ max: 40 }), fc.string({ unit: fc.constantFrom(...PUNCT), maxLength: 6 }), fc.constantFrom(...ODD_NUMBERS), fc.nat({ max: 3 })), { minLength: 1, maxLength: 6 }))
    .map(([b, edits]) => edits.reduce((t, [at, len, ins, num, kind]) => {
      const i = t.length === 0 ? 0 : at % t.length;
      if (kind === 0) return t.slice(0, i) + t.slice(i + len); // cut
      if (kind === 1) return t.slice(0, i) + ins + t.slice(i); // punctuation
      if (kind === 2) return t.replace(/\d+(\.\d+)?/g, (m, _g, off: number) => (off === i - (i % 7) ? num : m)) + (i % 5 === 0 ? `\n${num}` : ""); // odd numbers
      const lines = t.split("\n"); // duplicate or drop a line
      const k = at % Math.max(1, lines.length);
      return (len % 2 === 0 ? [...lines.slice(0, k), lines[k] ?? "", ...lines.slice(k)] : [...lines.slice(0, k), ...lines.slice(k + 1)]).join("\n");
    }, b)),
  // YAML-ish noise.
  fc.string({ unit: fc.constantFrom(...PUNCT, "a", "b", "name", "nodes", "links", "kind", "\n  "), maxLength: 300 }),
  // Bytes.
  fc.uint8Array({ maxLength: 2000 }).map((b) => Buffer.from(b).toString("latin1")),
);

export interface FuzzOutcome {
  inputs: number;
  accepted: number;
  refused: number;
  /** Inputs that threw something other than a SplitsimError, or took over 1 s: with the input. */
  crashes: Array<{ input: string; error: string; ms: number }>;
}

function fuzz(arb: fc.Arbitrary<string>, count: number, seed: number, read: (t: string) => void): FuzzOutcome {
  const out: FuzzOutcome = { inputs: 0, accepted: 0, refused: 0, crashes: [] };
  fc.assert(fc.property(arb, (t) => {
    out.inputs++;
    const start = performance.now();
    try {
      read(t);
      out.accepted++;
    } catch (e) {
      if (isSplitsimError(e)) out.refused++;
      else out.crashes.push({ input: t.slice(0, 500), error: String(e), ms: performance.now() - start });
      return;
    }
    const ms = performance.now() - start;
    if (ms > 1000) out.crashes.push({ input: t.slice(0, 500), error: "took over 1 s", ms });
  }), { numRuns: count, seed });
  return out;
}

/** The scenario loader on `count` inputs (resolved as a file in scenarios/, so references resolve). */
export function fuzzScenarios(count: number, seed: number): FuzzOutcome {
  return fuzz(text(SCENARIOS), count, seed, (t) => void resolveScenarioText(t, "scenarios/fuzz.yaml"));
}

/** Every trace reader, detection included, on `count` inputs each. */
export function fuzzTraces(count: number, seed: number): Record<string, FuzzOutcome> {
  const out: Record<string, FuzzOutcome> = {};
  for (const format of ["auto", ...TRACE_FORMATS] as const) {
    out[format] = fuzz(text(TRACES), count, seed, (t) => void readTrace(t, "fuzz.trace", format));
  }
  return out;
}
