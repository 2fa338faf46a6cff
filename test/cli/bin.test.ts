// The documented command: ./splitsim in a clone prints nothing but its output, so JSON parses
// (in Python too, as the README shows) and the version answers.
import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";

const hasPython = spawnSync("python3", ["--version"]).status === 0;
if (!hasPython) console.warn("bin.test: skipping the Python parse: python3 is not installed");

describe("./splitsim", () => {
  it("--format json is a JSON array and nothing else on stdout", () => {
    const r = spawnSync("./splitsim", ["run", "scenarios/quickstart.yaml", "--set", "workload.requests=200", "--format", "json"], { encoding: "utf8" });
    expect(r.status).toBe(0);
    expect((JSON.parse(r.stdout) as unknown[]).length).toBe(4);
  });

  it("--version prints the package's version and nothing else", () => {
    const r = spawnSync("./splitsim", ["--version"], { encoding: "utf8" });
    expect(r.status).toBe(0);
    expect(r.stdout).toBe(`${JSON.parse(readFileSync("package.json", "utf8")).version}\n`);
  });

  it.skipIf(!hasPython)("pipes into Python's json.load, as the README shows", () => {
    const r = spawnSync("sh", ["-c", "./splitsim run scenarios/quickstart.yaml --set workload.requests=200 --format json | python3 -c 'import json,sys; print(len(json.load(sys.stdin)))'"], { encoding: "utf8" });
    expect(r.stdout.trim()).toBe("4");
  });
});
