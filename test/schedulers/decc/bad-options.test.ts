// Bad options stop the run with exit-2 errors naming decc and the option; a model without a
// fork–join region is not an error (single cuts, with a note in report.policy).
import { describe, expect, it } from "vitest";
import { SplitsimError } from "../../../src/errors.js";
import { run } from "../../scenario-runs/helpers.js";
import { inceptionScenario } from "./helpers.js";

function failure(options: Record<string, unknown>, workload?: unknown): string {
  const s = { ...inceptionScenario(), options: { decc: options }, ...(workload === undefined ? {} : { workload }) };
  try {
    run(s, "decc");
  } catch (e) {
    expect(e).toBeInstanceOf(SplitsimError); // exit 2 at the CLI
    return (e as Error).message;
  }
  throw new Error("the run did not fail");
}

describe("decc: bad options", () => {
  it.each([
    [{ objective: "fastest" }, "objective"],
    [{ queue: "mm1" }, "queue"],
    [{ hysteresis: -0.1 }, "hysteresis must be >= 0"],
    [{ replanMs: -5 }, "replanMs must be >= 0"],
    [{ order: "random" }, "order"],
    [{ rate: "guess" }, "rate"],
    [{ coalesce: "yes" }, "coalesce"],
    [{ frontiers: "region" }, "did you mean 'frontier'"],
  ])("%j is refused, naming the option", (options, text) => {
    const msg = failure(options);
    expect(msg).toContain("decc");
    expect(msg).toContain(text);
  });

  it("rate: source on a batch source without ratePerSec names the option and what to do", () => {
    const msg = failure({ objective: "delay" });
    expect(msg).toContain("options.decc.rate");
    expect(msg).toContain("batch arrivals");
    expect(msg).toContain("ratePerSec");
  });

  it("rate: source on a closed source too", () => {
    const msg = failure({}, { arrivals: { kind: "closed", k: 1 }, requests: 3 });
    expect(msg).toContain("closed arrivals");
  });

  it("with ratePerSec given, a batch source plans for delay", () => {
    const { report } = run({ ...inceptionScenario(), options: { decc: { ratePerSec: 10 } } }, "decc");
    expect((report.policy!["flows"] as Record<string, unknown>[])[0]!["ratePerSec"]).toBe(10);
  });
});
