// Each reader on a small hand-made file: segment starts (ns from the origin) and rates (bit/s)
// worked out by hand from the format's convention, plus traceStats/inspectTrace by hand.
import { describe, expect, it } from "vitest";
import { readTrace, TRACE_FORMATS, type ParsedTrace, type TraceFormat, type TraceReadOptions } from "../../src/platform/bandwidth/formats/index.js";
import { inspectTrace, traceStats } from "../../src/platform/bandwidth/trace-stats.js";

const MS = 1e6;
const S = 1e9;
const MBPS = 1e6;

function read(text: string, format: TraceFormat, opts: TraceReadOptions = {}): ParsedTrace {
  return readTrace(text, "t.txt", format, opts).trace;
}

/** The trace as plain arrays, for toEqual. */
function shape(t: ParsedTrace) {
  return { starts: Array.from(t.startsNs), bps: Array.from(t.bps), durationNs: t.durationNs, periodNs: t.periodNs, lines: t.lines };
}

const UCC_HEADER =
  "Timestamp,Longitude,Latitude,Speed,Operatorname,CellID,NetworkMode,RSRP,RSRQ,SNR,CQI,RSSI,DL_bitrate,UL_bitrate,State,PINGAVG,PINGMIN,PINGMAX,PINGSTDEV,PINGLOSS,CELLHEX,NODEHEX,LACHEX,RAWCELLID,NRxRSRP,NRxRSRQ";
/** A 26-field UCC row with the given Timestamp, DL_bitrate and UL_bitrate. */
function uccRow(ts: string, dl: string, ul = "0"): string {
  return [ts, "-8.4", "51.9", "1", "B", "11", "5G", "-100", "-18", "-9.0", "9", "-101", dl, ul, "D", "-", "-", "-", "-", "-", "B", "A4DF", "9CBA", "10805003", "-99.0", "-16.0"].join(",");
}

describe("mahimahi reader", () => {
  it("counts 12 000 bit per line per bin, the origin at 0 and the last bin ending at T", () => {
    // Δ = 2 ms, T = 4: [0,2) holds 0,1,1 → 3 × 12 000 bit / 2 ms = 18 Mbit/s; [2,4] holds 3,4 → 12 Mbit/s.
    expect(shape(read("0\n1\n1\n3\n4\n", "mahimahi", { binMs: 2 }))).toEqual({ starts: [0, 2 * MS], bps: [18 * MBPS, 12 * MBPS], durationNs: 4 * MS, periodNs: 4 * MS, lines: 5 });
  });

  it("gives a partial last bin its true width", () => {
    // Δ = 3 ms, T = 4: [0,3) holds 3 lines → 12 Mbit/s; [3,4] is 1 ms wide with 2 lines → 24 Mbit/s.
    expect(shape(read("0\n1\n1\n3\n4\n", "mahimahi", { binMs: 3 }))).toEqual({ starts: [0, 3 * MS], bps: [12 * MBPS, 24 * MBPS], durationNs: 4 * MS, periodNs: 4 * MS, lines: 5 });
  });

  it("defaults to 1-ms bins, with empty bins at 0 and the line stamped T in the last bin", () => {
    // T = 5: bins 0–1 empty, [2,3) 2 lines → 24 Mbit/s, [3,4) empty, [4,5] holds `5` → 12 Mbit/s.
    expect(shape(read("2\n2\n5\n", "mahimahi"))).toEqual({ starts: [0, 2 * MS, 3 * MS, 4 * MS], bps: [0, 24 * MBPS, 0, 12 * MBPS], durationNs: 5 * MS, periodNs: 5 * MS, lines: 3 });
  });

  it("a file holding just `1` is a 12 Mbit/s link with a 1-ms period", () => {
    expect(shape(read("1\n", "mahimahi"))).toEqual({ starts: [0], bps: [12 * MBPS], durationNs: MS, periodNs: MS, lines: 1 });
  });
});

describe("time-value reader", () => {
  it("holds line i's Mbit/s over (t(i−1), t(i)] from origin t(first), skipping a repeated timestamp", () => {
    // Line 1's 7 is unused; (10,11] and (11,12] at 2 merge; `12 9` is an empty interval; (12,14] at 4.
    const t = read("10 7\n11\t2\n12 2\n12 9\n14   4\n", "time-value");
    expect(shape(t)).toEqual({ starts: [0, 2 * S], bps: [2 * MBPS, 4 * MBPS], durationNs: 4 * S, periodNs: 4 * S, lines: 5 });
  });

  it("rounds fractional seconds to whole ns", () => {
    const t = read("0.0\t1\n0.549999952316\t2\n1.0\t3\n", "time-value");
    expect(Array.from(t.startsNs)).toEqual([0, 549_999_952]);
    expect(t.durationNs).toBe(S);
  });
});

describe("oboe reader", () => {
  it("holds each kbit/s value until the next line's ms timestamp, the last value unused", () => {
    // [100,350) at 1000 kbit/s, [350,700) at 2000, [700,800) at 3000; origin 100 ms.
    const t = read("100 1000\n300 1000\n350 2000\n600 2000\n700 3000\n800 3000\n", "oboe");
    expect(shape(t)).toEqual({ starts: [0, 250 * MS, 600 * MS], bps: [1 * MBPS, 2 * MBPS, 3 * MBPS], durationNs: 700 * MS, periodNs: 700 * MS, lines: 6 });
  });
});

describe("ucc reader", () => {
  const text = [
    UCC_HEADER,
    uccRow("2020.01.16_10.00.00", "1000", "10"),
    uccRow("2020.01.16_10.00.00", "3000", "30"),
    uccRow("2020.01.16_10.00.01", "500", "50"),
    uccRow("2020.01.16_10.00.03", "-", "70"),
    uccRow("2020.01.16_10.00.04", "4000", "90"),
  ].join("\n") + "\n";

  it("averages rows sharing a timestamp, holds each until the next and the last for 1 s, skipping `-`", () => {
    // 10:00:00 → mean(1000, 3000) = 2000 kbit/s over [0,1); 500 over [1,4) (the `-` row is skipped); 4000 over [4,5).
    expect(shape(read(text, "ucc"))).toEqual({ starts: [0, S, 4 * S], bps: [2 * MBPS, 0.5 * MBPS, 4 * MBPS], durationNs: 5 * S, periodNs: 5 * S, lines: 5 });
  });

  it("reads another column when asked", () => {
    // UL_bitrate: mean(10, 30) = 20 kbit/s on [0,1), 50 on [1,3), 70 on [3,4), 90 on [4,5).
    expect(Array.from(read(text, "ucc", { column: "UL_bitrate" }).bps)).toEqual([20e3, 50e3, 70e3, 90e3]);
  });

  it("steps over midnight and year ends by calendar (Date.UTC), not by digits", () => {
    const t = read([UCC_HEADER, uccRow("2019.12.31_23.59.59", "1000"), uccRow("2020.01.01_00.00.01", "2000")].join("\n"), "ucc");
    expect(shape(t)).toEqual({ starts: [0, 2 * S], bps: [MBPS, 2 * MBPS], durationNs: 3 * S, periodNs: 3 * S, lines: 2 });
  });
});

describe("csv reader", () => {
  it("holds each rate from its time until the next, the last line closing the period", () => {
    // [0,1.5) 10 Mbit/s, [1.5,2) 0, [2,3) 4; the 99 on the closing line is unused.
    const t = read("t_s,mbps\n0,10\n1.5,0\n2,4\n3,99\n", "csv");
    expect(shape(t)).toEqual({ starts: [0, 1.5 * S, 2 * S], bps: [10 * MBPS, 0, 4 * MBPS], durationNs: 3 * S, periodNs: 3 * S, lines: 4 });
  });

  it("needs no header", () => {
    expect(shape(read("0,1\n2,1\n", "csv"))).toEqual({ starts: [0], bps: [MBPS], durationNs: 2 * S, periodNs: 2 * S, lines: 2 });
  });
});

describe("auto", () => {
  const cases: Array<[string, string, TraceFormat]> = [
    ["a UCC header", [UCC_HEADER, uccRow("2020.01.16_10.00.00", "1")].join("\n"), "ucc"],
    ["two comma-separated columns", "t_s,mbps\n0,1\n1,2\n", "csv"],
    ["one integer column", "3\n3\n7\n", "mahimahi"],
    ["equal values in consecutive pairs and ms-sized steps", "13.0 3351.2\n447.0 3351.2\n517.0 3345.8\n889.0 3345.8\n", "oboe"],
    ["seconds-sized steps without pairs", "0.0\t0.89\n5.0\t0.88\n10.0\t0.85\n", "time-value"],
  ];
  for (const [what, text, format] of cases) {
    it(`reads ${what} as ${format} and says it detected it`, () => {
      expect(readTrace(text, "x", "auto")).toMatchObject({ format, detected: true, trace: { format } });
    });
  }

  it("does not claim detection when the format is given", () => {
    expect(readTrace("0 1\n1 2\n", "x", "time-value").detected).toBe(false);
  });
});

describe("traceStats", () => {
  const trace = (starts: number[], bps: number[], durationNs: number): ParsedTrace => ({
    format: "csv", startsNs: Float64Array.from(starts), bps: Float64Array.from(bps), durationNs, periodNs: durationNs, lines: starts.length + 1,
  });

  it("weights rates by time", () => {
    // 1 Mbit/s for 1 s, 3 for 3 s: mean (1 + 9) / 4 = 2.5; ≤ 1 is 25 % of the time, so p5 = 1, median = p95 = 3.
    expect(traceStats(trace([0, S], [1 * MBPS, 3 * MBPS], 4 * S))).toEqual({ durationS: 4, meanMbps: 2.5, medianMbps: 3, p5Mbps: 1, p95Mbps: 3 });
  });

  it("takes the lower rate when the cumulative time hits q exactly", () => {
    // 2 s at 1, 2 s at 3: exactly half the time is at ≤ 1, so the median is 1 (not the midpoint 2).
    expect(traceStats(trace([0, 2 * S], [1 * MBPS, 3 * MBPS], 4 * S)).medianMbps).toBe(1);
  });

  it("sorts rates, not segments", () => {
    // 5 at [0,1), 1 at [1,3), 3 at [3,4): ≤ 1 is 50 % → median 1; ≤ 3 is 75 % → p95 = 5.
    const s = traceStats(trace([0, S, 3 * S], [5 * MBPS, 1 * MBPS, 3 * MBPS], 4 * S));
    expect([s.medianMbps, s.p95Mbps, s.meanMbps]).toEqual([1, 5, 2.5]);
  });
});

describe("inspectTrace", () => {
  // 1200 lines at t = 0..1199 ms, then 600 lines at 1500..2099, T = 2099 ms.
  const lines = [...Array.from({ length: 1200 }, (_, i) => i), ...Array.from({ length: 600 }, (_, i) => 1500 + i)];
  const text = lines.join("\n") + "\n";

  it("bins mahimahi in 1000 ms unless binMs is given", () => {
    // 1-s bins: [0,1000) 1000 lines → 12 Mbit/s; [1000,2000) 200 + 500 lines → 8.4; [2000,2099]
    // 100 lines over 0.099 s → 12.121. Share ≤ 8.4 = 1/2.099 = 47.6 %, ≤ 12 = 95.3 %:
    // p5 = 8.4, median = p95 = 12.
    const s = inspectTrace(text, "m.up", "mahimahi");
    expect([s.durationS, s.loopPeriodS, s.lines]).toEqual([2.099, 2.099, 1800]);
    expect([s.p5Mbps, s.medianMbps, s.p95Mbps].map((x) => x.toFixed(3))).toEqual(["8.400", "12.000", "12.000"]);
    // 1-ms bins: [1200,1500) is empty (14 % of the time) → p5 = 0; one line per bin elsewhere → 12.
    const fine = inspectTrace(text, "m.up", "mahimahi", { binMs: 1 });
    expect([fine.p5Mbps, fine.medianMbps, fine.p95Mbps]).toEqual([0, 12, 12]);
  });

  it("reports the detected format and a mean of lines × 12 000 bit / T", () => {
    const s = inspectTrace(text, "m.up", "auto");
    expect(s.format).toBe("mahimahi");
    expect(s.meanMbps).toBeCloseTo((1800 * 12_000) / 2.099 / 1e6, 9);
  });
});

it("TRACE_FORMATS lists the five readers", () => {
  expect([...TRACE_FORMATS].sort()).toEqual(["csv", "mahimahi", "oboe", "time-value", "ucc"]);
});
