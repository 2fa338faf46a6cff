// UCC 5G dataset CSVs (G-NetTrack Pro, 26-column header): `Timestamp` is wall-clock
// `YYYY.MM.DD_HH.MM.SS`; rows sharing a timestamp are averaged; each distinct timestamp holds until
// the next, the last for 1 s; duration = period = t(last) − t(first) + 1 s; value column in kbit/s.
import { fields, parseRate, requireLines, SegmentBuilder, splitLines } from "./text-lines.js";
import { TraceFormatError, type ParsedTrace } from "./types.js";

export const UCC_DEFAULT_COLUMN = "DL_bitrate";
const TIMESTAMP = /^(\d{4})\.(\d{2})\.(\d{2})_(\d{2})\.(\d{2})\.(\d{2})$/;
const NS_PER_MS = 1e6;

/** Is this line the UCC header (used by format detection too)? */
export function isUccHeader(line: string): boolean {
  const cols = line.split(",").map((c) => c.trim());
  return cols[0] === "Timestamp" && cols.includes(UCC_DEFAULT_COLUMN);
}

/**
 * Milliseconds of a `YYYY.MM.DD_HH.MM.SS` stamp, read as if it were UTC: only differences matter,
 * and Date.UTC keeps this independent of the machine's time zone. (Local DST changes are not
 * undone: a fall-back hour inside a session would show up as a decreasing timestamp.)
 */
export function parseUccTimestamp(s: string): number | null {
  const m = TIMESTAMP.exec(s);
  if (m === null) return null;
  const [y, mo, d, h, mi, se] = m.slice(1).map(Number) as [number, number, number, number, number, number];
  if (mo < 1 || mo > 12 || d < 1 || d > 31 || h > 23 || mi > 59 || se > 59) return null;
  const ms = Date.UTC(y, mo - 1, d, h, mi, se);
  return new Date(ms).getUTCDate() === d ? ms : null; // rejects 2020.02.30 and the like
}

export function readUcc(text: string, file: string, column = UCC_DEFAULT_COLUMN): ParsedTrace {
  const all = splitLines(text);
  requireLines(all, file);
  const header = all[0]!;
  const cols = header.text.split(",").map((c) => c.trim());
  const tCol = cols.indexOf("Timestamp");
  if (tCol < 0) throw new TraceFormatError(file, header.no, `no Timestamp column in the header (columns: ${cols.join(", ")})`);
  const vCol = cols.indexOf(column);
  if (vCol < 0) throw new TraceFormatError(file, header.no, `unknown column "${column}" (columns: ${cols.join(", ")})`);
  const rows = all.slice(1);
  requireLines(rows, file);

  // Distinct timestamps (ms) with the mean value of their rows, in bit/s.
  const times: number[] = [];
  const means: number[] = [];
  let sum = 0;
  let count = 0;
  let prevT = -Infinity;
  let prevText = "";
  const flush = (): void => {
    if (count > 0) means.push((sum / count) * 1e3);
    sum = count = 0;
  };
  for (const l of rows) {
    const f = fields(l, file, cols.length, ",");
    const ts = f[tCol]!;
    const vs = f[vCol]!;
    const t = parseUccTimestamp(ts);
    if (t === null) throw new TraceFormatError(file, l.no, `non-numeric Timestamp "${ts}" (expected YYYY.MM.DD_HH.MM.SS)`);
    if (t < prevT) throw new TraceFormatError(file, l.no, `decreasing timestamp ${ts} after ${prevText}`);
    prevT = t;
    prevText = ts;
    // "-" is G-NetTrack's missing value: the row is skipped as if it had not been logged (its
    // timestamp only exists through other rows); the previous value holds across it.
    if (vs === "-") continue;
    const kbps = parseRate(vs, file, l.no, column);
    const last = times[times.length - 1];
    if (last === undefined || t > last) {
      flush();
      times.push(t);
    }
    sum += kbps;
    count++;
  }
  flush();
  if (times.length === 0) throw new TraceFormatError(file, null, `no row has a value in column ${column} (all are "-")`);

  const t0 = times[0]!;
  const b = new SegmentBuilder();
  times.forEach((t, j) => {
    const end = j + 1 < times.length ? times[j + 1]! : t + 1000; // the last sample lasts its 1 s
    b.add((t - t0) * NS_PER_MS, (end - t0) * NS_PER_MS, means[j]!);
  });
  const durationNs = (times[times.length - 1]! + 1000 - t0) * NS_PER_MS;
  return b.build("ucc", file, durationNs, durationNs, rows.length);
}
