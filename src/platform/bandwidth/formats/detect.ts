// Format detection from a file's content (the name only appears in messages): UCC header → ucc;
// comma-separated 2 columns → csv; one integer column → mahimahi; two whitespace columns → oboe
// (equal values in consecutive pairs, ms-sized steps) or time-value (no pairs, s-sized steps).
import { isDecimal, splitLines } from "./text-lines.js";
import { isUccHeader } from "./ucc.js";
import { FORMAT_CHOICES, TraceFormatError, type TraceFormat } from "./types.js";

// Enough lines to judge a file without scanning a 3-MB mahimahi trace twice.
const SAMPLE = 2000;
// Median step between distinct times: seconds traces step 0.03–15 s, Oboe's ms traces ~50–1000 ms.
const MAX_SECONDS_STEP = 20;
const MIN_MS_STEP = 50;

export function detectFormat(text: string, file: string): TraceFormat {
  const head = firstLines(text, SAMPLE);
  const truncated = head.length < text.length;
  const control = head.search(/[\u0000-\u0008\u000e-\u001f]/);
  if (control >= 0) throw new TraceFormatError(file, null, `not a text file (a control character at byte ${control}); a trace is text, one sample per line`);
  const lines = splitLines(head);
  if (lines.length === 0) throw new TraceFormatError(file, null, "empty file (no data lines)");
  const refuse = (why: string): never => {
    throw new TraceFormatError(file, null, `cannot tell the trace format: ${why}; give ${FORMAT_CHOICES}`);
  };
  /** A file of the shape's rows but for one line: name that line rather than the format. */
  const refuseAt = (body: typeof lines, split: (t: string) => string[], why: string): never => {
    const bad = body.filter((l) => !isNumericRow(split(l.text), 2));
    if (bad.length > 0 && bad.length < body.length && bad.length <= Math.max(1, body.length / 10)) {
      const l = bad[0]!;
      throw new TraceFormatError(file, l.no, `'${l.text.trim().slice(0, 60)}' is not two numbers (time, rate) like the other lines`);
    }
    return refuse(why);
  };
  const first = lines[0]!.text;
  if (isUccHeader(first)) return "ucc";
  if (first.includes(",")) {
    const body = isDecimal(first.split(",")[0]!.trim()) ? lines : lines.slice(1);
    if (body.length > 0 && body.every((l) => isNumericRow(l.text.split(","), 2))) return "csv";
    return refuseAt(body, (t) => t.split(","), "comma-separated but neither a UCC header nor two numeric columns `t_s,mbps`");
  }
  const rows = lines.map((l) => l.text.trim().split(/\s+/));
  if (rows.every((r) => r.length === 1 && /^\d+$/.test(r[0]!))) return "mahimahi";
  if (!rows.every((r) => isNumericRow(r, 2))) return refuseAt(lines, (t) => t.trim().split(/\s+/), "expected one integer column or two numeric columns on every line");

  const t = rows.map((r) => Number(r[0]));
  const v = rows.map((r) => Number(r[1]));
  const step = medianStep(t);
  // A cut-off sample may end inside a pair; a whole file must not.
  const pairs = v.length >= 2 && (truncated || v.length % 2 === 0) && v.every((x, i) => i % 2 === 1 || i + 1 === v.length || x === v[i + 1]);
  if (step === null) return refuse("the times never advance");
  if (pairs && step >= MIN_MS_STEP) return "oboe";
  if (!pairs && step <= MAX_SECONDS_STEP) return "time-value";
  return refuse(
    `two columns whose values ${pairs ? "come" : "do not come"} in equal pairs (oboe) with a median time step of ${step}` +
      ` (${step >= MIN_MS_STEP ? "ms-like" : step <= MAX_SECONDS_STEP ? "seconds-like" : "neither ms- nor seconds-like"})`,
  );
}

function isNumericRow(r: readonly string[], n: number): boolean {
  return r.length === n && r.every((x) => isDecimal(x.trim()));
}

/** Median of the positive steps between consecutive times, or null when there is none. */
function medianStep(t: readonly number[]): number | null {
  const steps: number[] = [];
  for (let i = 1; i < t.length; i++) if (t[i]! > t[i - 1]!) steps.push(t[i]! - t[i - 1]!);
  if (steps.length === 0) return null;
  steps.sort((a, b) => a - b);
  return steps[Math.floor((steps.length - 1) / 2)]!;
}

/** The text up to (excluding) its n-th newline, without splitting the whole file. */
function firstLines(text: string, n: number): string {
  let at = -1;
  for (let k = 0; k < n; k++) {
    at = text.indexOf("\n", at + 1);
    if (at < 0) return text;
  }
  return text.slice(0, at);
}
