// Synthetic traces and the writers: exact shapes by hand, seeded determinism, lossless round trips.
import { describe, expect, it } from "vitest";
import { readTrace } from "../../src/platform/bandwidth/formats/index.js";
import { synthesize } from "../../src/platform/bandwidth/synthetic.js";
import { writeTrace } from "../../src/platform/bandwidth/writers.js";

const GE = { kind: "gilbert-elliott", goodMbps: 8, badMbps: 1, meanGoodS: 3, meanBadS: 1, durationS: 60, seed: 5 } as const;

describe("synthetic traces", () => {
  it("steps hold each rate for stepS and loop over all of them", () => {
    const t = synthesize({ kind: "steps", stepS: 2, mbps: [6, 3] });
    expect([Array.from(t.startsNs), Array.from(t.bps), t.periodNs]).toEqual([[0, 2e9], [6e6, 3e6], 4e9]);
  });

  it("gilbert-elliott alternates good and bad from good, and the same seed gives the same trace", () => {
    const a = synthesize(GE);
    expect(Array.from(a.bps.slice(0, 4))).toEqual([8e6, 1e6, 8e6, 1e6]);
    expect(Array.from(synthesize(GE).startsNs)).toEqual(Array.from(a.startsNs));
    expect(Array.from(synthesize({ ...GE, seed: 6 }).startsNs)).not.toEqual(Array.from(a.startsNs));
    // Sojourns end on whole milliseconds so every format can hold them.
    for (const s of a.startsNs) expect(s % 1e6).toBe(0);
  });

  it("gilbert-elliott spends about meanGood/(meanGood + meanBad) of the time good over a long run", () => {
    const t = synthesize({ ...GE, durationS: 20_000 });
    let good = 0;
    for (let i = 0; i < t.startsNs.length; i++) {
      const end = i + 1 < t.startsNs.length ? Math.min(t.startsNs[i + 1]!, t.durationNs) : t.durationNs;
      if (t.bps[i] === 8e6) good += end - t.startsNs[i]!;
    }
    // Expected 3/4. With ~5,000 cycles the sd of the share is about 0.4 %, so 2 % is ~5 sd.
    expect(Math.abs(good / t.durationNs - 0.75)).toBeLessThan(0.02);
  });
});

describe("writers", () => {
  const t = synthesize(GE);

  it("csv and time-value round-trip through their readers to the same segments", () => {
    for (const format of ["csv", "time-value"] as const) {
      const back = readTrace(writeTrace(t, format), `x.${format}`, format).trace;
      expect(Array.from(back.startsNs)).toEqual(Array.from(t.startsNs));
      expect(Array.from(back.bps)).toEqual(Array.from(t.bps));
      expect(back.periodNs).toBe(t.periodNs);
    }
  });

  it("mahimahi keeps the mean rate to within one packet", () => {
    const text = writeTrace(synthesize({ kind: "steps", stepS: 1, mbps: [6, 18] }), "mahimahi");
    // 6 Mbit/s = 0.5 packet per ms for 1000 ms, then 1.5 per ms: 500 + 1500 packets.
    expect(text.trim().split("\n")).toHaveLength(2000);
    // A packet is stamped at the end of the ms it accrues in, so the one accrued in [999, 1000)
    // reads back in the second 1-s bin: each bin is within one packet (12,000 bit/s) of its rate.
    const back = readTrace(text, "x.up", "mahimahi", { binMs: 1000 }).trace;
    expect(Math.abs(back.bps[0]! - 6e6)).toBeLessThanOrEqual(12_000);
    expect(Math.abs(back.bps[1]! - 18e6)).toBeLessThanOrEqual(12_000);
    expect(back.periodNs).toBe(2e9);
  });
});
