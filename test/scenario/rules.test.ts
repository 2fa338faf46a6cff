// Rules between sections: where the shorthand enters, link endpoints and bandwidth forms, request
// counts, warm-up, arrival files, models, schedulers and options. Line numbers refer to BASE.
import { describe, expect, it } from "vitest";
import { resolveScenarioText } from "../../src/scenario/load.js";
import { BASE, FIXTURES, problemsOf } from "./helpers.js";

const resolve = (text: string) => resolveScenarioText(text, `${FIXTURES}t.yaml`);
const withNodes = (lines: string) => BASE.replace("  phone: { device: raspberry-pi-4 }\n  cloud: { device: a100 }\n", lines);

describe("the workload shorthand", () => {
  it("enters at the only node whose role is end", () => {
    const text = withNodes("  jet: { device: jetson-nano }\n  phone: { device: raspberry-pi-4 }\n  cloud: { device: a100 }\n");
    expect(resolve(text).sources[0]!.at).toBe("phone");
  });

  it("with several end devices is an error that says to add at: or use sources:", () => {
    const text = withNodes("  phone: { device: raspberry-pi-4 }\n  pi2: { device: raspberry-pi-4 }\n  cloud: { device: a100 }\n");
    const p = problemsOf(text);
    expect(p.map((x) => [x.path, x.line])).toEqual([["workload.at", 10]]);
    expect(p[0]!.message).toMatch(/several end devices \(phone, pi2\).*workload\.at.*sources/);
  });

  it("with no end device and only clouds is an error that asks for workload.at", () => {
    const text = withNodes("  phone: { device: a100 }\n  cloud: { device: a100 }\n");
    expect(problemsOf(text)).toEqual([{ path: "workload.at", line: 9, message: expect.stringMatching(/no end device.*workload\.at/) }]);
  });

  it("enters where workload.at says, even among several end devices", () => {
    const text = withNodes("  phone: { device: raspberry-pi-4 }\n  pi2: { device: raspberry-pi-4 }\n  cloud: { device: a100 }\n")
      .replace("workload:\n", "workload:\n  at: pi2\n");
    expect(resolve(text).sources[0]!.at).toBe("pi2");
  });

  it("cannot be combined with sources", () => {
    const text = BASE + "sources:\n  - { at: phone, arrivals: { kind: batch }, requests: 1 }\n";
    expect(problemsOf(text).map((x) => [x.path, x.line])).toEqual([["sources", 12]]);
  });

  it("takes warmupRequests inside workload, not at the top level", () => {
    expect(problemsOf(BASE + "warmupRequests: 2\n")).toEqual([
      { path: "warmupRequests", line: 12, message: "with the workload shorthand, write it as workload.warmupRequests" },
    ]);
  });

  it("needs fewer warm-up requests than requests", () => {
    const text = BASE.replace("  requests: 20", "  requests: 20\n  warmupRequests: 20");
    expect(problemsOf(text)).toEqual([{ path: "workload.warmupRequests", line: 12, message: "must be less than the number of requests (20)" }]);
  });
});

describe("links", () => {
  it("a link to a missing node is an error at that endpoint", () => {
    expect(problemsOf(BASE.replace("to: cloud,", "to: moon,"))).toEqual([{ path: "links.up.to", line: 7, message: "no node named 'moon'" }]);
  });

  it("a link must join two different nodes", () => {
    expect(problemsOf(BASE.replace("to: cloud,", "to: phone,")).map((x) => [x.path, x.message])).toEqual([
      ["links.up.to", "a link must join two different nodes"],
    ]);
  });

  it("a link with two bandwidth forms is an error", () => {
    const p = problemsOf(BASE.replace("bandwidthMbps: 10", "bandwidthMbps: 10, bandwidthProfile: [[0, 5]]"));
    expect(p.map((x) => [x.path, x.line])).toEqual([["links.up", 7]]);
    expect(p[0]!.message).toMatch(/exactly one of bandwidthMbps, bandwidthProfile/);
  });

  it("a looping profile whose period would be 0 is an error", () => {
    const p = problemsOf(BASE.replace("bandwidthMbps: 10", "bandwidthProfile: [[0, 5]], loop: true"));
    expect(p.map((x) => x.path)).toEqual(["links.up.loop"]);
  });

  it("periodS needs a looping profile", () => {
    const p = problemsOf(BASE.replace("bandwidthMbps: 10", "bandwidthProfile: [[0, 5], [1, 2]], periodS: 2"));
    expect(p.map((x) => [x.path, x.message])).toEqual([["links.up.periodS", "periodS needs loop: true"]]);
  });

  it("periodS may not end before the last point", () => {
    const p = problemsOf(BASE.replace("bandwidthMbps: 10", "bandwidthProfile: [[0, 5], [4, 2]], loop: true, periodS: 3"));
    expect(p.map((x) => [x.path, x.message])).toEqual([["links.up.periodS", "must be at least the last point's time (4 s)"]]);
  });
});

describe("requests and arrivals", () => {
  it("periodic arrivals need a request count, reported at the workload's line", () => {
    expect(problemsOf(BASE.replace("  requests: 20\n", ""))).toEqual([{ path: "workload.requests", line: 9, message: "how many requests? set requests" }]);
  });

  it("batch arrivals' n and requests must agree", () => {
    const p = problemsOf(BASE.replace("kind: periodic, fps: 5", "kind: batch, n: 5"));
    expect(p.map((x) => [x.path, x.line])).toEqual([["workload.arrivals.n", 10]]);
  });

  it("more requests than arrival times is an error", () => {
    const p = problemsOf(BASE.replace("kind: periodic, fps: 5", "kind: file, timesMs: [0, 10]").replace("requests: 20", "requests: 3"));
    expect(p).toEqual([{ path: "workload.requests", line: 11, message: "only 2 arrival times are given" }]);
  });

  it("arrival times must not decrease", () => {
    const p = problemsOf(BASE.replace("kind: periodic, fps: 5", "kind: file, timesMs: [0, 10, 5]").replace("  requests: 20\n", ""));
    expect(p.map((x) => [x.path, x.message])).toEqual([["workload.arrivals", "arrival times must not decrease (entry 3: 5 after 10)"]]);
  });

  it("an arrival file that does not exist is reported at its path", () => {
    const p = problemsOf(BASE.replace("kind: periodic, fps: 5", "kind: file, path: nope.txt"));
    expect(p).toEqual([{ path: "workload.arrivals.path", line: 10, message: expect.stringMatching(/^file not found: nope\.txt \(looked for \/.*\/nope\.txt: paths resolve against the scenario's folder\)$/) }]);
  });

  it("an arrival file without any time is an error", () => {
    const p = problemsOf(BASE.replace("kind: periodic, fps: 5", "kind: file, path: comments-only.txt").replace("  requests: 20\n", ""));
    expect(p).toEqual([{ path: "workload.arrivals.path", line: 10, message: "comments-only.txt holds no arrival times" }]);
  });
});

describe("models", () => {
  it("a source without any model is an error", () => {
    expect(problemsOf(BASE.replace("model: vgg16\n", "")).map((x) => x.path)).toEqual(["workload.model"]);
  });

  it("an inline model's problems are reported under the model's path", () => {
    const inline = "model:\n  name: m\n  input: { shape: [3] }\n  layers:\n    - { name: a, outputShape: [4], macs: 1 }\n    - { name: b, inputs: [zz], outputShape: [2], macs: 1 }\n";
    const p = problemsOf(BASE.replace("model: vgg16\n", inline));
    // model: starts at line 2, so the second layer's inputs list is on line 7.
    expect(p.map((x) => [x.path, x.line])).toEqual([["model.layers.1.inputs.0", 7]]);
    expect(p[0]!.message).toMatch(/unknown input "zz"/);
  });

  it("a model file's problems name the file and the place inside it", () => {
    const p = problemsOf(BASE.replace("model: vgg16", "model: models/bad-inputs.json"));
    expect(p.map((x) => [x.path, x.line])).toEqual([["model", 2]]);
    expect(p[0]!.message).toMatch(/models\/bad-inputs\.json: layers\.1\.inputs\.0: unknown input "nowhere"/);
  });

  it("two different models with the same name are an error", () => {
    const inline = "{ name: vgg16, input: { shape: [3] }, layers: [{ name: a, outputShape: [4], macs: 1 }] }";
    const text = BASE.replace("workload:\n  arrivals: { kind: periodic, fps: 5 }\n  requests: 20\n",
      `sources:\n  - { at: phone, arrivals: { kind: batch }, requests: 1 }\n  - { at: phone, model: ${inline}, arrivals: { kind: batch }, requests: 1 }\n`);
    expect(problemsOf(text)).toEqual([{ path: "sources.1.model", line: 11, message: "two different models are named 'vgg16'" }]);
  });
});

describe("schedulers, options and estimator", () => {
  it("schedulers: all is every registered scheduler that can run with the options given", () => {
    const spatial = ["halp", "rfs", "modnn"]; // the phone and the server are linked both ways
    expect(resolve(BASE).schedulers).toEqual(["device-only", "cloud-only", "neurosurgeon", "dads", "job-offloading", "decc", "bps", ...spatial]);
    expect(resolve(BASE + "options:\n  fixed-split: { cut: pool5 }\n").schedulers).toEqual(["device-only", "cloud-only", "fixed-split", "neurosurgeon", "dads", "job-offloading", "decc", "bps", ...spatial]);
  });

  it("schedulers: all leaves out a scheduler the sources cannot serve: decc's delay needs a rate, dads' auto a rate on a closed loop, coach's cache content", () => {
    const batch = BASE.replace("arrivals: { kind: periodic, fps: 5 }", "arrivals: { kind: batch }");
    expect(resolve(batch).schedulers).toEqual(["device-only", "cloud-only", "neurosurgeon", "dads", "job-offloading", "halp", "rfs", "modnn"]);
    expect(resolve(batch + "options:\n  decc: { objective: latency }\n").schedulers).toContain("decc");
    expect(resolve(batch + "options:\n  decc: { ratePerSec: 4 }\n").schedulers).toContain("decc");
    const closed = BASE.replace("arrivals: { kind: periodic, fps: 5 }", "arrivals: { kind: closed, k: 2 }");
    expect(resolve(closed).schedulers).toEqual(["device-only", "cloud-only", "neurosurgeon", "job-offloading", "halp", "rfs", "modnn"]);
    expect(resolve(closed + "options:\n  dads: { mode: light }\n  decc: { rate: estimate }\n").schedulers).toEqual(["device-only", "cloud-only", "neurosurgeon", "dads", "job-offloading", "decc", "halp", "rfs", "modnn"]);
    // coach's cache needs scene content on the sources; without it only its cache-free modes run.
    const scene = BASE.replace("requests: 20\n", "requests: 20\n  content: { labels: [a], stayProb: 1, closeness: { kind: uniform } }\n");
    expect(resolve(scene).schedulers).toContain("coach");
    expect(resolve(BASE + "options:\n  coach: { mode: no-cache }\n").schedulers).toContain("coach");
    // One node, no link: only what runs locally (device-only, decc's single cuts; coach offline-only;
    // the spatial partitioners have no partner linked both ways).
    const alone = "name: t\nmodel: vgg16\nnodes:\n  phone: { device: raspberry-pi-4 }\nworkload:\n  arrivals: { kind: periodic, fps: 5 }\n  requests: 20\n";
    expect(resolve(alone).schedulers).toEqual(["device-only", "decc"]);
    expect(resolve(alone + "options:\n  coach: { mode: offline-only }\n").schedulers).toEqual(["device-only", "decc", "coach"]);
  });

  it("an unregistered scheduler name is an error", () => {
    expect(problemsOf(BASE + "schedulers: [cloud-only, magic]\n").map((x) => [x.path, x.line])).toEqual([["schedulers.1", 12]]);
  });

  it("options for a scheduler that is not registered are an error", () => {
    const p = problemsOf(BASE + "options:\n  magic: { x: 1 }\n");
    expect(p.map((x) => [x.path, x.line])).toEqual([["options.magic", 13]]);
    expect(p[0]!.message).toMatch(/no scheduler named 'magic' \(known: .*neurosurgeon/);
  });

  it("an estimator named by a string gets its default parameters", () => {
    expect(resolve(BASE + "estimator: ewma\n").estimator).toEqual({ kind: "ewma", alpha: 0.3 });
    expect(resolve(BASE + "estimator: { kind: harmonic, window: 3 }\n").estimator).toEqual({ kind: "harmonic", window: 3 });
  });

  it("an estimator alpha outside (0, 1] is an error", () => {
    expect(problemsOf(BASE + "estimator: { kind: ewma, alpha: 1.5 }\n").map((x) => [x.path, x.line])).toEqual([["estimator.alpha", 12]]);
  });
});
