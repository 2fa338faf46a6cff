// mahimahi (mm-link) traces: one integer ms timestamp per line, each a 1500-byte (12 000-bit)
// delivery opportunity; counted in bins [kΔ, (k+1)Δ) over [0, T], T = last timestamp = loop period,
// lines stamped T counted in the last bin [kΔ, T] with its true width. Origin 0, not the first line.
import { SegmentBuilder, splitLines, requireLines } from "./text-lines.js";
import { TraceFormatError, type ParsedTrace } from "./types.js";

const BITS_PER_OPPORTUNITY = 1500 * 8;
const NS_PER_MS = 1e6;
const INTEGER = /^\d+$/;

export function readMahimahi(text: string, file: string, binMs = 1): ParsedTrace {
  // Below 1 ns a bin would round to zero width.
  if (!(binMs >= 1e-6) || !Number.isFinite(binMs)) throw new TraceFormatError(file, null, `binMs must be a number of ms >= 1e-6, got ${binMs}`);
  // mm-link's loader (link_queue.cc) rejects empty lines, so blank lines are errors here too.
  const lines = splitLines(text, true);
  requireLines(lines, file);
  const stamps = new Float64Array(lines.length);
  let prev = -1;
  for (let i = 0; i < lines.length; i++) {
    const l = lines[i]!;
    const s = l.text.trim();
    if (s === "") throw new TraceFormatError(file, l.no, "empty line (mahimahi allows none)");
    if (/\s/.test(s)) throw new TraceFormatError(file, l.no, `wrong column count: expected 1, got ${s.split(/\s+/).length}`);
    if (!INTEGER.test(s)) throw new TraceFormatError(file, l.no, `non-numeric timestamp "${s}" (mahimahi needs a non-negative integer of ms)`);
    const t = Number(s);
    if (!Number.isSafeInteger(t * NS_PER_MS)) throw new TraceFormatError(file, l.no, `timestamp ${s} ms is too large`);
    if (t < prev) throw new TraceFormatError(file, l.no, `decreasing timestamp ${s} after ${prev}`);
    stamps[i] = prev = t;
  }
  const T = prev;
  if (T === 0) throw new TraceFormatError(file, lines[lines.length - 1]!.no, "the last timestamp must be > 0 (it is the loop period)");

  const nBins = Math.ceil(T / binMs);
  const edgeNs = (k: number): number => (k >= nBins ? T * NS_PER_MS : Math.round(k * binMs * NS_PER_MS));
  const b = new SegmentBuilder();
  let filledTo = 0; // ns up to which bins were emitted
  // Timestamps are sorted, so bins fill in order; only non-empty bins are visited (O(lines) even
  // when T/Δ is huge) and the gaps between them become one zero-rate piece.
  for (let i = 0; i < stamps.length; ) {
    const k = Math.min(Math.floor(stamps[i]! / binMs), nBins - 1);
    let count = 0;
    while (i < stamps.length && Math.min(Math.floor(stamps[i]! / binMs), nBins - 1) === k) {
      count++;
      i++;
    }
    const lo = edgeNs(k);
    const hi = edgeNs(k + 1);
    b.add(filledTo, lo, 0);
    b.add(lo, hi, (count * BITS_PER_OPPORTUNITY * 1e9) / (hi - lo));
    filledTo = hi;
  }
  const durationNs = T * NS_PER_MS;
  return b.build("mahimahi", file, durationNs, durationNs, lines.length);
}
