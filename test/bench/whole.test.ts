// Bench section 6 (whole processes): its figures from made-up runs (targets, the SimPy rows when
// SimPy is missing, means that differ), then the quick plan's own runs as real child processes,
// the `-plain` twins left out (the same commands in another environment).
import { describe, expect, it } from "vitest";
import { figures, key, type Results } from "../../bench/lib/figures.js";
import { plan, runList } from "../../bench/lib/plan.js";
import type { CaseResult } from "../../bench/lib/result.js";
import { renderTable } from "../../bench/lib/table.js";
import { cliBuild, runWhole, SIMPY_SKIPPED, simpyPython } from "../../bench/lib/whole.js";

const run = (c: string, size: number, seconds: number, more: Partial<CaseResult> = {}): CaseResult => ({ case: c, size, events: 0, seconds, rssMB: NaN, ...more });

function made(simpy: "skipped" | number): Results {
  const r: Results = new Map();
  const put = (x: CaseResult): void => void r.set(key(x.case, x.size), [...(r.get(key(x.case, x.size)) ?? []), x]);
  for (const s of [0.06, 0.07, 0.08]) put(run("whole-node", 1, s));
  for (const s of [0.07, 0.075, 0.09]) put(run("whole-version", 1, s, { label: "bundle" }));
  for (const s of [0.3, 0.31, 0.32]) put(run("whole-run", 1, s, { label: "bundle" }));
  put(run("whole-node-plain", 1, 0.05));
  put(run("whole-version-plain", 1, 0.06, { label: "bundle" }));
  put(run("whole-splitsim", 1e6, 2, { requests: 1e6, label: "bundle", extra: { meanLatencyMs: 57.3 } }));
  if (simpy === "skipped") put(run("whole-simpy", 1e6, NaN, { skipped: SIMPY_SKIPPED }));
  else put(run("whole-simpy", 1e6, 50, { requests: 1e6, label: "SimPy 3.0.11 (python3)", extra: { meanLatencyMs: simpy, simSeconds: 49 } }));
  return r;
}

describe("section 6 figures", () => {
  it("judges start-up against 80 ms and 250 ms, the plain rows not at all, and shows what is ours", () => {
    const rows = figures(made(57.2)).filter((f) => f.group === 6);
    const row = (name: string) => rows.find((f) => f.figure.trim() === name);
    expect(row("splitsim --version")).toMatchObject({ target: "< 80 ms", met: true });
    expect(row("splitsim --version")?.value.median).toBeCloseTo(75, 9);
    expect(row("splitsim run startup-run10.yaml (bundle)")).toMatchObject({ target: "< 250 ms", met: false });
    expect(row("--version − node -e 0")?.value.median).toBeCloseTo(5, 9);
    expect(row("splitsim --version [no CA env]")?.target).toBeUndefined();
  });

  it("compares speed only when the means agree within 2 %, against 20× at 1e6 requests", () => {
    const ok = figures(made(57.2)).filter((f) => f.group === 6);
    expect(ok.find((f) => f.figure.startsWith("SimPy ÷ splitsim"))).toMatchObject({ target: "≥ 20×", met: true, value: { median: 25 } });
    const far = figures(made(60)).filter((f) => f.group === 6);
    expect(far.find((f) => f.figure.includes("mean latency") && f.unit === "pct")).toMatchObject({ met: false });
    expect(far.find((f) => f.figure.startsWith("SimPy ÷ splitsim"))?.note).toBe("not compared: means differ by 4.50 %");
    expect(renderTable(far)).toContain("not compared: means differ by 4.50 %");
  });

  it("says why the SimPy rows are missing when SimPy is not installed", () => {
    const rows = figures(made("skipped")).filter((f) => f.group === 6 && f.figure.includes("SimPy"));
    expect(rows.length).toBe(2);
    for (const f of rows) expect(f.note).toBe(SIMPY_SKIPPED);
    expect(renderTable(rows)).toContain(SIMPY_SKIPPED);
  });
});

describe("section 6 children, quick plan", () => {
  const jobs = runList(plan("quick")).filter((j) => j.group === 6 && !j.case.endsWith("-plain"));
  const results: Results = new Map();

  for (const j of jobs) {
    it(`${j.case} at ${j.size} runs as a whole process`, () => {
      const r = runWhole(j.case, j.size);
      results.set(key(j.case, j.size), [r]);
      if (r.skipped !== undefined) {
        expect(simpyPython()).toBeNull();
        expect(r.skipped).toBe(SIMPY_SKIPPED);
        return;
      }
      expect(r.seconds).toBeGreaterThan(0);
      if (j.size > 1) expect(r.requests).toBe(j.size);
    }, 60_000);
  }

  it("watches which CLI build the bin ran; both means at 1e4 requests are near the pipeline's ~57.4 ms", () => {
    expect(["bundle", "dist", "tsx"]).toContain(cliBuild());
    for (const c of ["whole-splitsim", "whole-simpy"]) {
      const r = results.get(key(c, 1e4))?.[0];
      if (r?.skipped !== undefined) continue;
      // At 1e4 requests a mean is within ~5 % (the busy periods are long at rho = 0.5).
      expect(Math.abs((r?.extra?.["meanLatencyMs"] ?? NaN) / 57.4 - 1)).toBeLessThan(0.08);
    }
    expect(figures(results).some((f) => f.group === 6)).toBe(true);
  });

  it("an unknown whole-process case is an error", () => {
    expect(() => runWhole("whole-nothing", 1)).toThrow(/unknown bench case/);
  });
});
