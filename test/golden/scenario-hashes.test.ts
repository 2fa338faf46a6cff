// Every scenario under scenarios/ writes byte-identical files (report.json, requests.csv,
// resources.csv, ... per scheduler) before and after a change that should move nothing, such as
// the performance work of issue 15: their SHA-256 hashes are stored in scenario-hashes.json. Two
// long scenarios run shortened (SHORTER), so the test stays under a minute. A change that is meant to
// move results: `SPLITSIM_UPDATE_HASHES=1 npx vitest run test/golden/scenario-hashes.test.ts`, then
// look at `git diff` of the JSON (and at `splitsim regress`, which says what moved and by how much).
import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import { describe, expect, it } from "vitest";

const STORE = "test/golden/scenario-hashes.json";
const UPDATE = process.env["SPLITSIM_UPDATE_HASHES"] === "1";
/** Scenarios whose full runs take too long for a test (mm1: 2e5 requests; bps: 194,480 and a learner). */
const SHORTER: Record<string, string[]> = {
  "scenarios/examples/mm1.yaml": ["--set", "workload.requests=20000"],
  "scenarios/papers/bps.yaml": ["--set", "workload.requests=20000", "--set", "workload.warmupRequests=5000"],
};

const scenarios = readdirSync("scenarios", { recursive: true, encoding: "utf8" })
  .filter((f) => f.endsWith(".yaml"))
  .map((f) => join("scenarios", f))
  .sort();

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => relative(dir, join(e.parentPath, e.name)))
    .sort();
}

/** Runs the CLI on `file` into a fresh folder and hashes every file it wrote, by its path there. */
function hashesOf(file: string): Record<string, string> {
  const out = mkdtempSync(join(tmpdir(), "splitsim-hashes-"));
  const r = spawnSync(process.execPath, ["--import", "tsx", "src/cli/main.ts", "run", file, "--out", out, "--force", ...(SHORTER[file] ?? [])], { encoding: "utf8" });
  expect(r.status, r.stderr).toBe(0);
  return Object.fromEntries(filesUnder(out).map((f) => [f, createHash("sha256").update(readFileSync(join(out, f))).digest("hex").slice(0, 16)]));
}

describe("every scenario's output files, byte for byte", () => {
  const stored = JSON.parse(readFileSync(STORE, "utf8")) as Record<string, Record<string, string>>;
  const now: Record<string, Record<string, string>> = {};

  it("lists every scenario file in the store", () => {
    if (!UPDATE) expect(Object.keys(stored).sort()).toEqual(scenarios);
  });

  for (const file of scenarios) {
    it(file, () => {
      now[file] = hashesOf(file);
      if (UPDATE) {
        writeFileSync(STORE, JSON.stringify({ ...stored, ...now }, null, 2) + "\n");
        return;
      }
      expect(now[file]).toEqual(stored[file]);
    }, 120_000);
  }
});
