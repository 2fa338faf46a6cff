// Runtime model: typed arrays, consumers, and cuts (prefix cuts and arbitrary closed sets).
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { Model } from "../../src/workload/model.js";
import { builtin, modelOf } from "./helpers.js";

const mask = (n: number, upstream: number[]): Uint8Array => {
  const m = new Uint8Array(n);
  for (const i of upstream) m[i] = 1;
  return m;
};

describe("Model arrays", () => {
  const m = builtin("resnet50");

  it("indexOf finds layers by name and returns -1 for unknown names", () => {
    expect(m.indexOf("conv1")).toBe(0);
    expect(m.indexOf("fc")).toBe(m.layerCount - 1);
    expect(m.indexOf("layer9.0.conv1")).toBe(-1);
  });

  it("the first layer reads the raw input (-1) and the input has 150,528 elements", () => {
    expect(Array.from(m.inputs[0]!)).toEqual([-1]);
    expect(Array.from(m.inputConsumers)).toEqual([0]);
    expect(m.inputElements).toBe(150_528);
  });

  it("consumers invert inputs: maxpool feeds layer1.0.conv1 and layer1.0.downsample", () => {
    const names = Array.from(m.consumers[m.indexOf("maxpool")]!, (j) => m.names[j]);
    expect(names).toEqual(["layer1.0.conv1", "layer1.0.downsample"]);
    expect(m.consumers[m.layerCount - 1]).toHaveLength(0);
  });

  it("inputElementsOf an add is the sum of its two inputs (2 x 802,816)", () => {
    expect(m.inputElementsOf(m.indexOf("layer1.0.add"))).toBe(1_605_632);
    expect(m.inputElementsOf(0)).toBe(150_528);
  });

  it("a hand-built spec reading an unknown or later layer is rejected", () => {
    const spec = { name: "x", input: { shape: [1], elements: 1 }, layers: [
      { name: "a", kind: "k", inputs: ["b"], outputShape: [1], outputElements: 1, macs: 0, weightBytes: 0, timeMs: null },
      { name: "b", kind: "k", inputs: ["input"], outputShape: [1], outputElements: 1, macs: 0, weightBytes: 0, timeMs: null },
    ] };
    expect(() => new Model(spec)).toThrow(/reads "b", not an earlier layer/);
  });
});

describe("prefix cuts on vgg16 (a chain)", () => {
  const m = builtin("vgg16");
  const cuts = m.prefixCuts();

  it("there are L+1 cuts, k = 0..L upstream layers", () => {
    expect(cuts).toHaveLength(23);
    cuts.forEach((c, k) => expect(c.upstreamCount).toBe(k));
  });

  it("k = 0 is labelled input and sends the raw input (150,528 elements)", () => {
    expect(cuts[0]!.label).toBe("input");
    expect(Array.from(cuts[0]!.boundary)).toEqual([-1]);
    expect(cuts[0]!.boundaryElements).toBe(150_528);
  });

  it("the cut after pool5 sends pool5's 25,088 elements", () => {
    const c = cuts.find((x) => x.label === "pool5")!;
    expect(Array.from(c.boundary)).toEqual([m.indexOf("pool5")]);
    expect(c.boundaryElements).toBe(25_088);
  });

  it("the cut after the last layer sends nothing", () => {
    expect(cuts[22]!.label).toBe("fc8");
    expect(cuts[22]!.boundary).toHaveLength(0);
    expect(cuts[22]!.boundaryElements).toBe(0);
  });

  it("every interior cut of a chain sends exactly the last upstream layer's output", () => {
    for (let k = 1; k < 22; k++) expect(Array.from(cuts[k]!.boundary)).toEqual([k - 1]);
  });
});

describe("prefix cuts on resnet50 (a DAG)", () => {
  const m = builtin("resnet50");
  const cuts = m.prefixCuts();
  const at = (label: string) => cuts.find((c) => c.label === label)!;
  const names = (b: Int32Array) => Array.from(b, (j) => (j < 0 ? "input" : m.names[j]));

  it("a cut inside an identity block sends the block input (for the skip) and the branch output, each once", () => {
    const c = at("layer1.1.conv2");
    expect(names(c.boundary)).toEqual(["layer1.0.add", "layer1.1.conv2"]);
    expect(c.boundaryElements).toBe(802_816 + 200_704);
  });

  it("a cut inside a first block, before its downsample, sends the block input and conv3's output", () => {
    expect(names(at("layer2.0.conv3").boundary)).toEqual(["layer1.2.add", "layer2.0.conv3"]);
  });

  it("a cut between blocks sends the block output once although two downstream layers read it", () => {
    const c = at("layer1.2.add");
    expect(names(c.boundary)).toEqual(["layer1.2.add"]);
    expect(c.boundaryElements).toBe(802_816);
  });

  it("every prefix cut is predecessor-closed and boundaryOf agrees with it", () => {
    for (const c of cuts) {
      const up = mask(m.layerCount, Array.from({ length: c.upstreamCount }, (_, i) => i));
      expect(m.isPredecessorClosed(up)).toBe(true);
      expect(Array.from(m.boundaryOf(up))).toEqual(Array.from(c.boundary));
    }
  });
});

describe("boundaryOf on arbitrary upstream sets", () => {
  const m = builtin("resnet50");

  it("a closed set that is not a prefix sends each crossing tensor once, sorted", () => {
    // conv1, maxpool and the downsample of layer1.0 only: the branch convs run downstream.
    const up = mask(m.layerCount, [0, 1, m.indexOf("layer1.0.downsample")]);
    expect(m.isPredecessorClosed(up)).toBe(true);
    expect(Array.from(m.boundaryOf(up))).toEqual([1, m.indexOf("layer1.0.downsample")]);
  });

  it("a set missing a predecessor is not closed, and boundaryOf refuses it", () => {
    const up = mask(m.layerCount, [0, m.indexOf("layer1.0.conv1")]);
    expect(m.isPredecessorClosed(up)).toBe(false);
    expect(() => m.boundaryOf(up)).toThrow(/predecessor-closed/);
  });

  it("a mask of the wrong length is refused", () => {
    expect(() => m.boundaryOf(new Uint8Array(3))).toThrow(/3 entries/);
  });

  it("the raw input is sent once however many downstream layers read it, and with a layer that skips from it", () => {
    const dag = modelOf({ name: "skip", input: { shape: [10] }, layers: [
      { name: "a", outputShape: [4], macs: 40 },
      { name: "b", inputs: ["input", "a"], outputShape: [2], macs: 28 },
    ] });
    expect(Array.from(dag.prefixCuts()[0]!.boundary)).toEqual([-1]);
    expect(Array.from(dag.prefixCuts()[1]!.boundary)).toEqual([-1, 0]);
    expect(dag.prefixCuts()[1]!.boundaryElements).toBe(14);
  });

  it("an upstream output that no downstream layer reads is not sent (it is already at the origin)", () => {
    const dag = modelOf({ name: "side", input: { shape: [10] }, layers: [
      { name: "a", outputShape: [4], macs: 40 },
      { name: "side", outputShape: [1], macs: 4 },
      { name: "c", inputs: ["a"], outputShape: [2], macs: 8 },
    ] });
    expect(Array.from(dag.prefixCuts()[2]!.boundary)).toEqual([0]);
  });
});

describe("cuts on random DAGs", () => {
  // Layer i reads 1-3 of {input, layers < i}; `keep` picks a random upstream seed set.
  const dagArb = fc
    .array(fc.array(fc.nat(), { minLength: 1, maxLength: 3 }), { minLength: 1, maxLength: 12 })
    .chain((picks) => fc.tuple(fc.constant(picks), fc.array(fc.boolean(), { minLength: picks.length, maxLength: picks.length })));

  it("boundaryOf sends exactly the upstream tensors (or raw input) read downstream, for any closed set", () => {
    fc.assert(
      fc.property(dagArb, ([picks, keep]) => {
        const layers = picks.map((p, i) => ({
          name: `l${i}`,
          inputs: [...new Set(p.map((x) => x % (i + 1)))].map((j) => (j === i ? "input" : `l${j}`)),
          outputShape: [i + 1],
          macs: 0,
        }));
        const m = modelOf({ name: "rnd", input: { shape: [100] }, layers });
        // Close the seed set under predecessors (inputs come earlier, so one backward sweep does it).
        const up = Uint8Array.from(keep, (k) => (k ? 1 : 0));
        for (let i = m.layerCount - 1; i >= 0; i--) if (up[i]) for (const j of m.inputs[i]!) if (j >= 0) up[j] = 1;
        const expected: number[] = [];
        for (let t = -1; t < m.layerCount; t++) {
          const onDevice = t === -1 || up[t] === 1;
          const readDownstream = m.inputs.some((ins, c) => !up[c] && ins.includes(t));
          if (onDevice && readDownstream) expected.push(t);
        }
        expect(m.isPredecessorClosed(up)).toBe(true);
        expect(Array.from(m.boundaryOf(up))).toEqual(expected);
      }),
    );
  });
});
