// Scenario files: defaults, references, every problem with its path and line, --set, hashing.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { scenarioHash } from "../../src/scenario/hash.js";
import { loadScenario, resolveScenarioText, ScenarioError } from "../../src/scenario/load.js";
import { scenarioJsonSchema } from "../../src/scenario/write-json-schema.js";

const BASE = `
name: t
model: vgg16
nodes:
  phone: { device: raspberry-pi-4 }
  cloud: { device: a100 }
links:
  up: { from: phone, to: cloud, bandwidthMbps: 10 }
workload:
  arrivals: { kind: periodic, fps: 5 }
  requests: 20
`;

function problemsOf(text: string, sets: string[] = []): Array<{ path: string; line: number | null; message: string }> {
  try {
    resolveScenarioText(text, "t.yaml", { sets });
  } catch (e) {
    if (e instanceof ScenarioError) return [...e.problems];
    throw e;
  }
  return [];
}

describe("scenario defaults", () => {
  it("fills every default of a minimal scenario", () => {
    const s = resolveScenarioText(BASE, "dir/t.yaml");
    expect(s.seed).toBe(1);
    expect(s.nodes[1]).toEqual({
      name: "cloud", device: "a100", servers: 1, maxBatch: 1, batchTimeoutMs: 0, queueLimit: null, precision: "fp32", role: "cloud",
    });
    expect(s.links[0]).toEqual({
      name: "up", from: "phone", to: "cloud", bandwidth: { kind: "constant", mbps: 10 }, latencyMs: 0, discipline: "fifo",
    });
    expect(s.sources).toEqual([{ at: "phone", models: { vgg16: 1 }, arrivals: { kind: "periodic", fps: 5 }, requests: 20, deadlineMs: null }]);
    expect(s.noise).toEqual({ compute: { kind: "none" } });
    expect(s.wire).toEqual({ headerBytes: 16, resultBytes: null });
    expect(s.estimator).toEqual({ kind: "ewma", alpha: 0.3 });
    expect(s.warmupRequests).toBe(0);
    // `all` leaves out fixed-split and edgent, which cannot run without their required options (cut, deadlineMs).
    expect(s.schedulers).toEqual(["device-only", "cloud-only", "neurosurgeon", "dads", "job-offloading", "decc", "bps"]);
  });

  it("names the scenario after its file when it has no name", () => {
    expect(resolveScenarioText(BASE.replace("name: t", ""), "x/my-run.yaml").name).toBe("my-run");
  });

  it("attaches the shorthand workload to the only end device", () => {
    expect(resolveScenarioText(BASE, "t.yaml").sources[0]!.at).toBe("phone");
  });

  it("asks for workload.at when several end devices could be meant", () => {
    const text = BASE.replace("  cloud: { device: a100 }", "  cloud: { device: a100 }\n  pi2: { device: raspberry-pi-4 }");
    expect(problemsOf(text)).toEqual([
      { path: "workload.at", line: 10, message: expect.stringMatching(/several end devices \(phone, pi2\)/) },
    ]);
  });
});

describe("scenario problems", () => {
  it("reports three separate mistakes at once, each with its path and line", () => {
    const text = BASE.replace("servers", "").replace("{ device: a100 }", "{ device: a100, servers: 0 }")
      .replace("to: cloud", "to: moon").replace("fps: 5", "fps: 0");
    expect(problemsOf(text).map((p) => [p.line, p.path])).toEqual([
      [6, "nodes.cloud.servers"],
      [8, "links.up.to"],
      [10, "workload.arrivals.fps"],
    ]);
  });

  it("suggests the key a typo probably meant", () => {
    const p = problemsOf(BASE.replace("requests: 20", "requests: 20\n  warmupReqests: 2"));
    expect(p).toEqual([{ path: "workload.warmupReqests", line: 12, message: "unknown key (did you mean 'warmupRequests'?)" }]);
  });

  it("names the allowed arrival kinds for an unknown one", () => {
    const p = problemsOf(BASE.replace("kind: periodic, fps: 5", "kind: sometimes"));
    expect(p[0]!.path).toBe("workload.arrivals.kind");
    expect(p[0]!.message).toMatch(/periodic, poisson, batch, closed, file/);
  });

  it("reports an unknown device, model and scheduler with what is known", () => {
    const p = problemsOf(BASE.replace("raspberry-pi-4", "pi9").replace("model: vgg16", "model: vgg99") + "schedulers: [magic]\n");
    expect(p.map((x) => x.path)).toEqual(["model", "nodes.phone.device", "schedulers.0"]);
    expect(p[1]!.message).toMatch(/unknown device 'pi9' \(known: .*jetson-nano/);
  });

  it("reads a trace file relative to the scenario and says which format it detected", () => {
    const s = resolveScenarioText(BASE.replace("bandwidthMbps: 10", "trace: ../../traces/steps-16s.csv"), "test/scenario/t.yaml");
    const bw = s.links[0]!.bandwidth;
    expect(bw.kind).toBe("trace");
    // Eight 2-second steps from 6 Mbit/s; loops by default with the csv's period (16 s).
    expect(bw.kind === "trace" && [bw.format, bw.loop, bw.data.periodNs, bw.data.bps[0]]).toEqual(["csv", true, 16e9, 6e6]);
  });

  it("checks a profile's points", () => {
    const p = problemsOf(BASE.replace("bandwidthMbps: 10", "bandwidthProfile: [[1, 5], [0.5, 3]]"));
    expect(p.map((x) => x.message)).toEqual(["the first point must be at t = 0 s", "point times must increase"]);
  });

  it("reports a missing scenario file by name", () => {
    expect(() => loadScenario("nope/missing.yaml")).toThrow(/missing\.yaml.*file not found/s);
  });

  it("reports YAML syntax errors with their line", () => {
    const p = problemsOf("name: x\nnodes: { a: [\n");
    expect(p[0]!.line).toBe(3);
    expect(p[0]!.message).toMatch(/^YAML:/);
  });
});

describe("--set overrides", () => {
  it("changes a value by its path before validation", () => {
    const s = resolveScenarioText(BASE, "t.yaml", { sets: ["workload.arrivals.fps=12.5", "links.up.latencyMs=4", "schedulers=[cloud-only]"] });
    expect(s.sources[0]!.arrivals).toEqual({ kind: "periodic", fps: 12.5 });
    expect(s.links[0]!.latencyMs).toBe(4);
    expect(s.schedulers).toEqual(["cloud-only"]);
  });

  it("a null value removes the key: a single model traded for a mix", () => {
    const text = BASE.replace("workload:\n", "workload:\n  model: vgg16\n");
    for (const none of ["null", "~", ""]) {
      const s = resolveScenarioText(text, "t.yaml", { sets: [`workload.model=${none}`, "workload.models={alexnet: 1, vgg16: 3}"] });
      expect(s.sources[0]!.models).toEqual({ alexnet: 1, vgg16: 3 });
    }
  });

  it("setting a link's bandwidth source replaces the file's, with its trace options", () => {
    const s = loadScenario("scenarios/examples/overload.yaml", { sets: ["links.up.bandwidthMbps=10"] });
    expect(s.links.find((l) => l.name === "up")!.bandwidth).toEqual({ kind: "constant", mbps: 10 });
  });

  it("a missing file says where it was looked for (the scenario's folder)", () => {
    expect(() => loadScenario("scenarios/examples/overload.yaml", { sets: ["links.up.trace=traces/steps-16s.csv"] }))
      .toThrow(/file not found: traces\/steps-16s\.csv \(looked for \/.*\/scenarios\/examples\/traces\/steps-16s\.csv: paths resolve against the scenario's folder\)/);
  });

  it("reports a malformed --set and a bad value it sets", () => {
    const p = problemsOf(BASE, ["no-equals-sign", "workload.requests=-1"]);
    expect(p.map((x) => x.path).sort()).toEqual(["--set", "workload.requests"]);
  });
});

describe("arrival files and hashing", () => {
  it("reads arrival times from a file next to the scenario, skipping comments and blank lines", () => {
    const text = BASE.replace("arrivals: { kind: periodic, fps: 5 }\n  requests: 20", "arrivals: { kind: file, path: fixtures/times.txt }");
    const s = resolveScenarioText(text, "test/scenario/t.yaml");
    expect(s.sources[0]!.arrivals).toEqual({ kind: "file", timesMs: [0, 12.5, 40] });
    expect(s.sources[0]!.requests).toBe(3);
  });

  it("hashes equal scenarios equally whatever their key order, and changes with a value", () => {
    const a = resolveScenarioText(BASE, "t.yaml");
    const b = resolveScenarioText(`{"workload": {"requests": 20, "arrivals": {"fps": 5, "kind": "periodic"}}, "name": "t",
      "links": {"up": {"bandwidthMbps": 10, "to": "cloud", "from": "phone"}}, "model": "vgg16",
      "nodes": {"phone": {"device": "raspberry-pi-4"}, "cloud": {"device": "a100"}}}`, "other/t.json");
    expect(scenarioHash(a)).toBe(scenarioHash(b));
    expect(scenarioHash(a)).toMatch(/^[0-9a-f]{16}$/);
    expect(scenarioHash(resolveScenarioText(BASE, "t.yaml", { sets: ["seed=2"] }))).not.toBe(scenarioHash(a));
  });
});

describe("JSON Schema", () => {
  it("the committed docs/scenario.schema.json is what the validator generates", () => {
    expect(readFileSync("docs/scenario.schema.json", "utf8")).toBe(scenarioJsonSchema());
  });
});
