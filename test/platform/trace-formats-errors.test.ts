// Malformed trace files give a TraceFormatError naming the file and the offending line (null for
// whole-file problems); ambiguous `auto` input is refused with the --format choices.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { SplitsimError } from "../../src/errors.js";
import { readTrace, TraceFormatError, type TraceFormat, type TraceReadOptions } from "../../src/platform/bandwidth/formats/index.js";

const HEADER =
  "Timestamp,Longitude,Latitude,Speed,Operatorname,CellID,NetworkMode,RSRP,RSRQ,SNR,CQI,RSSI,DL_bitrate,UL_bitrate,State,PINGAVG,PINGMIN,PINGMAX,PINGSTDEV,PINGLOSS,CELLHEX,NODEHEX,LACHEX,RAWCELLID,NRxRSRP,NRxRSRQ";
const row = (ts: string, dl: string): string => [ts, ...Array(11).fill("0"), dl, ...Array(13).fill("-")].join(",");
const ucc = (...rows: string[]): string => [HEADER, ...rows].join("\n") + "\n";

/** The error readTrace throws, or a failure when it throws nothing or something else. */
function errorOf(text: string, format: TraceFormat | "auto", opts: TraceReadOptions = {}): TraceFormatError {
  try {
    readTrace(text, "bad.txt", format, opts);
  } catch (e) {
    if (e instanceof TraceFormatError) return e;
    throw e;
  }
  throw new Error("expected a TraceFormatError");
}

// [rule, text, format, line, words the message must contain]
const cases: Array<[string, string, TraceFormat | "auto", number | null, string]> = [
  ["an empty file", "", "time-value", null, "empty file"],
  ["a file of blank lines", "\n  \n\n", "oboe", null, "empty file"],
  ["an empty mahimahi file", "", "mahimahi", null, "empty file"],
  ["a UCC file with only its header", ucc(), "ucc", null, "empty file"],
  ["a non-numeric time", "0 1\n1 2\nx 3\n", "time-value", 3, 'non-numeric time "x"'],
  ["a non-numeric value", "0 1\n1 abc\n", "time-value", 2, 'non-numeric value "abc"'],
  ["a fractional mahimahi timestamp", "1\n2.5\n", "mahimahi", 2, 'non-numeric timestamp "2.5"'],
  ["a non-numeric csv rate", "t_s,mbps\n0,1\n1,fast\n", "csv", 3, 'non-numeric rate "fast"'],
  ["a malformed UCC timestamp", ucc(row("2020.01.16_10.00.00", "1"), row("2020-01-16 10:00:01", "1")), "ucc", 3, "non-numeric Timestamp"],
  ["a non-numeric UCC value", ucc(row("2020.01.16_10.00.00", "1"), row("2020.01.16_10.00.01", "n/a")), "ucc", 3, 'non-numeric DL_bitrate "n/a"'],
  ["a decreasing mahimahi timestamp", "5\n130\n120\n", "mahimahi", 3, "decreasing timestamp 120 after 130"],
  ["a decreasing time-value timestamp", "0 1\n2 1\n1.5 1\n", "time-value", 3, "decreasing timestamp 1.5 after 2"],
  ["a decreasing oboe timestamp", "10 1\n20 1\n15 1\n", "oboe", 3, "decreasing timestamp 15 after 20"],
  ["a decreasing csv timestamp", "0,1\n2,1\n1,1\n", "csv", 3, "decreasing timestamp 1 after 2"],
  ["a repeated csv timestamp", "0,1\n2,1\n2,3\n", "csv", 3, "repeated timestamp 2"],
  ["a decreasing UCC timestamp", ucc(row("2020.01.16_10.00.05", "1"), row("2020.01.16_10.00.04", "1")), "ucc", 3, "decreasing timestamp 2020.01.16_10.00.04 after 2020.01.16_10.00.05"],
  ["a decreasing UCC timestamp on a `-` row", ucc(row("2020.01.16_10.00.05", "1"), row("2020.01.16_10.00.04", "-")), "ucc", 3, "decreasing timestamp"],
  ["a negative time-value rate", "0 1\n1 -0.5\n", "time-value", 2, "negative rate -0.5"],
  ["a negative oboe rate", "0 1\n10 -5\n", "oboe", 2, "negative rate -5"],
  ["a negative csv rate", "0,1\n1,-1\n", "csv", 2, "negative rate -1"],
  ["a negative UCC rate", ucc(row("2020.01.16_10.00.00", "-3")), "ucc", 2, "negative rate -3"],
  ["an all-zero time-value trace (the unused first value aside)", "0 5\n1 0\n2 0\n", "time-value", null, "every rate is 0"],
  ["an all-zero UCC trace", ucc(row("2020.01.16_10.00.00", "0"), row("2020.01.16_10.00.01", "0")), "ucc", null, "every rate is 0"],
  ["an all-zero csv trace", "0,0\n1,5\n", "csv", null, "every rate is 0"],
  ["three whitespace columns", "0 1\n1 2 3\n", "time-value", 2, "wrong column count: expected 2, got 3"],
  ["one whitespace column in oboe", "0 1\n10\n", "oboe", 2, "wrong column count: expected 2, got 1"],
  ["two mahimahi columns", "1\n2 3\n", "mahimahi", 2, "wrong column count: expected 1, got 2"],
  ["a short UCC row", ucc(row("2020.01.16_10.00.00", "1"), "2020.01.16_10.00.01,1,2"), "ucc", 3, "wrong column count: expected 26, got 3"],
  ["three csv columns", "0,1\n1,2,3\n", "csv", 2, "wrong column count: expected 2, got 3"],
  ["a mahimahi file whose last timestamp is 0", "0\n0\n", "mahimahi", 2, "last timestamp must be > 0"],
  ["a blank line inside a mahimahi file", "1\n\n2\n", "mahimahi", 2, "empty line"],
  ["a time-value file of one line", "0 5\n", "time-value", null, "spans no time"],
  ["a csv trace not starting at 0", "t_s,mbps\n1,5\n2,5\n", "csv", 2, "first time must be 0"],
  ["a csv trace of one line", "0,5\n", "csv", 1, "at least two lines"],
  ["a UCC file without the column asked for", ucc(row("2020.01.16_10.00.00", "1")), "ucc", 1, 'unknown column "DL_rate" (columns: Timestamp, Longitude'],
];

describe("trace file errors", () => {
  for (const [rule, text, format, line, words] of cases) {
    it(`${format}: ${rule} is refused at line ${line ?? "(none)"}`, () => {
      const e = errorOf(text, format, rule.includes("column asked") ? { column: "DL_rate" } : {});
      expect(e).toBeInstanceOf(SplitsimError);
      expect(e.line).toBe(line);
      expect(e.file).toBe("bad.txt");
      expect(e.message).toContain(words);
      expect(e.message.startsWith(line === null ? "bad.txt: " : `bad.txt:${line}: `)).toBe(true);
    });
  }

  it("a UCC `-` in the value column skips the row instead of failing", () => {
    const t = readTrace(ucc(row("2020.01.16_10.00.00", "1000"), row("2020.01.16_10.00.01", "-"), row("2020.01.16_10.00.02", "3000")), "u.csv", "ucc").trace;
    expect([Array.from(t.startsNs), Array.from(t.bps), t.lines]).toEqual([[0, 2e9], [1e6, 3e6], 3]);
  });

  it("a UCC file whose values are all `-` is refused", () => {
    expect(errorOf(ucc(row("2020.01.16_10.00.00", "-")), "ucc").message).toContain('all are "-"');
  });

  it("a non-positive bin width is refused", () => {
    expect(errorOf("1\n", "mahimahi", { binMs: 0 }).message).toContain("binMs");
  });
});

describe("auto refuses what it cannot tell apart", () => {
  const ambiguous: Array<[string, string]> = [
    ["one column of decimals", "1.5\n2.5\n"],
    ["equal pairs with seconds-sized steps (oboe values, time-value times)", "0 1\n1 1\n2 3\n3 3\n"],
    ["no pairs with ms-sized steps (time-value values, oboe times)", "0 1\n100 2\n200 3\n"],
    ["three whitespace columns", "0 1 2\n1 2 3\n"],
    ["three comma-separated columns without a UCC header", "a,b,c\n1,2,3\n"],
    ["times that never advance", "5 1\n5 2\n"],
  ];
  for (const [what, text] of ambiguous) {
    it(`${what} is refused with the --format choices`, () => {
      const e = errorOf(text, "auto");
      expect(e.line).toBeNull();
      expect(e.message).toContain("--format mahimahi|time-value|oboe|ucc|csv");
    });
  }

  it("an empty file is reported as empty, not ambiguous", () => {
    expect(errorOf("\n", "auto").message).toContain("empty file");
  });
});

describe("readers never hang or crash on arbitrary text", () => {
  const formats: Array<TraceFormat | "auto"> = ["auto", "mahimahi", "time-value", "oboe", "ucc", "csv"];
  const numberish = fc.oneof(fc.integer({ min: -5, max: 2000 }).map(String), fc.double({ min: -1, max: 1e4, noNaN: true }).map(String), fc.constantFrom("-", "x", "", "1e309"));
  const lineArb = fc.oneof(
    numberish,
    fc.tuple(numberish, numberish).map(([a, b]) => `${a} ${b}`),
    fc.tuple(numberish, numberish).map(([a, b]) => `${a},${b}`),
    fc.string({ maxLength: 12 }),
  );
  const textArb = fc.array(lineArb, { maxLength: 30 }).map((l) => l.join("\n"));

  it("returns a well-formed trace or throws a TraceFormatError", () => {
    fc.assert(
      fc.property(textArb, fc.constantFrom(...formats), (text, format) => {
        let r;
        try {
          r = readTrace(text, "f", format);
        } catch (e) {
          if (e instanceof TraceFormatError) return;
          throw e;
        }
        const t = r.trace;
        expect(t.startsNs[0]).toBe(0);
        for (let i = 1; i < t.startsNs.length; i++) expect(t.startsNs[i]!).toBeGreaterThan(t.startsNs[i - 1]!);
        expect(t.durationNs).toBeGreaterThan(t.startsNs[t.startsNs.length - 1]!);
        for (const b of t.bps) expect(Number.isFinite(b) && b >= 0).toBe(true);
        expect(t.bps.some((b) => b > 0)).toBe(true);
        for (const x of t.startsNs) expect(Number.isInteger(x)).toBe(true);
      }),
      { numRuns: 2000 },
    );
  });

  it("a tiny negative first time (-5e-324 s) starts the trace at +0, not -0", () => {
    // Found by the property above: Math.round(-5e-324 * 1e9) is -0, and -0 is not a valid start.
    expect(Object.is(readTrace("-5e-324,1\n1,0", "f", "auto").trace.startsNs[0], 0)).toBe(true);
  });

  it("a huge mahimahi timestamp is read without allocating its bins", () => {
    // 1e9 ms at 1-ms bins would be a billion bins if allocated densely: this must be instant.
    const t = readTrace("1\n1000000000\n", "big", "mahimahi").trace;
    expect(Array.from(t.bps)).toEqual([0, 12e6, 0, 12e6]);
  });
});
