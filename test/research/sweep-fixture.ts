// Helpers of the sweep and merge tests: the real CLI in a child process, fresh folders, and a
// small grid on the repository's own traces (2 schedulers x 3 traces x 5 seeds, 200 requests).
import { spawn, spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

export function cli(args: readonly string[], env: Record<string, string> = {}) {
  const r = spawnSync(process.execPath, ["--import", "tsx", "src/cli/main.ts", ...args], { encoding: "utf8", env: { ...process.env, ...env } });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** The CLI started without waiting (for the test that kills it). */
export function startCli(args: readonly string[]) {
  return spawn(process.execPath, ["--import", "tsx", "src/cli/main.ts", ...args], { stdio: ["ignore", "ignore", "pipe"] });
}

export function freshDir(label: string): string {
  return mkdtempSync(join(tmpdir(), `splitsim-${label}-`));
}

/** The quickstart over three repository traces with a random trace offset per seed. */
export function smallGrid(seeds = "1..5"): string[] {
  return [
    "sweep", "scenarios/quickstart.yaml", "--scheduler", "device-only,neurosurgeon",
    "--trace", "up=traces/*.{csv,up}", "--seeds", seeds,
    "--set", "workload.requests=200", "--set", "workload.warmupRequests=20", "--set", "links.up.offsetS=random",
  ];
}
export const SMALL_GRID = smallGrid();

export const SMALL_GRID_RUNS = 2 * 3 * 5;

export function resultLines(dir: string): string[] {
  return readFileSync(join(dir, "results.jsonl"), "utf8").split("\n").filter((l) => l !== "");
}

export function parsed(dir: string): Array<{ key: string; point: Record<string, unknown>; scheduler: string; seed: number; report?: Record<string, unknown>; error?: string }> {
  return resultLines(dir).map((l) => JSON.parse(l));
}
