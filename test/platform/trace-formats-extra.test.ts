// The 19 files of shared/traces-extra (no statistics given) read with `auto` in the expected
// format and give finite statistics, plus the few facts SOURCES.md states about them. Without the
// shared folder: skipped locally, a failure under CI.
import { readdirSync, readFileSync, statSync } from "node:fs";
import { describe, expect, it } from "vitest";
import type { TraceFormat } from "../../src/platform/bandwidth/formats/index.js";
import { inspectTrace } from "../../src/platform/bandwidth/trace-stats.js";
import { FOLDER_FORMAT, sharedFolder } from "./shared-traces.js";

const { root, present, inCi } = sharedFolder("traces-extra", "SOURCES.md");

function filesUnder(dir: string): string[] {
  return readdirSync(`${root}${dir}`).flatMap((n) => (statSync(`${root}${dir}/${n}`).isDirectory() ? filesUnder(`${dir}/${n}`) : [`${dir}/${n}`]));
}

const files = present ? Object.keys(FOLDER_FORMAT).flatMap(filesUnder) : [];
const read = (f: string) => inspectTrace(readFileSync(`${root}${f}`, "utf8"), f, "auto");
const label = present ? "shared/traces-extra" : `shared/traces-extra (skipped: ${root} not found)`;

describe.skipIf(!present && !inCi)(label, () => {
  it("the extra traces folder is present with its 19 files", () => {
    expect(present, `${root}SOURCES.md is missing`).toBe(true);
    expect(files).toHaveLength(19);
  });

  for (const f of files) {
    it(`${f} reads with auto as ${FOLDER_FORMAT[f.split("/")[0]!]} and gives finite statistics`, () => {
      const s = read(f);
      expect(s.format).toBe(FOLDER_FORMAT[f.split("/")[0]!]);
      for (const v of [s.durationS, s.loopPeriodS, s.meanMbps, s.medianMbps, s.p5Mbps, s.p95Mbps]) expect(Number.isFinite(v)).toBe(true);
      expect(s.durationS).toBeGreaterThan(0);
      expect(s.p5Mbps).toBeLessThanOrEqual(s.medianMbps);
      expect(s.medianMbps).toBeLessThanOrEqual(s.p95Mbps);
    });
  }

  it("a repeated Lumos5G timestamp gives the second value an empty interval (mean 69.237, SOURCES.md)", () => {
    expect(read("lumos5g/4g_trace_driving_50229_dr").meanMbps.toFixed(3)).toBe("69.237");
  });

  it("an exact tie at the median takes the lower rate (520, not 521 Mbit/s, SOURCES.md)", () => {
    expect(read("lumos5g/5g_trace_26_walking").medianMbps.toFixed(3)).toBe("520.000");
  });

  it("a Lumos5G 4G file starting at t = 50 spans t(last) − 50 s", () => {
    // Its lines run from `50 …` to `799 …`: 749 lines (54 → 56 skips a second), 749 s.
    const s = read("lumos5g/4g_trace_walking_50138_a");
    expect([s.lines, s.durationS]).toEqual([749, 749]);
  });

  it("a 14-line FCC file spans 65 s (SOURCES.md)", () => {
    const s = read("pensieve-fcc/trace_10367_http---www.facebook.com");
    expect([s.lines, s.durationS]).toEqual([14, 65]);
  });

  it("mahimahi durations are the last timestamp T, not T + 1 ms", () => {
    // Last lines of the files: 928424, 931233, 1062016, 1064718 ms.
    expect(read("mahimahi/TMobile-UMTS-driving.down").durationS.toFixed(3)).toBe("928.424");
    expect(read("mahimahi/TMobile-UMTS-driving.up").durationS.toFixed(3)).toBe("931.233");
    expect(read("mahimahi/Verizon-EVDO-driving.down").durationS.toFixed(3)).toBe("1062.016");
    expect(read("mahimahi/Verizon-EVDO-driving.up").durationS.toFixed(3)).toBe("1064.718");
  });
});
