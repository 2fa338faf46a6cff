// The bundled CLI (scripts/bundle-cli.mjs, what `splitsim` runs after `npm ci`) behaves as the
// TypeScript sources do: same bytes on stdout for a run, the same sweep lines on worker threads
// (the pool finds its worker beside the bundle's chunks), the same exit code and message for bad
// input. Built afresh into test-artifacts/ so a stale dist/ can neither pass nor fail it.
import { spawnSync } from "node:child_process";
import { mkdirSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { join, resolve } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { freshDir } from "../research/sweep-fixture.js";

// Inside the repository: the bundle finds package.json (--version) and chart.js by walking up.
const OUT = resolve("test-artifacts/cli-bundle");
const MAIN = join(OUT, "main.js");

const fromSource = (args: string[]) => spawnSync(process.execPath, ["--import", "tsx", "src/cli/main.ts", ...args], { encoding: "utf8" });
const fromBundle = (args: string[]) => spawnSync(process.execPath, [MAIN, ...args], { encoding: "utf8" });

describe("the bundled CLI", () => {
  beforeAll(() => {
    rmSync(OUT, { recursive: true, force: true });
    mkdirSync(OUT, { recursive: true });
    const b = spawnSync(process.execPath, ["scripts/bundle-cli.mjs", OUT], { encoding: "utf8" });
    expect(b.status, b.stderr).toBe(0);
  }, 60_000);

  it("carries zod's English messages only (its other locales were ~300 KB of every start-up)", () => {
    const js = readdirSync(OUT).filter((f) => f.endsWith(".js")).map((f) => readFileSync(join(OUT, f), "utf8")).join("\n");
    expect(js).toContain("Invalid input");
    // German and French messages of zod's locales, as zod 4 words them.
    expect(js).not.toContain("Ung\\xFCltige Eingabe");
    expect(js).not.toContain("Ungültige Eingabe");
    expect(js).not.toContain("Entr\\xE9e invalide");
    expect(js).not.toContain("Entrée invalide");
  });

  it("prints the package's version", () => {
    const version = JSON.parse(readFileSync("package.json", "utf8")).version as string;
    expect(fromBundle(["--version"]).stdout.trim()).toBe(version);
  });

  it("prints the same run, byte for byte, as the sources", () => {
    const args = ["run", "scenarios/quickstart.yaml", "--set", "workload.requests=300", "--format", "json"];
    const a = fromBundle(args);
    expect(a.status, a.stderr).toBe(0);
    expect(a.stdout).toBe(fromSource(args).stdout);
  }, 60_000);

  it("runs a sweep on two worker threads to the lines of the sources' sweep", () => {
    const [one, two] = [freshDir("bundle-src"), freshDir("bundle-bin")];
    const args = ["sweep", "scenarios/quickstart.yaml", "--scheduler", "cloud-only", "--seeds", "1..3", "--set", "workload.requests=150", "--workers", "2"];
    expect(fromSource([...args, "--out", one]).status).toBe(0);
    const b = fromBundle([...args, "--out", two]);
    expect(b.status, b.stderr).toBe(0);
    expect(readFileSync(join(two, "results.jsonl"), "utf8")).toBe(readFileSync(join(one, "results.jsonl"), "utf8"));
  }, 60_000);

  it("answers bad input with exit 2 and the sources' message", () => {
    const args = ["run", "scenarios/quickstart.yaml", "--set", "workload.requests=-1"];
    const a = fromBundle(args);
    expect(a.status).toBe(2);
    expect(a.stderr).toBe(fromSource(args).stderr);
  }, 60_000);
});
