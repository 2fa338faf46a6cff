// How `splitsim run` words an unstable resource's offered load: a percentage of capacity up to 10×,
// a multiple beyond (a percentage with ten digits says nothing a reader can take in).
import { describe, expect, it } from "vitest";
import { overload } from "../../src/cli/run-command.js";

describe("overload", () => {
  it("is a percentage below 10× capacity", () => {
    expect(overload(1)).toBe("100 % of capacity");
    expect(overload(1.504)).toBe("150 % of capacity");
    expect(overload(9.994)).toBe("999 % of capacity");
  });
  it("is a whole multiple from 10× to 10,000×", () => {
    expect(overload(10)).toBe("10× capacity");
    expect(overload(394.5)).toBe("395× capacity");
    expect(overload(9999.4)).toBe("9999× capacity");
  });
  it("has two significant digits beyond", () => {
    expect(overload(18702075.35)).toBe("1.9e+7× capacity");
    expect(overload(12345)).toBe("1.2e+4× capacity");
  });
});
