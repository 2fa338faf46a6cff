// Bad input to `splitsim sweep` exits 2 before any run, saying what is wrong and where: an unknown
// --vary path (flag or file), an empty trace glob, a malformed shard, an --out of another grid, a
// results file with another grid's runs, a corrupt line.
import { appendFileSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { cli, freshDir, resultLines } from "./sweep-fixture.js";

const QUICK = ["sweep", "scenarios/quickstart.yaml", "--scheduler", "neurosurgeon", "--set", "workload.requests=150"];

function refused(args: string[], env: Record<string, string> = {}): string {
  const r = cli(args, env);
  expect(r.code, r.stderr).toBe(2);
  expect(r.stderr).not.toMatch(/\n\s+at /); // a message, not a stack
  return r.stderr;
}

describe("splitsim sweep refuses bad input with exit 2", () => {
  it("an unknown --vary path names the missing step and the closest key", () => {
    const out = join(freshDir("sweep-bad"), "o");
    expect(refused([...QUICK, "--vary", "links.upp.latencyMs=[1,2]", "--out", out]))
      .toContain("--vary links.upp.latencyMs: no 'upp' under links (did you mean 'up'?); the file has up, down");
    expect(refused([...QUICK, "--vary", "workload.arrivals.ratePerSex=[10,20]", "--out", out]))
      .toContain("--vary workload.arrivals.ratePerSex: no 'ratePerSex' under workload.arrivals (did you mean 'ratePerSec'?)");
    expect(refused([...QUICK, "--vary", "seed=[1,2]", "--out", out])).toContain("'seed' cannot be swept this way: sweep seeds with --seeds");
    expect(refused([...QUICK, "--vary", "workload.requests=300", "--out", out])).toContain("--vary 'workload.requests=300': give a list of values in brackets");
  });

  it("an unknown path in the scenario's sweep section names the file and sweep.vary", () => {
    const dir = freshDir("sweep-bad");
    const file = join(dir, "grid.yaml");
    writeFileSync(file, readFileSync("scenarios/quickstart.yaml", "utf8") + "sweep:\n  vary:\n    nodes.camera.servrs: [1, 2]\n");
    expect(refused(["sweep", file, "--out", join(dir, "o")])).toContain(`${file}: sweep.vary: nodes.camera.servrs: no 'servrs' under nodes.camera (did you mean 'servers'?)`);
  });

  it("a trace glob that matches nothing, and a trace for a link the scenario lacks", () => {
    const out = join(freshDir("sweep-bad"), "o");
    expect(refused([...QUICK, "--trace", "up=traces/*.nothing", "--out", out]))
      .toContain(`--trace up=traces/*.nothing: no trace file matches 'traces/*.nothing' (relative to ${process.cwd()})`);
    expect(refused([...QUICK, "--trace", "uplink=traces/*.csv", "--out", out])).toContain("--trace uplink: no 'uplink' under links");
  });

  it("a malformed shard, and --shard auto outside an array job", () => {
    const out = join(freshDir("sweep-bad"), "o");
    // Every form is checked in shard.test.ts; here, that the CLI turns them into exit 2.
    expect(refused([...QUICK, "--shard", "4/3", "--out", out])).toContain("--shard '4/3': give i/n with 1 <= i <= n");
    expect(refused([...QUICK, "--shard", "auto", "--out", out], { SLURM_ARRAY_TASK_ID: "", JOB_COMPLETION_INDEX: "" })).toContain("--shard auto: neither a Slurm array task");
  });

  it("an --out that holds another grid is refused naming the difference", () => {
    const dir = freshDir("sweep-bad");
    const out = join(dir, "o");
    expect(cli([...QUICK, "--seeds", "1..2", "--out", out]).code).toBe(0);
    expect(refused([...QUICK, "--seeds", "1..3", "--out", out])).toContain(`--out ${out} holds results of another grid (${join(out, "sweep.json")}): the seeds differ: 1..2 there, 1..3 here`);
    expect(refused([...QUICK, "--seeds", "1..2", "--set", "links.up.latencyMs=3", "--out", out]))
      .toContain('--set differs: ["workload.requests=150"] there, ["workload.requests=150", "links.up.latencyMs=3"] here');
    expect(refused([...QUICK, "--seeds", "1..2", "--vary", "links.up.latencyMs=[2,3]", "--out", out])).toContain("--vary links.up.latencyMs is swept here (2 values) but not there");
    writeFileSync(join(dir, "other.txt"), "x");
    expect(refused([...QUICK, "--out", dir])).toContain(`--out ${dir} is not empty and holds no sweep.json`);
    expect(refused([...QUICK, "--out", join(dir, "other.txt")])).toContain(`--out ${join(dir, "other.txt")} is a file, not a folder`);
  });

  it("a results file holding a run of another grid, or a corrupt line, is named with its line", () => {
    const dir = freshDir("sweep-bad");
    const [a, b] = [join(dir, "a"), join(dir, "b")];
    expect(cli([...QUICK, "--seeds", "1..2", "--out", a]).code).toBe(0);
    expect(cli([...QUICK, "--seeds", "5", "--out", b]).code).toBe(0);
    const ok = resultLines(a);
    appendFileSync(join(a, "results.jsonl"), `${resultLines(b)[0]}\n`);
    expect(refused([...QUICK, "--seeds", "1..2", "--out", a])).toMatch(new RegExp(`results\\.jsonl:3: run key [0-9a-f]{16} \\(neurosurgeon, seed 5, point \\{\\}\\) is not a run of this grid`));
    writeFileSync(join(a, "results.jsonl"), `${ok[0]}\n{"key": "12\n${ok[1]}\n`);
    expect(refused([...QUICK, "--seeds", "1..2", "--out", a])).toContain(`${join(a, "results.jsonl")}:2: corrupt line (not JSON:`);
  });
});
