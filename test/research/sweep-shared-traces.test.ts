// A sweep over the real traces of the shared folder: every file of every dataset is one point, read
// in its own format, and each run finishes. Skipped (saying so) when the folder is not there.
import { join, relative } from "node:path";
import { describe, expect, it } from "vitest";
import { sharedFolder } from "../platform/shared-traces.js";
import { cli, freshDir, parsed } from "./sweep-fixture.js";

const { root, present, inCi } = sharedFolder("traces", "README.md");
const label = present ? "a sweep over shared/traces" : `a sweep over shared/traces (skipped: ${root} not found)`;

describe.skipIf(!present && !inCi)(label, () => {
  it("the 40 files of the six datasets are 40 points, named relative to the scenario, and every run has a report", () => {
    const out = join(freshDir("sweep-shared"), "o");
    const r = cli(["sweep", "scenarios/quickstart.yaml", "--scheduler", "neurosurgeon", "--trace", `up=${root}*/**/*`,
      "--set", "links.up.offsetS=random", "--set", "workload.requests=150", "--set", "workload.warmupRequests=10", "--out", out]);
    expect(r.code, r.stderr).toBe(0);
    const runs = parsed(out);
    expect(runs).toHaveLength(40);
    expect(runs.every((x) => x.report !== undefined)).toBe(true);
    const expected = relative(join(process.cwd(), "scenarios"), join(root, "mahimahi", "ATT-LTE-driving.up"));
    expect(runs.map((x) => x.point["trace.up"])).toContain(expected);
    const datasets = new Set(runs.map((x) => (x.point["trace.up"] as string).split("/traces/")[1]!.split("/")[0]));
    expect([...datasets].sort()).toEqual(["lumos5g", "mahimahi", "oboe", "pensieve-fcc", "pensieve-norway-hsdpa", "ucc-5g"]);
  });
});
