// Trace files and synthetic traces on scenario links: options, per-seed offsets, sweeps.
import { describe, expect, it } from "vitest";
import { loadScenario, ScenarioError } from "../../src/scenario/load.js";
import { runScenario } from "../../src/scenario/run.js";
import { generateWorkload } from "../../src/scenario/generate-workload.js";
import { scenarioFrom } from "./helpers.js";

const SHARED = new URL("../../../shared/traces/", import.meta.url).pathname;
const sharedMissing = !process.env["CI"] && !(await import("node:fs")).existsSync(SHARED);

const small = (extra: string[] = []) =>
  loadScenario("scenarios/examples/overload.yaml", { sets: ["workload.requests=200", "workload.warmupRequests=0", ...extra] });

describe("traces on links", () => {
  it("a random offset is drawn per seed and equals running with that offset fixed, for every scheduler", () => {
    const s = small();
    const drawn = generateWorkload(s).traceOffsetsNs[0]!;
    expect(drawn).toBeGreaterThan(0);
    expect(drawn).toBeLessThan(120e9);
    expect(generateWorkload(small(["seed=2"])).traceOffsetsNs[0]).not.toBe(drawn);
    const fixed = small([`links.up.offsetS=${drawn / 1e9}`]);
    for (const name of ["cloud-only", "neurosurgeon"]) {
      const a = runScenario(s, name).requests.map((r) => r.completion);
      const b = runScenario(fixed, name).requests.map((r) => r.completion);
      expect(a).toEqual(b);
    }
  });

  it.skipIf(sharedMissing)("a sweep by --set over three traces runs and gives different results", () => {
    const files = ["mahimahi/Verizon-LTE-short.up", "mahimahi/TMobile-LTE-short.up", "pensieve-norway-hsdpa/norway_bus_1"];
    const means = files.map((f) => runScenario(small([`links.up.trace=${SHARED}${f}`]), "cloud-only").report.latencyMs.mean);
    expect(new Set(means).size).toBe(3);
  });

  it("scales a trace and floors it with minMbps", () => {
    const s = scenarioFrom({
      name: "t", model: "vgg16",
      nodes: { a: { device: "raspberry-pi-4" }, c: { device: "a100" } },
      links: { up: { from: "a", to: "c", trace: { kind: "steps", stepS: 1, mbps: [10, 0] }, scale: 0.5, minMbps: 1 } },
      workload: { arrivals: { kind: "batch" }, requests: 1 },
    });
    const bw = s.links[0]!.bandwidth;
    expect(bw.kind === "trace" && Array.from(bw.data.bps)).toEqual([5e6, 1e6]);
  });

  it("reports a missing trace file, a malformed one with its line, and an offset past a non-looping end", () => {
    let problems: readonly { path: string; message: string }[] = [];
    try {
      scenarioFrom({
        name: "t", model: "vgg16",
        nodes: { a: { device: "raspberry-pi-4" }, c: { device: "a100" } },
        links: {
          up: { from: "a", to: "c", trace: "no/such.log" },
          up2: { from: "a", to: "c", trace: "test/scenario/fixtures/bad-trace.csv", format: "csv" },
          up3: { from: "a", to: "c", trace: { kind: "constant", mbps: 5, durationS: 10 }, loop: false, offsetS: 20 },
          up4: { from: "a", to: "c", bandwidthMbps: 5, offsetS: 3 },
        },
        workload: { arrivals: { kind: "batch" }, requests: 1 },
      });
    } catch (e) {
      if (e instanceof ScenarioError) problems = e.problems;
    }
    expect(problems.map((p) => p.path)).toEqual(["links.up.trace", "links.up2.trace", "links.up3.offsetS", "links.up4.offsetS"]);
    expect(problems[0]!.message).toMatch(/file not found: no\/such\.log/);
    expect(problems[1]!.message).toMatch(/bad-trace\.csv:3/);
  });
});

describe("the report's trace offsets", () => {
  it("name each traced link's offset, and re-running with it fixed gives the same numbers", () => {
    const s = small();
    const r = runScenario(s, "cloud-only").report;
    const drawn = generateWorkload(s).traceOffsetsNs[0]! / 1e9;
    expect(r.traceOffsetS).toEqual({ up: Number(drawn.toFixed(9)) });
    const fixed = runScenario(small([`links.up.offsetS=${r.traceOffsetS!["up"]}`]), "cloud-only").report;
    expect(fixed.latencyMs).toEqual(r.latencyMs);
  });

  it("are absent when no link reads a trace", () => {
    const r = runScenario(loadScenario("scenarios/quickstart.yaml", { sets: ["workload.requests=20", "workload.warmupRequests=0"] }), "cloud-only").report;
    expect(r.traceOffsetS).toBeUndefined();
  });
});
