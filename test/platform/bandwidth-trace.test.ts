// BandwidthTrace.finish integrates the piecewise-constant rate exactly (expected values by hand).
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { sec } from "../../src/core/time.js";
import { BandwidthTrace, NeverFinishesError } from "../../src/platform/bandwidth/trace.js";

const MB = 1_000_000;

describe("BandwidthTrace.finish", () => {
  it("on a constant link takes bytes / rate", () => {
    // 1 MB at 8 Mbit/s = 1e6 B/s -> 1 s.
    expect(BandwidthTrace.constant(1e6).finish(sec(2), MB)).toBe(sec(3));
  });

  it("integrates across a bandwidth drop", () => {
    // 1e6 B/s over [0, 1 s), then 1e5 B/s. Start at 0.5 s with 1.5 MB:
    // 0.5 s at 1e6 B/s = 0.5 MB (to t = 1 s), the remaining 1 MB at 1e5 B/s = 10 s -> 11 s.
    const t = new BandwidthTrace([0, sec(1)], [1e6, 1e5]);
    expect(t.finish(sec(0.5), 1.5 * MB)).toBe(sec(11));
  });

  it("stalls across a zero-rate gap", () => {
    // 1e6 B/s on [0,1), 0 on [1,3), 1e6 B/s after: 1.5 MB from 0 ends at 3.5 s.
    const t = new BandwidthTrace([0, sec(1), sec(3)], [1e6, 0, 1e6]);
    expect(t.finish(0, 1.5 * MB)).toBe(sec(3.5));
  });

  it("wraps around the loop boundary", () => {
    // Period 2 s: 1e6 B/s on [0,1), 2e6 B/s on [1,2). From 1.5 s, 2 MB: 0.5 s at 2e6 = 1 MB
    // (to 2.0), then 1 MB at 1e6 B/s = 1 s -> 3.0 s.
    const t = new BandwidthTrace([0, sec(1)], [1e6, 2e6], { periodNs: sec(2) });
    expect(t.finish(sec(1.5), 2 * MB)).toBe(sec(3));
  });

  it("skips whole periods of a long transfer exactly", () => {
    // 3 MB per 2 s period. 30 MB + 0.5 MB from 0: 10 periods (20 s), then 0.5 s -> 20.5 s.
    const t = new BandwidthTrace([0, sec(1)], [1e6, 2e6], { periodNs: sec(2) });
    expect(t.finish(0, 30.5 * MB)).toBe(sec(20.5));
    expect(t.finish(0, 30 * MB)).toBe(sec(20));
  });

  it("reads the trace from its offset", () => {
    // Offset 1 s: simulation time 0 reads trace time 1 (rate 2e6). 1 MB -> 0.5 s.
    const t = new BandwidthTrace([0, sec(1)], [1e6, 2e6], { periodNs: sec(2), offsetNs: sec(1) });
    expect(t.finish(0, MB)).toBe(sec(0.5));
    expect(t.rate(0)).toBe(2e6);
  });

  it("rounds the end up to the next nanosecond", () => {
    // 1 byte at 3 B/s = 333,333,333.33 ns -> 333,333,334.
    expect(BandwidthTrace.constant(3).finish(0, 1)).toBe(333_333_334);
  });

  it("ends a 0-byte transfer when it starts", () => {
    expect(BandwidthTrace.constant(1).finish(42, 0)).toBe(42);
  });

  it("reports a transfer that a zero tail can never finish", () => {
    const t = new BandwidthTrace([0, sec(1)], [1e6, 0]);
    expect(() => t.finish(0, 2 * MB)).toThrow(NeverFinishesError);
  });

  it("gives back the bytes when the rate is integrated from start to finish", () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 5e6 }), { minLength: 1, maxLength: 6 }),
        fc.integer({ min: 0, max: sec(10) }),
        fc.integer({ min: 1, max: 5e7 }),
        (rates, t0, bytes) => {
          rates[0] = Math.max(rates[0]!, 1000); // a looping trace must carry bytes
          const starts = rates.map((_, i) => sec(i * 0.7));
          const t = new BandwidthTrace(starts, rates, { periodNs: sec(rates.length * 0.7) });
          const end = t.finish(t0, bytes);
          // Integrate numerically over segment pieces (independent of finish's own walk).
          let sum = 0;
          for (let a = t0; a < end; ) {
            const tau = a % t.periodNs;
            const i = starts.findLastIndex((s) => s <= tau);
            const segEnd = i + 1 < starts.length ? starts[i + 1]! : t.periodNs;
            const b = Math.min(end, a + (segEnd - tau));
            sum += (rates[i]! * (b - a)) / 1e9;
            a = b;
          }
          // The integral reaches the bytes, and 1 ns earlier it did not.
          const maxRate = Math.max(...rates);
          expect(sum).toBeGreaterThanOrEqual(bytes - 1e-6 * bytes);
          expect(sum - maxRate / 1e9).toBeLessThan(bytes + 1e-6 * bytes);
        },
      ),
      { numRuns: 200 },
    );
  });
});

describe("BandwidthTrace.bytesIn", () => {
  it("integrates the rate between two simulation times across a drop and the loop boundary", () => {
    // Period 2 s: 1e6 B/s on [0,1), 2e6 B/s on [1,2). From 1.5 s to 5.25 s:
    // 0.5 s at 2e6 = 1 MB, one whole period = 3 MB, then 1 s at 1e6 + 0.25 s at 2e6 = 1.5 MB.
    const t = new BandwidthTrace([0, sec(1)], [1e6, 2e6], { periodNs: sec(2) });
    expect(t.bytesIn(sec(1.5), sec(5.25))).toBeCloseTo(5.5 * MB, 3);
  });

  it("agrees with finish: the bytes sent from t0 to finish(t0, b) are b", () => {
    const t = new BandwidthTrace([0, sec(1), sec(3)], [1e6, 0, 5e5]);
    const end = t.finish(sec(0.2), 2 * MB);
    expect(t.bytesIn(sec(0.2), end)).toBeCloseTo(2 * MB, 0);
  });
});
