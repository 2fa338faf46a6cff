// The CLI as a user runs it: exit codes, stdout formats, --out safety, and error reporting.
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync, existsSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";

function cli(...args: string[]) {
  const r = spawnSync(process.execPath, ["--import", "tsx", "src/cli/main.ts", ...args], { encoding: "utf8" });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

const SMALL = ["--set", "workload.requests=50", "--set", "workload.warmupRequests=0"];

describe("splitsim run", () => {
  it("says when a link has no way back (results then stay where the work ended)", () => {
    const oneWay = cli("run", "scenarios/papers/job-offloading.yaml", "--set", "workload.requests=2", "--scheduler", "cloud-only");
    expect(oneWay.code).toBe(0);
    expect(oneWay.stderr).toMatch(/note: no link from 'server' back to 'pi' \(link 'up' is one-way\)/);
    expect(cli("run", "scenarios/quickstart.yaml", ...SMALL, "--scheduler", "cloud-only").stderr).not.toMatch(/one-way/);
  });

  it("--scheduler all runs what the scenario can configure and names what it skipped and why", () => {
    // overload.yaml gives no fixed-split cut and no edgent deadline.
    const r = cli("run", "scenarios/examples/overload.yaml", ...SMALL, "--scheduler", "all", "--format", "json");
    expect(r.code).toBe(0);
    const names = (JSON.parse(r.stdout) as Array<{ scheduler: string }>).map((x) => x.scheduler);
    expect(names).toEqual(["device-only", "cloud-only", "neurosurgeon", "dads", "job-offloading", "decc", "bps", "halp", "rfs", "modnn"]);
    expect(r.stderr).toMatch(/skipping fixed-split \(it needs options\.fixed-split\.cut\)/);
    expect(r.stderr).toMatch(/skipping edgent \(it needs options\.edgent\.deadlineMs\)/);
  });

  it("prints a table with one row per scheduler", () => {
    const r = cli("run", "scenarios/quickstart.yaml", ...SMALL);
    expect(r.code).toBe(0);
    const lines = r.stdout.trim().split("\n");
    expect(lines[1]).toMatch(/^scheduler\s+completed/);
    expect(lines.slice(3).map((l) => l.split(/\s+/)[0])).toEqual(["device-only", "cloud-only", "fixed-split", "neurosurgeon"]);
  });

  it("--scheduler given twice runs both (as a comma-separated list would)", () => {
    const r = cli("run", "scenarios/quickstart.yaml", ...SMALL, "--scheduler", "device-only", "--scheduler", "cloud-only", "--format", "json");
    expect(r.code).toBe(0);
    expect((JSON.parse(r.stdout) as Array<{ scheduler: string }>).map((x) => x.scheduler)).toEqual(["device-only", "cloud-only"]);
  });

  it("bps writes its decision log as policy-decisions.csv next to report.json", () => {
    const out = join(mkdtempSync(join(tmpdir(), "splitsim-bps-")), "out");
    const r = cli("run", "scenarios/papers/bps.yaml", "--set", "workload.requests=600", "--set", "workload.warmupRequests=0", "--scheduler", "bps", "--out", out);
    expect(r.code).toBe(0);
    const csv = readFileSync(join(out, "bps", "policy-decisions.csv"), "utf8").trim().split("\n");
    expect(csv[0]).toBe("action,config,epsilon,flow,reward,tMs,throughputPerSec");
    // 600 requests at 74.8/s: about 8 s of arrivals, one row per second, plus the drain.
    expect(csv.length - 1).toBeGreaterThanOrEqual(5);
    expect(readFileSync(join(out, "bps", "requests.csv"), "utf8").split("\n")[0]).toMatch(/,lane,k,b,codec$/);
  });

  it("--format json prints only a JSON array with one report per scheduler", () => {
    const r = cli("run", "scenarios/quickstart.yaml", ...SMALL, "--scheduler", "device-only,cloud-only", "--format", "json");
    expect(r.code).toBe(0);
    const reports = JSON.parse(r.stdout) as Array<{ scheduler: string; requests: { admitted: number } }>;
    expect(reports.map((x) => x.scheduler)).toEqual(["device-only", "cloud-only"]);
    expect(reports[0]!.requests.admitted).toBe(50);
  });

  it("--out writes report.json, requests.csv and resources.csv per scheduler and refuses a non-empty dir", () => {
    const dir = mkdtempSync(join(tmpdir(), "splitsim-out-"));
    const out = join(dir, "results");
    expect(cli("run", "scenarios/quickstart.yaml", ...SMALL, "--scheduler", "neurosurgeon", "--out", out).code).toBe(0);
    for (const f of ["report.json", "requests.csv", "resources.csv"]) expect(existsSync(join(out, "neurosurgeon", f))).toBe(true);
    const csvLines = readFileSync(join(out, "neurosurgeon", "requests.csv"), "utf8").trim().split("\n");
    expect(csvLines).toHaveLength(51);
    const again = cli("run", "scenarios/quickstart.yaml", ...SMALL, "--scheduler", "neurosurgeon", "--out", out);
    expect(again.code).toBe(2);
    expect(again.stderr).toMatch(/not empty.*--force/);
    expect(cli("run", "scenarios/quickstart.yaml", ...SMALL, "--scheduler", "neurosurgeon", "--out", out, "--force").code).toBe(0);
  });

  it("an invalid scenario with three mistakes prints all three with their paths and exits 2", () => {
    const dir = mkdtempSync(join(tmpdir(), "splitsim-bad-"));
    const file = join(dir, "bad.yaml");
    writeFileSync(
      file,
      [
        "name: bad",
        "model: resnet50",
        "nodes:",
        "  phone: { device: jetson-nano, servers: 0 }", // mistake 1: servers must be >= 1
        "  cloud: { device: a100 }",
        "links:",
        "  up: { from: phone, to: nowhere, bandwidthMbps: 10 }", // mistake 2: unknown node
        "workload:",
        "  arrivals: { kind: periodic, fps: -3 }", // mistake 3: fps must be > 0
        "  requests: 10",
      ].join("\n"),
    );
    const r = cli("run", file);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/:4: nodes\.phone\.servers/);
    expect(r.stderr).toMatch(/:7: links\.up\.to/);
    expect(r.stderr).toMatch(/:9: workload\.arrivals\.fps/);
    expect(r.stderr).not.toMatch(/\n\s+at /); // no stack trace
  });

  it("a --seed that is not a whole number is refused with exit code 2", () => {
    const r = cli("run", "scenarios/quickstart.yaml", "--seed", "abc");
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/--seed: give a whole number/);
  });

  it("a missing scenario file is a clear error with exit code 2", () => {
    const r = cli("run", "scenarios/does-not-exist.yaml");
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/does-not-exist\.yaml/);
  });

  it("lists the built-in schedulers, models and devices", () => {
    expect(cli("schedulers").stdout).toMatch(/neurosurgeon: .*\n\s+objective/);
    expect(cli("models").stdout).toMatch(/resnet50/);
    expect(cli("devices").stdout).toMatch(/jetson-nano/);
    // The Pis' 4 cores (what nodes.<n>.threads may use); GPUs show none.
    const devices = cli("devices").stdout;
    expect(devices).toMatch(/^raspberry-pi-4 +end +mobile-cpu +4 /m);
    expect(devices).toMatch(/^a100 +cloud +compiled, eager +- /m);
  });
});
