// The grid of a sweep: seeds and --vary as written, the cartesian product in grid order, a run's
// index from its coordinates, trace globs, and which paths can be swept.
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { gridIndex, gridPoints, parseSeeds, parseVaryFlag, type GridSpec } from "../../src/research/sweep-grid.js";
import { globFiles } from "../../src/research/trace-glob.js";
import { varyPathProblem } from "../../src/research/vary-path.js";
import { freshDir } from "./sweep-fixture.js";

describe("parseSeeds", () => {
  it("reads a..b inclusive, a list, or one seed", () => {
    expect(parseSeeds("1..5", "--seeds")).toEqual([1, 2, 3, 4, 5]);
    expect(parseSeeds(" 3 .. 3 ", "--seeds")).toEqual([3]);
    expect(parseSeeds("7,2, 9", "--seeds")).toEqual([7, 2, 9]);
    expect(parseSeeds("0", "--seeds")).toEqual([0]);
    expect(parseSeeds([4, 5], "sweep.seeds")).toEqual([4, 5]);
  });

  it("refuses an empty range, a repeated seed and anything else", () => {
    expect(() => parseSeeds("5..1", "--seeds")).toThrow("--seeds '5..1': the range is empty (5 > 1)");
    expect(() => parseSeeds("1,2,1", "--seeds")).toThrow("--seeds: seed 1 is listed twice");
    expect(() => parseSeeds("1-5", "--seeds")).toThrow("--seeds '1-5': give a range a..b (e.g. 1..20), a list 1,2,5, or one seed");
    expect(() => parseSeeds([1.5], "f.yaml: sweep.seeds")).toThrow("f.yaml: sweep.seeds: seed 1.5 is not a whole number >= 0");
  });
});

describe("parseVaryFlag", () => {
  it("reads path=[values] as YAML, like --set: each element is one point", () => {
    expect(parseVaryFlag("workload.arrivals.ratePerSec=[10, 20.5, 40]")).toEqual({ path: "workload.arrivals.ratePerSec", values: [10, 20.5, 40] });
    expect(parseVaryFlag("options.fixed-split.cut=[classifier.1, 'features.0']")).toEqual({ path: "options.fixed-split.cut", values: ["classifier.1", "features.0"] });
    expect(parseVaryFlag("workload.arrivals=[{kind: poisson, ratePerSec: 5}]").values).toEqual([{ kind: "poisson", ratePerSec: 5 }]);
  });

  it("refuses a single value, an empty list, a repeated value and a missing path", () => {
    expect(() => parseVaryFlag("a.b=3")).toThrow("--vary 'a.b=3': give a list of values in brackets, [v1, v2, ...] (--set takes a single value)");
    expect(() => parseVaryFlag("a.b=[]")).toThrow("--vary a.b: give at least one value");
    expect(() => parseVaryFlag("a.b=[1, 2, 1]")).toThrow("--vary a.b: the value 1 is listed twice (each value is one point)");
    expect(() => parseVaryFlag("=[1]")).toThrow("give path=[v1, v2, ...]");
    expect(() => parseVaryFlag("a..b=[1]")).toThrow("give path=[v1, v2, ...]");
  });
});

const SPEC: GridSpec = {
  vary: [{ path: "links.up.latencyMs", values: [2, 5] }],
  traces: [{ link: "up", files: ["t/a.up", "t/b.up", "t/c.up"] }],
  seeds: [1, 2],
};

describe("gridPoints and gridIndex", () => {
  it("points are the product of the dimensions, the first varying slowest, each with the --set values that make it", () => {
    const points = gridPoints(SPEC);
    expect(points.map((p) => p.point)).toEqual([
      { "links.up.latencyMs": 2, "trace.up": "t/a.up" }, { "links.up.latencyMs": 2, "trace.up": "t/b.up" }, { "links.up.latencyMs": 2, "trace.up": "t/c.up" },
      { "links.up.latencyMs": 5, "trace.up": "t/a.up" }, { "links.up.latencyMs": 5, "trace.up": "t/b.up" }, { "links.up.latencyMs": 5, "trace.up": "t/c.up" },
    ]);
    // A swept trace replaces the link's constant bandwidth or profile.
    expect(points[4]!.sets).toEqual(["links.up.latencyMs=5", "links.up.bandwidthMbps=null", "links.up.bandwidthProfile=null", 'links.up.trace="t/b.up"']);
    expect(gridPoints({ vary: [], traces: [] })).toEqual([{ point: {}, sets: [] }]);
  });

  it("a trace swept on media.<name> goes to that shared medium, not to a link", () => {
    const points = gridPoints({ vary: [], traces: [{ link: "media.air", files: ["t/a.up"] }] });
    expect(points).toEqual([{
      point: { "trace.media.air": "t/a.up" },
      sets: ["media.air.bandwidthMbps=null", "media.air.bandwidthProfile=null", 'media.air.trace="t/a.up"'],
    }]);
  });

  it("a run's index is its place in the order point, seed, scheduler", () => {
    const schedulers = ["x", "y"];
    const order: number[] = [];
    for (const p of gridPoints(SPEC)) for (const seed of SPEC.seeds) for (const s of schedulers) order.push(gridIndex(SPEC, schedulers, p.point, seed, s)!);
    expect(order).toEqual(Array.from({ length: 6 * 2 * 2 }, (_, i) => i));
  });

  it("coordinates outside the grid have no index", () => {
    const p = { "links.up.latencyMs": 2, "trace.up": "t/a.up" };
    expect(gridIndex(SPEC, ["x"], { ...p, "links.up.latencyMs": 3 }, 1, "x")).toBeNull();
    expect(gridIndex(SPEC, ["x"], { ...p, extra: 1 }, 1, "x")).toBeNull();
    expect(gridIndex(SPEC, ["x"], p, 3, "x")).toBeNull();
    expect(gridIndex(SPEC, ["x"], p, 1, "z")).toBeNull();
  });
});

describe("globFiles(pattern, base)", () => {
  const dir = freshDir("sweep-glob");
  mkdirSync(join(dir, "t", "sub", "deep"), { recursive: true });
  for (const f of ["t/b.up", "t/a.up", "t/a.down", "t/.hidden.up", "t/sub/c.up", "t/sub/deep/d.up", "t/x.csv"]) writeFileSync(join(dir, f), "1\n");

  it("matches files of one folder, sorted, without hidden files, as the pattern spells them", () => {
    expect(globFiles("t/*.up", dir)).toEqual(["t/a.up", "t/b.up"]);
    expect(globFiles("t/?.{up,csv}", dir)).toEqual(["t/a.up", "t/b.up", "t/x.csv"]);
    expect(globFiles("t/[ab].*", dir)).toEqual(["t/a.down", "t/a.up", "t/b.up"]);
    expect(globFiles(`${dir}/t/*.csv`, "/nowhere")).toEqual([`${dir}/t/x.csv`]);
  });

  it("** crosses any depth of folders, and a literal path matches only an existing file", () => {
    expect(globFiles("t/**/*.up", dir)).toEqual(["t/a.up", "t/b.up", "t/sub/c.up", "t/sub/deep/d.up"]);
    expect(globFiles("t/a.up", dir)).toEqual(["t/a.up"]);
    expect(globFiles("t/none.up", dir)).toEqual([]);
    expect(globFiles("t/*", dir)).not.toContain("t/sub");
    expect(globFiles("nothere/*.up", dir)).toEqual([]);
  });
});

describe("varyPathProblem(raw, path)", () => {
  const raw = { nodes: { camera: { device: "jetson-nano" } }, links: { up: { from: "camera", to: "edge", bandwidthMbps: 100 } }, workload: { arrivals: { kind: "poisson", ratePerSec: 40 }, requests: 10 }, options: {} };

  it("accepts a path in the file, an optional key the file leaves out, and scheduler options", () => {
    expect(varyPathProblem(raw, "workload.arrivals.ratePerSec")).toBeNull();
    expect(varyPathProblem(raw, "links.up.latencyMs")).toBeNull();
    expect(varyPathProblem(raw, "nodes.camera.servers")).toBeNull();
    expect(varyPathProblem(raw, "metrics.deadlinesMs")).toBeNull();
    expect(varyPathProblem(raw, "options.neurosurgeon.bits")).toBeNull();
  });

  it("names the first step that is not there, with the closest key", () => {
    expect(varyPathProblem(raw, "links.upp.latencyMs")).toBe("no 'upp' under links (did you mean 'up'?); the file has up");
    expect(varyPathProblem(raw, "nodes.camera.servrs")).toBe("no 'servrs' under nodes.camera (did you mean 'servers'?); the file has device");
    expect(varyPathProblem(raw, "workload.requests.n")).toBe("workload.requests is a value (10), not a section with keys");
    expect(varyPathProblem(raw, "wokload.requests")).toMatch(/^no 'wokload' at the top level \(did you mean 'workload'\?\)/);
    expect(varyPathProblem(raw, "schedulers")).toBe("'schedulers' cannot be swept this way: choose schedulers with --scheduler");
  });
});
