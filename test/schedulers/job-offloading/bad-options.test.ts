// job-offloading's bad options through the real CLI, as a user meets them: each exits 2 with one
// plain line naming `options.job-offloading.<option>` and what is allowed, no stack trace and
// nothing on stdout. Option values are checked when the scenario loads; the two exhaustive caps
// (at most 8 jobs planned at once, at most 100 000 cut assignments) only when a batch is planned,
// so their message also names the scenario file and the scheduler that was running.
import { spawnSync } from "node:child_process";
import { describe, expect, it } from "vitest";

const PAPER = "scenarios/papers/job-offloading.yaml";

/** The paper scenario (VGG-16, a batch of 10 at 5.85 Mbit/s) with job-offloading only and more --set values. */
function run(...sets: string[]) {
  const args = ["run", PAPER, "--scheduler", "job-offloading", ...sets.flatMap((s) => ["--set", s])];
  const r = spawnSync(process.execPath, ["--import", "tsx", "src/cli/main.ts", ...args], { encoding: "utf8" });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** Exit 2, nothing on stdout, `message` on stderr, and no stack frame ("    at f (file:line)"). */
function expectRefused(r: ReturnType<typeof run>, message: RegExp): void {
  expect(r.stderr).toMatch(message);
  expect(r.code).toBe(2);
  expect(r.stdout).toBe("");
  expect(r.stderr).not.toMatch(/^\s+at .*[(:]/m);
  expect(r.stderr).not.toMatch(/Error:/);
}

const opt = (name: string, value: string | number) => `options.job-offloading.${name}=${value}`;

describe("job-offloading: bad options exit 2 naming the option and what is allowed", () => {
  it("an unknown mode lists the four modes", () => {
    expectRefused(run(opt("mode", "fastest")), /options\.job-offloading\.mode: .*"joint"\|"partition-only"\|"schedule-only"\|"exhaustive"/);
  });

  it("exhaustive on a batch of 9 (more than 8 planned at once)", () => {
    expectRefused(
      run(opt("mode", "exhaustive"), "workload.requests=9"),
      /running job-offloading: options\.job-offloading\.mode: exhaustive plans at most 8 jobs at once, and 9 arrived together/,
    );
  });

  it("exhaustive over the 100 000-assignment cap: 5 GoogLeNet jobs", () => {
    // GoogLeNet has 81 layers, so 82 topological-prefix cuts; with device time rising and cloud
    // time falling at every cut none is dominated, and 5 interchangeable jobs take a multiset of
    // 5 of 82 cuts: C(82 + 5 − 1, 5) = 86·85·84·83·82 / 120 = 34,826,302 assignments.
    expectRefused(
      run(opt("mode", "exhaustive"), "workload.model=googlenet", "workload.requests=5"),
      /options\.job-offloading\.mode: exhaustive would try 34826302 cut assignments for these 5 jobs \(at most 100000/,
    );
  });

  it("windowRequests and windowMs together", () => {
    expectRefused(run(opt("windowRequests", 3), opt("windowMs", 10)), /options\.job-offloading\.windowMs: give windowRequests or windowMs, not both/);
  });

  it("windowMs ≤ 0 or not a number", () => {
    for (const bad of [0, -5]) expectRefused(run(opt("windowMs", bad)), /options\.job-offloading\.windowMs: .*expected number to be >0/);
    expectRefused(run(opt("windowMs", "abc")), /options\.job-offloading\.windowMs: .*expected number, received string/);
  });

  it("windowRequests 0 or not a whole number", () => {
    expectRefused(run(opt("windowRequests", 0)), /options\.job-offloading\.windowRequests: .*expected number to be >=1/);
    // Not "is required": the value is there, it is the wrong kind of number.
    expectRefused(run(opt("windowRequests", 2.5)), /options\.job-offloading\.windowRequests: .*expected int, received number/);
  });

  it("cut with any mode but schedule-only (the default joint included)", () => {
    for (const mode of [null, "joint", "partition-only", "exhaustive"]) {
      const sets = mode === null ? [opt("cut", "pool5")] : [opt("mode", mode), opt("cut", "pool5")];
      expectRefused(run(...sets), /options\.job-offloading\.cut: cut is an option of mode schedule-only only/);
    }
  });

  it("a cut the model does not have (schedule-only) names the model and what a cut may be", () => {
    expectRefused(run(opt("mode", "schedule-only"), opt("cut", "nosuch")), /options\.job-offloading\.cut: model 'vgg16' has no layer 'nosuch' \(use "input" or a layer name\)/);
  });

  it("a misspelt option name suggests the right one and lists the options", () => {
    expectRefused(run("options.job-offloading.windowsMs=10"), /options\.job-offloading\.windowsMs: unknown option \(did you mean 'windowMs'\?\); options: mode, cut, bits, target, stages, candidates, dag, windowRequests, windowMs/);
  });
});
