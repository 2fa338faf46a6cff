// Acceptance: a sweep killed with SIGKILL part-way and run again finishes with every run exactly
// once, redoing only what was not written; a last line cut off by the kill is dropped with a
// warning and its run redone, never trusted.
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { cli, freshDir, parsed, resultLines, smallGrid, startCli } from "./sweep-fixture.js";

const RUNS = 2 * 3 * 8; // 2 schedulers x 3 traces x seeds 1..8
const grid = (out: string) => [...smallGrid("1..8"), "--set", "workload.requests=1500", "--out", out, "--workers", "2"];

function lineCount(file: string): number {
  return existsSync(file) ? readFileSync(file, "utf8").split("\n").length - 1 : 0;
}

async function killAfterLines(args: string[], file: string, lines: number): Promise<void> {
  const child = startCli(args);
  const exited = new Promise<number | null>((done) => child.on("exit", (code) => done(code)));
  for (let waited = 0; lineCount(file) < lines; waited += 50) {
    if (waited > 120_000) throw new Error("the sweep wrote no results in two minutes");
    if (child.exitCode !== null) throw new Error(`the sweep ended (code ${child.exitCode}) before it could be killed`);
    await new Promise((r) => setTimeout(r, 50));
  }
  child.kill("SIGKILL");
  await exited;
}

describe("a killed sweep resumes", () => {
  it("after SIGKILL mid-way, a re-run does only the missing runs and ends with each run exactly once", async () => {
    const out = join(freshDir("sweep-kill"), "o");
    const file = join(out, "results.jsonl");
    await killAfterLines(grid(out), file, 6);
    const before = resultLines(out);
    expect(before.length).toBeGreaterThanOrEqual(6);
    expect(before.length).toBeLessThan(RUNS);

    const again = cli(grid(out));
    expect(again.code, again.stderr).toBe(0);
    expect(again.stderr).toContain(`(${RUNS - before.length} run now, ${before.length} already in ${out})`);
    const runs = parsed(out);
    expect(runs).toHaveLength(RUNS);
    expect(new Set(runs.map((r) => r.key)).size).toBe(RUNS);
    expect(new Set(runs.map((r) => `${r.point["trace.up"]}|${r.seed}|${r.scheduler}`)).size).toBe(RUNS);
    expect(runs.every((r) => r.report !== undefined)).toBe(true);
    // The lines written before the kill are kept as they were.
    for (const l of before) expect(resultLines(out)).toContain(l);
  });

  it("a last line cut off by a kill is dropped with a warning naming it, and its run is done again", () => {
    const out = join(freshDir("sweep-cut"), "o");
    const args = [...smallGrid("1"), "--out", out, "--workers", "1"];
    expect(cli(args).code).toBe(0);
    const whole = resultLines(out);
    // Keep five whole lines and half of the sixth, as a kill in the middle of a write would.
    const cut = whole[5]!.slice(0, 100);
    const text = whole.slice(0, 5).map((l) => `${l}\n`).join("") + cut;
    writeFileSync(join(out, "results.jsonl"), text);
    const again = cli(args);
    expect(again.code, again.stderr).toBe(0);
    expect(again.stderr).toContain(`${join(out, "results.jsonl")}:6: dropped a last line cut off by a killed sweep; its run is done again`);
    expect(again.stderr).toContain("(1 run now, 5 already in");
    expect(resultLines(out)).toEqual(whole);
  });

  it("a failed run is recorded with its error, does not stop the others, exits 1, and is tried again on resume", () => {
    const dir = freshDir("sweep-fail");
    const boom = join(dir, "boom.ts");
    writeFileSync(boom, `export default { description: "fails", options: [], create() { return { name: "boom", plan() { throw new Error("boom: this policy always fails"); } }; } };\n`);
    const out = join(dir, "o");
    const args = ["sweep", "scenarios/quickstart.yaml", "--scheduler", `device-only,${boom}`, "--seeds", "1..3", "--set", "workload.requests=150", "--out", out, "--workers", "1"];
    const r = cli(args);
    expect(r.code, r.stderr).toBe(1);
    expect(r.stderr).toContain("3 failed");
    expect(r.stderr).toMatch(/failed: boom, seed 1, point \{\}: .*boom: this policy always fails/);
    const runs = parsed(out);
    expect(runs.map((x) => [x.scheduler, x.seed, x.error === undefined])).toEqual([
      ["device-only", 1, true], ["boom", 1, false], ["device-only", 2, true], ["boom", 2, false], ["device-only", 3, true], ["boom", 3, false],
    ]);
    // A resume tries the failed runs again (they fail again here) and still keeps one line per run.
    const again = cli(args);
    expect(again.code).toBe(1);
    expect(again.stderr).toContain("(3 run now, 3 already in");
    expect(parsed(out)).toHaveLength(6);
  });
});
