// Oboe traces: `t_ms value_kbps`, space-separated, two lines per video chunk (start and end, same
// value). Each value holds from its timestamp until the next line's (a chunk's rate also covers the
// idle gap after it); the last value is unused; origin t(first); duration = period = t(last) − t(first).
import { fields, parseNumber, parseRate, requireLines, SegmentBuilder, splitLines, toNs } from "./text-lines.js";
import { TraceFormatError, type ParsedTrace } from "./types.js";

export function readOboe(text: string, file: string): ParsedTrace {
  const lines = splitLines(text);
  requireLines(lines, file);
  const b = new SegmentBuilder();
  let t0Ns = 0;
  let prevNs = 0;
  let prevText = "";
  let prevBps = 0;
  lines.forEach((l, i) => {
    const [ts, vs] = fields(l, file, 2) as [string, string];
    const t = parseNumber(ts, file, l.no, "time");
    const kbps = parseRate(vs, file, l.no, "value");
    const tNs = toNs(t, 1e6);
    if (i === 0) t0Ns = tNs;
    else {
      if (tNs < prevNs) throw new TraceFormatError(file, l.no, `decreasing timestamp ${ts} after ${prevText}`);
      // Equal timestamps (a chunk starting as the previous one ends) give an empty piece, dropped.
      b.add(prevNs - t0Ns, tNs - t0Ns, prevBps);
    }
    prevNs = tNs;
    prevText = ts;
    prevBps = kbps * 1e3;
  });
  const durationNs = prevNs - t0Ns;
  return b.build("oboe", file, durationNs, durationNs, lines.length);
}
