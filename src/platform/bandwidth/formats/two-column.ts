// The shared reader of whitespace-separated `time value` files. Formats differ in units and in
// which line's value covers the interval between two timestamps: Pensieve's (t(i-1), t(i)] takes
// the later line's value ("backward"), Oboe's hold-until-next takes the earlier one ("forward").
// Origin t(first); duration = loop period = t(last) - t(first); equal timestamps give an empty,
// dropped interval.
import { fields, parseNumber, parseRate, requireLines, SegmentBuilder, splitLines, toNs } from "./text-lines.js";
import { TraceFormatError, type ParsedTrace, type TraceFormat } from "./types.js";

export interface TwoColumnRules {
  format: TraceFormat;
  nsPerTimeUnit: number;
  bpsPerValueUnit: number;
  /** backward: line i's value holds over (t(i-1), t(i)]; forward: over [t(i), t(i+1)). */
  hold: "backward" | "forward";
}

export function readTwoColumn(text: string, file: string, rules: TwoColumnRules): ParsedTrace {
  const lines = splitLines(text);
  requireLines(lines, file);
  const b = new SegmentBuilder();
  let t0Ns = 0;
  let prevNs = 0;
  let prevText = "";
  let prevBps = 0;
  lines.forEach((l, i) => {
    const [ts, vs] = fields(l, file, 2) as [string, string];
    const tNs = toNs(parseNumber(ts, file, l.no, "time"), rules.nsPerTimeUnit);
    const bps = parseRate(vs, file, l.no, "value") * rules.bpsPerValueUnit;
    if (i === 0) t0Ns = tNs;
    else {
      if (tNs < prevNs) throw new TraceFormatError(file, l.no, `decreasing timestamp ${ts} after ${prevText}`);
      b.add(prevNs - t0Ns, tNs - t0Ns, rules.hold === "backward" ? bps : prevBps);
    }
    prevNs = tNs;
    prevText = ts;
    prevBps = bps;
  });
  const durationNs = prevNs - t0Ns;
  return b.build(rules.format, file, durationNs, durationNs, lines.length);
}
