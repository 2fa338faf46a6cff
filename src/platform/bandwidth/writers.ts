// Writers: a TraceData as a file other tools read. csv is splitsim's own (`t_s,mbps`, each rate
// from its time until the next, the last line closing the period); time-value follows Pensieve
// (the value on line i holds over (t(i-1), t(i)]); mahimahi emits one line per 1500-byte
// opportunity, per millisecond floor(cumulative packets) - already emitted (Pensieve's converter),
// stamped at the end of the millisecond it accrues in, so the file's period (its last stamp) is the
// trace's duration; a rate change therefore shows one packet late in 1-ms bins.
import type { TraceData } from "./trace-data.js";

export type WritableFormat = "csv" | "time-value" | "mahimahi";
export const WRITABLE_FORMATS: readonly WritableFormat[] = ["csv", "time-value", "mahimahi"];

const s6 = (ns: number): string => String(Number((ns / 1e9).toFixed(9)));
const mbps = (bps: number): string => String(Number((bps / 1e6).toFixed(6)));

export function writeTrace(t: TraceData, format: WritableFormat): string {
  switch (format) {
    case "csv":
      return writeCsv(t);
    case "time-value":
      return writeTimeValue(t);
    case "mahimahi":
      return writeMahimahi(t);
  }
}

function writeCsv(t: TraceData): string {
  const lines = ["t_s,mbps"];
  t.startsNs.forEach((s, i) => lines.push(`${s6(s)},${mbps(t.bps[i]!)}`));
  if (t.periodNs > t.startsNs[t.startsNs.length - 1]!) lines.push(`${s6(t.periodNs)},${mbps(t.bps[t.bps.length - 1]!)}`);
  return lines.join("\n") + "\n";
}

function writeTimeValue(t: TraceData): string {
  // The first line's value is never used by the convention; it repeats the first rate.
  const lines = [`0\t${mbps(t.bps[0]!)}`];
  t.startsNs.forEach((_, i) => {
    const end = i + 1 < t.startsNs.length ? t.startsNs[i + 1]! : t.durationNs;
    lines.push(`${s6(end)}\t${mbps(t.bps[i]!)}`);
  });
  return lines.join("\n") + "\n";
}

function writeMahimahi(t: TraceData): string {
  const totalMs = Math.round(t.durationNs / 1e6);
  const out: string[] = [];
  let cumulative = 0;
  let emitted = 0;
  let seg = 0;
  for (let ms = 1; ms <= totalMs; ms++) {
    while (seg + 1 < t.startsNs.length && t.startsNs[seg + 1]! <= (ms - 1) * 1e6) seg++;
    cumulative += t.bps[seg]! / 12e6; // packets in this millisecond: 12 Mbit/s is one per ms
    const n = Math.floor(cumulative + 1e-9) - emitted;
    for (let k = 0; k < n; k++) out.push(String(ms));
    emitted += n;
  }
  if (out.length === 0) throw new Error("the trace carries less than one 1500-byte packet: nothing to write in mahimahi format");
  return out.join("\n") + "\n";
}
