// `--format csv` is data a script can load: one row per scheduler, every summary field under its
// dotted path at the report's own precision. Read back with a real CSV parser, each cell equals
// the same field of `--format json` exactly.
import { spawnSync } from "node:child_process";
import { parse } from "csv-parse/sync";
import { describe, expect, it } from "vitest";
import { flattenReport } from "../../src/metrics/flat-report.js";
import type { RunReport } from "../../src/metrics/report.js";

const cli = (...args: string[]) => spawnSync(process.execPath, ["--import", "tsx", "src/cli/main.ts", ...args], { encoding: "utf8" });
const ARGS = ["run", "scenarios/quickstart.yaml", "--set", "workload.requests=300", "--set", "metrics.deadlinesMs=[20, 50]"];

describe("--format csv", () => {
  it("parses back to the JSON reports, field for field, at full precision", () => {
    const csv = cli(...ARGS, "--format", "csv");
    const json = cli(...ARGS, "--format", "json");
    expect(csv.status).toBe(0);
    const rows = parse(csv.stdout, { columns: true }) as Record<string, string>[];
    const reports = JSON.parse(json.stdout) as RunReport[];
    expect(rows.map((r) => r["scheduler"])).toEqual(["device-only", "cloud-only", "fixed-split", "neurosurgeon"]);
    reports.forEach((report, i) => {
      for (const [path, value] of flattenReport(report)) {
        const cell = rows[i]![path];
        expect(cell, path).toBeDefined();
        if (typeof value === "number") expect(Number(cell), path).toBe(value);
        else expect(cell, path).toBe(value === null ? "" : String(value));
      }
    });
    // Spot checks of the header's names.
    const header = Object.keys(rows[0]!);
    for (const k of ["latencyMs.p95", "stable", "resources.camera.offeredUtilisation", "deadlineReliability.20ms", "options.bits"]) expect(header).toContain(k);
    expect(rows[0]!["stable"]).toBe("true");
  });
});

describe("flattenReport", () => {
  it("dotted paths, array items by index, deadlines by their ms, no time series", () => {
    const r = {
      scenario: "s", latencyMs: { mean: 1.5 }, resources: { up: { serverBusyMs: [1, 2] } }, stable: null,
      deadlineReliability: [{ deadlineMs: 100, reliability: 0.9 }], timeSeries: { binMs: 1, bins: [] }, policy: { cuts: {} },
    } as unknown as RunReport;
    expect(flattenReport(r)).toEqual([
      ["scenario", "s"], ["latencyMs.mean", 1.5], ["resources.up.serverBusyMs.0", 1], ["resources.up.serverBusyMs.1", 2],
      ["stable", null], ["deadlineReliability.100ms", 0.9], ["policy.cuts", "{}"],
    ]);
  });
});

describe("the table's missed column", () => {
  it("appears when requests missed their own deadline: at 40 frames/s a 20 ms deadline is missed by device-only", () => {
    const r = cli("run", "scenarios/quickstart.yaml", "--set", "workload.requests=300", "--set", "workload.deadlineMs=20", "--set", "schedulers=[device-only, neurosurgeon]");
    expect(r.status).toBe(0);
    const lines = r.stdout.trim().split("\n");
    const cells = (l: string) => l.trim().split(/\s{2,}/);
    expect(cells(lines[1]!).slice(0, 4)).toEqual(["scheduler", "completed", "dropped", "missed"]);
    // device-only's mean is about 40 ms: most of its frames miss 20 ms; neurosurgeon's (~10 ms) few.
    const missed = lines.slice(3).map((l) => Number(cells(l)[3]));
    expect(missed[0]).toBeGreaterThan(100);
    expect(missed[1]).toBeLessThan(missed[0]! / 5);
  });
});
