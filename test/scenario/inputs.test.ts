// The ways a scenario comes in: JSON files, --set overrides, --seed, arrival files, and files
// that are missing or are not files.
import { describe, expect, it } from "vitest";
import { loadScenario, resolveScenarioText } from "../../src/scenario/load.js";
import { BASE, FIXTURES, fileProblems, problemsOf } from "./helpers.js";

const resolve = (text: string, sets: string[] = []) => resolveScenarioText(text, `${FIXTURES}t.yaml`, { sets });

describe("scenario input", () => {
  it("a JSON scenario file resolves like a YAML one", () => {
    const s = loadScenario(`${FIXTURES}scenario.json`);
    expect(s.name).toBe("from-json");
    expect(s.nodes.map((n) => [n.name, n.maxBatch, n.role])).toEqual([["phone", 1, "end"], ["cloud", 2, "cloud"]]);
    expect(s.links[0]).toEqual({ name: "up", from: "phone", to: "cloud", bandwidth: { kind: "constant", mbps: 25 }, latencyMs: 5, discipline: "fifo" });
    expect(s.sources).toEqual([{ at: "phone", models: { vgg16: 1 }, arrivals: { kind: "periodic", fps: 10 }, requests: 40, deadlineMs: null }]);
  });

  it("a scenario path that is a directory is reported, not thrown as a system error", () => {
    expect(fileProblems(FIXTURES)).toEqual([{ path: "", line: null, message: "not a file" }]);
  });

  it("a missing scenario file is reported by name", () => {
    expect(fileProblems(`${FIXTURES}nope.yaml`)).toEqual([{ path: "", line: null, message: "file not found" }]);
  });

  it("file arrivals read the first column of a CSV with a header, cut to the request count", () => {
    const s = resolve(BASE.replace("kind: periodic, fps: 5", "kind: file, path: arrivals.csv").replace("requests: 20", "requests: 2"));
    expect(s.sources[0]!.arrivals).toEqual({ kind: "file", timesMs: [0, 33.5] });
  });

  it("--seed replaces the file's seed", () => {
    expect(resolveScenarioText(BASE + "seed: 4\n", "t.yaml", { seed: 9 }).seed).toBe(9);
  });
});

describe("--set", () => {
  it("changes values by dotted path, reading them as YAML scalars and lists", () => {
    const s = resolve(BASE, ["workload.arrivals.fps=10", "links.up.latencyMs=5", "schedulers=[cloud-only, device-only]", "nodes.cloud.precision=fp16"]);
    expect(s.sources[0]!.arrivals).toEqual({ kind: "periodic", fps: 10 });
    expect(s.links[0]!.latencyMs).toBe(5);
    expect(s.schedulers).toEqual(["cloud-only", "device-only"]);
    expect(s.nodes[1]!.precision).toBe("fp16");
  });

  it("adds a key the file does not have", () => {
    expect(resolve(BASE, ["nodes.cloud.queueLimit=3"]).nodes[1]!.queueLimit).toBe(3);
  });

  it("indexes lists with numbers", () => {
    const s = loadScenario(`${FIXTURES}full.yaml`, { sets: ["sources.1.requests=7", "sources.0.arrivals.ratePerSec=2.5"] });
    expect(s.sources[1]!.requests).toBe(7);
    expect(s.sources[0]!.arrivals).toEqual({ kind: "poisson", ratePerSec: 2.5 });
  });

  it("a malformed --set is a problem at --set, with the others reported too", () => {
    expect(problemsOf(BASE, { sets: ["no-equals-sign", "=5", "a..b=1"] }).map((p) => [p.path, p.line])).toEqual([
      ["--set", null],
      ["--set", null],
      ["--set", null],
    ]);
  });

  it("a value from --set that breaks a rule between sections names its path", () => {
    expect(problemsOf(BASE, { sets: ["links.up.to=moon"] })).toEqual([
      { path: "links.up.to", line: null, message: "no node named 'moon' (set by --set)" },
    ]);
  });
});
