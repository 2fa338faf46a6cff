// The cuts on the path to an early exit send only what the path reads: a tensor that only layers
// after the exit read stays on the device (a prefix cut of the whole model would send it), and
// with the whole path on the device the exit's input goes to the head. Exits come deepest first.
import { describe, expect, it } from "vitest";
import { exitBranches, pathBoundary, sendNs } from "../../../src/schedulers/planning/exit-plan.js";
import { Model } from "../../../src/workload/model.js";
import { layer, sixLayers } from "./hand-dags.js";

const m = sixLayers(); // 0 stem, 1 left, 2 right, 3 join, 4 side (reads the raw input), 5 head

describe("pathBoundary", () => {
  it("to 'join' (3) with stem upstream sends stem only; the prefix cut also sends the input, for 'side'", () => {
    expect([...pathBoundary(m, 3, 1)]).toEqual([0]);
    expect([...m.prefixCuts()[1]!.boundary]).toEqual([-1, 0]);
  });

  it("sends every tensor a downstream path layer reads, each once", () => {
    expect([...pathBoundary(m, 3, 0)]).toEqual([-1]);
    expect([...pathBoundary(m, 3, 2)]).toEqual([0, 1]); // right reads stem, join reads left
    expect([...pathBoundary(m, 3, 3)]).toEqual([1, 2]);
  });

  it("with the whole path upstream sends the exit's input to its head", () => {
    expect([...pathBoundary(m, 3, 4)]).toEqual([3]);
    expect([...pathBoundary(m, 0, 1)]).toEqual([0]);
  });

  it("to the last layer equals the model's prefix cuts", () => {
    for (let k = 0; k < m.layerCount; k++) expect([...pathBoundary(m, 5, k)]).toEqual([...m.prefixCuts()[k]!.boundary]);
  });
});

describe("exitBranches", () => {
  it("lists the final classifier, then the exits from the deepest to the shallowest", () => {
    const spec = { ...m.spec, accuracy: 90, exits: [
      { name: "early", after: "stem", accuracy: 50, layers: [layer("e.fc", ["stem"], 5)] },
      { name: "mid", after: "join", accuracy: 70, layers: [layer("m.fc", ["join"], 5)] },
    ] };
    const withExits = new Model(spec);
    expect(exitBranches(withExits).map((b) => [b.name, b.afterIndex, b.accuracy, b.head?.name ?? null])).toEqual([
      ["final", 5, 90, null], ["mid", 3, 70, "six/mid"], ["early", 0, 50, "six/early"],
    ]);
  });
});

describe("sendNs", () => {
  it("is the link's own rounding: up to the ns, a float hair above an integer is that integer", () => {
    expect(sendNs(3_072, 187_500)).toBe(16_384_000);
    expect(sendNs(40, 187_500)).toBe(213_334); // 213,333.3 ns
    expect(sendNs(0, 0)).toBe(0);
    expect(sendNs(1, 0)).toBe(Infinity);
  });
});
