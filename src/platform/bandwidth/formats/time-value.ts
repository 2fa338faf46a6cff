// Two-column `t_s value_Mbps` traces (Pensieve FCC/Norway, Lumos5G), whitespace-separated (tabs or
// spaces). Pensieve's convention (sim/env.py): the value on line i holds over (t(i−1), t(i)], so the
// first value is unused; origin t(first); duration = loop period = t(last) − t(first).
import { fields, parseNumber, parseRate, requireLines, SegmentBuilder, splitLines, toNs } from "./text-lines.js";
import { TraceFormatError, type ParsedTrace } from "./types.js";

export function readTimeValue(text: string, file: string): ParsedTrace {
  const lines = splitLines(text);
  requireLines(lines, file);
  const b = new SegmentBuilder();
  let t0Ns = 0;
  let prevNs = 0;
  let prevText = "";
  lines.forEach((l, i) => {
    const [ts, vs] = fields(l, file, 2) as [string, string];
    const t = parseNumber(ts, file, l.no, "time");
    const mbps = parseRate(vs, file, l.no, "value");
    const tNs = toNs(t, 1e9);
    if (i === 0) {
      t0Ns = prevNs = tNs;
    } else {
      if (tNs < prevNs) throw new TraceFormatError(file, l.no, `decreasing timestamp ${ts} after ${prevText}`);
      // A repeated timestamp (Lumos5G 4G files have one) gives its value an empty interval
      // (t, t]: it is skipped, exactly as Pensieve's simulator would never use it.
      b.add(prevNs - t0Ns, tNs - t0Ns, mbps * 1e6);
    }
    prevNs = tNs;
    prevText = ts;
  });
  const durationNs = prevNs - t0Ns;
  return b.build("time-value", file, durationNs, durationNs, lines.length);
}
