// dads, light mode (DSL), end to end: on random layer DAGs the simulated latency of a frame is the
// least over every predecessor-closed device set, each set's latency computed here by hand from
// the model file (device ms + bytes sent / bandwidth + propagation + cloud ms); a tensor read by
// two cloud layers is sent once; and on vgg16 and resnet18 the device side never shrinks as the
// uplink slows from 18.88 to 0.13 Mbit/s.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { Model } from "../../../src/workload/model.js";
import { zooModel } from "../../../src/workload/zoo/index.js";
import { run } from "../../scenario-runs/helpers.js";

const HEADER = 64;

interface Dag {
  /** inputs[i]: −1 = the raw input, else an earlier layer. */
  inputs: number[][];
  deviceMs: number[];
  cloudMs: number[];
  /** fp32 elements of each layer's output. */
  elements: number[];
  inputElements: number;
}

/** 2–10 layers, each reading one or two earlier tensors; a layer nobody reads feeds the last one. */
const dagArb: fc.Arbitrary<Dag> = fc.integer({ min: 2, max: 10 }).chain((n) =>
  fc.record({
    picks: fc.array(fc.tuple(fc.nat(), fc.nat(), fc.boolean()), { minLength: n, maxLength: n }),
    deviceMs: fc.array(fc.integer({ min: 1, max: 40 }), { minLength: n, maxLength: n }),
    cloudMs: fc.array(fc.integer({ min: 0, max: 4 }), { minLength: n, maxLength: n }),
    elements: fc.array(fc.integer({ min: 50, max: 60_000 }), { minLength: n, maxLength: n }),
    inputElements: fc.integer({ min: 1_000, max: 150_000 }),
  }).map(({ picks, deviceMs, cloudMs, elements, inputElements }) => {
    const inputs = picks.map(([p, q, two], i) => {
      const from = (x: number): number => (x % (i + 1)) - 1; // −1 .. i−1
      return [...new Set(two ? [from(p), from(q)] : [from(p)])];
    });
    const read = new Set(inputs.flat());
    for (let j = 0; j < n - 1; j++) if (!read.has(j)) inputs[n - 1]!.push(j);
    return { inputs, deviceMs, cloudMs, elements, inputElements };
  }),
);

const name = (j: number): string => (j === -1 ? "input" : `l${j}`);

function scenario(d: Dag, mbps: number, latencyMs: number) {
  return {
    name: "dads-light",
    model: {
      name: "dag",
      input: { shape: [d.inputElements] },
      layers: d.inputs.map((ins, i) => ({
        name: name(i), inputs: ins.map(name), outputShape: [d.elements[i]!], macs: 0,
        timeMs: { "raspberry-pi-4": d.deviceMs[i]!, t4: d.cloudMs[i]! },
      })),
    },
    nodes: { pi: { device: "raspberry-pi-4" }, cloud: { device: "t4" } },
    links: { up: { from: "pi", to: "cloud", bandwidthMbps: mbps, latencyMs } },
    wire: { headerBytes: HEADER },
    workload: { arrivals: { kind: "periodic", fps: 1 }, requests: 1 },
    estimator: "oracle",
    schedulers: ["dads"],
    options: { dads: { mode: "light" } },
  };
}

/**
 * The least latency over all 2^n device sets that are predecessor-closed, by hand: at 1, 2, 4 or
 * 8 Mbit/s a byte takes 8000 / Mbps ns exactly, and whole-ms layer times are whole ns, so the sum
 * is exact. The raw input goes as uint8 (1 B per element), other tensors as fp32, each once with
 * its header; with every layer on the device nothing is sent and the result stays there.
 */
function bruteForceNs(d: Dag, mbps: number, latencyMs: number): number {
  const n = d.inputs.length;
  let best = Infinity;
  for (let mask = 0; mask < 1 << n; mask++) {
    const on = (v: number): boolean => v === -1 || ((mask >> v) & 1) === 1;
    if (d.inputs.some((ins, v) => on(v) && !ins.every(on))) continue;
    let ns = 0;
    const sent = new Set<number>();
    for (let v = 0; v < n; v++) {
      if (on(v)) ns += d.deviceMs[v]! * 1e6;
      else {
        ns += d.cloudMs[v]! * 1e6;
        for (const j of d.inputs[v]!) if (on(j)) sent.add(j);
      }
    }
    if (sent.size > 0) {
      let bytes = 0;
      for (const j of sent) bytes += (j === -1 ? d.inputElements : 4 * d.elements[j]!) + HEADER;
      ns += (bytes * 8000) / mbps + latencyMs * 1e6;
    }
    best = Math.min(best, ns);
  }
  return best;
}

describe("dads light (DSL)", () => {
  it("30 random DAGs of ≤ 10 layers: the frame's latency is the brute-force minimum over closed device sets", () => {
    const setting = fc.record({ mbps: fc.constantFrom(1, 2, 4, 8), latencyMs: fc.constantFrom(0, 5, 50) });
    fc.assert(fc.property(dagArb, setting, (d, { mbps, latencyMs }) => {
      const { requests } = run(scenario(d, mbps, latencyMs), "dads");
      const r = requests[0]!;
      expect(r.completion - r.arrival).toBe(bruteForceNs(d, mbps, latencyMs));
    }), { numRuns: 30, seed: 18 });
  });

  it("a tensor read by two cloud layers is sent once", () => {
    // input (100,000 B) → a → {b, c} → d (l0 → {l1, l2} → l3). a is cheap on the device, b, c, d are not: the best set
    // is {a}, sending a's 100 fp32 elements (400 B + header) once although b and c both read them.
    const d: Dag = { inputs: [[-1], [0], [0], [1, 2]], deviceMs: [1, 100, 100, 100], cloudMs: [0, 0, 0, 0], elements: [100, 10, 10, 10], inputElements: 100_000 };
    const { requests } = run(scenario(d, 8, 0), "dads");
    expect(requests[0]!.cut).toBe("l0"); // layers are named l0.. here: l0 is a
    expect(requests[0]!.bytesSent).toBe(400 + HEADER);
    expect(requests[0]!.completion - requests[0]!.arrival).toBe(1e6 + (400 + HEADER) * 1000);
  });

  for (const id of ["vgg16", "resnet18"]) {
    it(`${id}: the device side never shrinks as the uplink slows from 18.88 to 0.13 Mbit/s`, () => {
      const model = new Model(zooModel(id)!);
      const index = new Map(model.names.map((n, i) => [n, i]));
      /** Layers of the closed set whose maximal layers the cut label names ("input": none). */
      const deviceLayers = (label: string): number => {
        const on = new Set<number>();
        const add = (v: number): void => {
          if (v < 0 || on.has(v)) return;
          on.add(v);
          for (const j of model.inputs[v]!) add(j);
        };
        if (label !== "input") for (const n of label.split("+")) add(index.get(n)!);
        return on.size;
      };
      const rates = [18.88, 12, 8, 5.85, 4, 3, 2, 1.5, 1.1, 0.8, 0.5, 0.3, 0.2, 0.13];
      const counts = rates.map((mbps) => {
        const { requests } = run({
          name: "dads-monotone", model: id,
          nodes: { pi: { device: "raspberry-pi-4" }, cloud: { device: "t4" } },
          links: { up: { from: "pi", to: "cloud", bandwidthMbps: mbps, latencyMs: 5 } },
          workload: { arrivals: { kind: "periodic", fps: 1 }, requests: 1 },
          estimator: "oracle", schedulers: ["dads"], options: { dads: { mode: "light" } },
        }, "dads");
        return deviceLayers(requests[0]!.cut);
      });
      for (let i = 1; i < counts.length; i++) expect(counts[i]).toBeGreaterThanOrEqual(counts[i - 1]!);
      // Not trivially constant: fast links send early, the slowest keeps (nearly) all on the device.
      expect(counts[counts.length - 1]).toBeGreaterThan(counts[0]!);
    });
  }
});
