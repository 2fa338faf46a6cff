// splitsim's own csv: `t_s,mbps` lines after an optional header, like an inline bandwidthProfile:
// the first time must be 0, times strictly increase, each rate holds from its time until the next,
// and the last line only closes the period (duration = period = last time; its rate is unused).
import { fields, isDecimal, parseNumber, parseRate, requireLines, SegmentBuilder, splitLines, toNs } from "./text-lines.js";
import { TraceFormatError, type ParsedTrace } from "./types.js";

export function readCsv(text: string, file: string): ParsedTrace {
  let lines = splitLines(text);
  requireLines(lines, file);
  // A header is a first line whose time field is not a number (e.g. the writer's `t_s,mbps`).
  const first = fields(lines[0]!, file, 2, ",");
  if (!isDecimal(first[0]!)) lines = lines.slice(1);
  requireLines(lines, file);
  const b = new SegmentBuilder();
  let prevNs = 0;
  let prevText = "";
  let prevBps = 0;
  lines.forEach((l, i) => {
    const [ts, vs] = fields(l, file, 2, ",") as [string, string];
    const t = parseNumber(ts, file, l.no, "time");
    const bps = parseRate(vs, file, l.no, "rate") * 1e6;
    const tNs = toNs(t, 1e9);
    if (i === 0) {
      // Same rule as bandwidthProfile: the trace origin is written out, not implied.
      if (tNs !== 0) throw new TraceFormatError(file, l.no, `the first time must be 0, got ${ts}`);
    } else {
      if (tNs < prevNs) throw new TraceFormatError(file, l.no, `decreasing timestamp ${ts} after ${prevText}`);
      if (tNs === prevNs) throw new TraceFormatError(file, l.no, `repeated timestamp ${ts} (times must increase)`);
      b.add(prevNs, tNs, prevBps);
    }
    prevNs = tNs;
    prevText = ts;
    prevBps = bps;
  });
  if (lines.length < 2) throw new TraceFormatError(file, lines[0]!.no, "a csv trace needs at least two lines: the last one closes the period");
  return b.build("csv", file, prevNs, prevNs, lines.length);
}
