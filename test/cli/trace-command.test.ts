// `splitsim trace inspect | convert | generate` as a user runs them.
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";

function cli(...args: string[]) {
  const r = spawnSync(process.execPath, ["--import", "tsx", "src/cli/main.ts", ...args], { encoding: "utf8" });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

const EXTRA = new URL("../../../shared/traces-extra/", import.meta.url).pathname;
const extraMissing = !process.env["CI"] && !existsSync(EXTRA);

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    return statSync(p).isDirectory() ? filesUnder(p) : f.endsWith(".md") ? [] : [p];
  });
}

describe("splitsim trace", () => {
  it("inspect --json prints one object per file with the documented fields", () => {
    const r = cli("trace", "inspect", "traces/steps-16s.csv", "--json");
    expect(r.code).toBe(0);
    // Steps 6, 3.5, 8, 1.5, 5, 9, 4, 6.5 Mbit/s for 2 s each: mean 43.5/8 = 5.4375; sorted
    // 1.5 3.5 4 5 6 6.5 8 9 -> median (smallest v with half the time at <= v) = 5, p5 = 1.5, p95 = 9.
    expect(JSON.parse(r.stdout)).toEqual([
      { file: "traces/steps-16s.csv", format: "csv", durationS: 16, loopPeriodS: 16, meanMbps: 5.4375, medianMbps: 5, p5Mbps: 1.5, p95Mbps: 9 },
    ]);
  });

  it.skipIf(extraMissing)("inspect reads every traces-extra file with --format auto and prints its statistics", () => {
    const files = filesUnder(EXTRA);
    expect(files).toHaveLength(19);
    const r = cli("trace", "inspect", ...files, "--json");
    expect(r.code).toBe(0);
    const rows = JSON.parse(r.stdout) as Array<{ meanMbps: number; durationS: number }>;
    expect(rows).toHaveLength(19);
    for (const row of rows) expect(Number.isFinite(row.meanMbps) && row.durationS > 0).toBe(true);
  });

  it("a malformed trace is a clear error naming the file and line, exit 2", () => {
    const dir = mkdtempSync(join(tmpdir(), "splitsim-trace-"));
    const file = join(dir, "bad.log");
    writeFileSync(file, "0 1.0\n1 2.0\n0.5 3.0\n");
    const r = cli("trace", "inspect", file, "--format", "time-value");
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`${file}:3`);
    expect(r.stderr).toMatch(/decreasing/);
  });

  it("generate writes a synthetic trace that inspect reads back exactly", () => {
    const dir = mkdtempSync(join(tmpdir(), "splitsim-gen-"));
    const out = join(dir, "steps.log");
    expect(cli("trace", "generate", "steps", "--step-s", "1", "--mbps", "2,4", "--format", "time-value", "--out", out).code).toBe(0);
    const r = JSON.parse(cli("trace", "inspect", out, "--json").stdout) as Array<{ format: string; meanMbps: number; durationS: number }>;
    expect([r[0]!.format, r[0]!.meanMbps, r[0]!.durationS]).toEqual(["time-value", 3, 2]);
    const again = cli("trace", "generate", "steps", "--step-s", "1", "--mbps", "2,4", "--out", out);
    expect(again.code).toBe(2);
    expect(again.stderr).toMatch(/exists.*--force/);
  });

  it("convert moves a trace to mahimahi and keeps its mean", () => {
    const dir = mkdtempSync(join(tmpdir(), "splitsim-conv-"));
    const out = join(dir, "steps.up");
    expect(cli("trace", "convert", "traces/steps-16s.csv", "--to", "mahimahi", "--out", out).code).toBe(0);
    const lines = readFileSync(out, "utf8").trim().split("\n");
    // 5.4375 Mbit/s for 16 s = 87 Mbit = 7250 packets of 12,000 bit.
    expect(lines).toHaveLength(7250);
    const r = JSON.parse(cli("trace", "inspect", out, "--json").stdout) as Array<{ format: string; meanMbps: number }>;
    expect(r[0]!.format).toBe("mahimahi");
    expect(r[0]!.meanMbps).toBeCloseTo(5.4375, 3);
  });
});
