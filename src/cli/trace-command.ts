// `splitsim trace inspect | convert | generate`: look at a trace file as splitsim reads it, move
// traces between tools' formats, and write synthetic traces. Files are only written when asked
// (--out), and an existing file is never replaced without --force.
import { existsSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { SplitsimError } from "../errors.js";
import { readTrace, type TraceFormat } from "../platform/bandwidth/formats/index.js";
import { synthesize, type SyntheticSpec } from "../platform/bandwidth/synthetic.js";
import { inspectTrace } from "../platform/bandwidth/trace-stats.js";
import { writeTrace, type WritableFormat } from "../platform/bandwidth/writers.js";
import { formatTable } from "./table.js";

export interface ReadArgs {
  format: TraceFormat | "auto";
  binMs: number | undefined;
  column: string | undefined;
}

function readOpts(a: ReadArgs): { binMs?: number; column?: string } {
  return { ...(a.binMs === undefined ? {} : { binMs: a.binMs }), ...(a.column === undefined ? {} : { column: a.column }) };
}

function readText(file: string): string {
  if (!existsSync(file)) throw new SplitsimError(`${file}: file not found`);
  if (!statSync(file).isFile()) throw new SplitsimError(`${file}: not a file (a folder or a device); give a trace file`);
  return readFileSync(file, "utf8");
}

export function inspectCommand(files: readonly string[], a: ReadArgs & { json: boolean }): void {
  const rows = files.map((file) => inspectTrace(readText(file), file, a.format, readOpts(a)));
  if (a.json) {
    const out = rows.map((r) => ({
      file: r.file, format: r.format, durationS: r.durationS, loopPeriodS: r.loopPeriodS,
      meanMbps: r.meanMbps, medianMbps: r.medianMbps, p5Mbps: r.p5Mbps, p95Mbps: r.p95Mbps,
    }));
    process.stdout.write(JSON.stringify(out, null, 2) + "\n");
    return;
  }
  const f3 = (x: number) => x.toFixed(3);
  process.stdout.write(formatTable(
    ["file", "format", "duration s", "loop s", "mean", "median", "p5", "p95"],
    rows.map((r) => [r.file, r.format, r.durationS.toFixed(1), r.loopPeriodS.toFixed(3), f3(r.meanMbps), f3(r.medianMbps), f3(r.p5Mbps), f3(r.p95Mbps)]),
  ) + "(Mbit/s, time-weighted; mahimahi in 1-second bins unless --bin-ms)\n");
}

export function convertCommand(file: string, a: ReadArgs & { to: WritableFormat; out: string | undefined; force: boolean }): void {
  const { trace } = readTrace(readText(file), file, a.format, readOpts(a));
  emit(writeTrace(trace, a.to), a.out, a.force);
}

export function generateCommand(spec: SyntheticSpec, a: { format: WritableFormat; out: string | undefined; force: boolean }): void {
  emit(writeTrace(synthesize(spec), a.format), a.out, a.force);
}

function emit(text: string, out: string | undefined, force: boolean): void {
  if (out === undefined) {
    process.stdout.write(text);
    return;
  }
  if (existsSync(out) && !force) throw new SplitsimError(`--out: ${out} exists (use --force to replace it)`);
  writeFileSync(out, text);
}
