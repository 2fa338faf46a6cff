// Runs the CLI in a child process without blocking the test worker, and returns its exit code and
// output whether it succeeded or not (a bad scenario exits 2: that is what the tests check).
import { execFile } from "node:child_process";
import { promisify } from "node:util";

const run = promisify(execFile);

export async function cliAsync(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return run(process.execPath, ["--import", "tsx", "src/cli/main.ts", ...args], { timeout: 30_000 })
    .then((r) => ({ code: 0, stdout: r.stdout, stderr: r.stderr }), (e: { code: number; stdout: string; stderr: string }) => ({ code: e.code, stdout: e.stdout, stderr: e.stderr }));
}
