// Edgent from the command line: requests.csv gains the `exit` column and refusals carry the reason
// "infeasible"; bad input (a model without exits or without a final accuracy, no deadline, a
// deadline <= 0, an unknown `infeasible`) exits 2 naming the scheduler, the option and what is allowed.
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";

const PAPER = "scenarios/papers/edgent.yaml";

function cli(...args: string[]) {
  const r = spawnSync(process.execPath, ["--import", "tsx", "src/cli/main.ts", ...args], { encoding: "utf8" });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** The paper scenario (or `file`) with edgent only, three requests, more --set values, and `--out dir`. */
const edgent = (sets: string[], out?: string, file = PAPER) =>
  cli("run", file, "--scheduler", "edgent", "--set", "workload.requests=3", ...sets.flatMap((s) => ["--set", s]), ...(out ? ["--out", out] : []));

describe("edgent on the command line", () => {
  it("writes the exit taken in requests.csv, and a refusal's reason in dropReason", () => {
    const out = join(mkdtempSync(join(tmpdir(), "splitsim-edgent-")), "r");
    // resnet18 on the Pi: exit3 takes 133.09 ms (within 150; the full model 171.89); nothing fits
    // within 50 ms (exit1 takes 55.42 ms, any offload over 2 s at 0.5 Mbit/s).
    expect(edgent([], out).code).toBe(0);
    const csv = readFileSync(join(out, "edgent", "requests.csv"), "utf8").trim().split("\n");
    expect(csv[0]!.endsWith(",dropReason,warmup,exit")).toBe(true);
    expect(csv.slice(1).map((l) => l.split(",").slice(-3).join(","))).toEqual(Array(3).fill(",false,exit3"));
    const report = JSON.parse(readFileSync(join(out, "edgent", "report.json"), "utf8")) as { policy: unknown };
    expect(report.policy).toEqual({ exits: { final: 0, exit3: 3, exit2: 0, exit1: 0 }, refused: 0, infeasibleRanFastest: 0 });

    const refused = join(mkdtempSync(join(tmpdir(), "splitsim-edgent-")), "r");
    expect(edgent(["workload.deadlineMs=50"], refused).code).toBe(0);
    const rows = readFileSync(join(refused, "edgent", "requests.csv"), "utf8").trim().split("\n").slice(1);
    expect(rows.map((l) => l.split(",").slice(-3).join(","))).toEqual(Array(3).fill("infeasible,false,"));
  });

  it("a model without exits exits 2 and names the models that have them", () => {
    const r = edgent(["workload.model=vgg16"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/options\.edgent: model 'vgg16' has no early exits; edgent needs a model with exits \(built in: alexnet \(one exit\), resnet18, resnet50, resnet101/);
    expect(r.stdout).toBe("");
  });

  it("a model with exits but no final accuracy exits 2", () => {
    const dir = mkdtempSync(join(tmpdir(), "splitsim-edgent-"));
    writeFileSync(join(dir, "m.json"), JSON.stringify({
      name: "noacc", input: { shape: [4] },
      layers: [{ name: "a", outputShape: [4], macs: 1 }, { name: "b", outputShape: [2], macs: 1 }],
      exits: [{ name: "x", after: "a", accuracy: 50, layers: [{ name: "x.fc", outputShape: [2], macs: 1 }] }],
    }));
    const r = edgent([`workload.model=${join(dir, "m.json")}`]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/options\.edgent: model 'noacc' gives no accuracy for its final classifier/);
  });

  it("no deadline (neither the source's nor the option) exits 2 naming both places", () => {
    const dir = mkdtempSync(join(tmpdir(), "splitsim-edgent-"));
    const text = readFileSync(PAPER, "utf8");
    expect(text).toMatch(/^  deadlineMs: 150\n/m);
    writeFileSync(join(dir, "s.yaml"), text.replace(/^  deadlineMs: 150\n/m, ""));
    const r = edgent([], undefined, join(dir, "s.yaml"));
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/options\.edgent\.deadlineMs: source 0 has no deadline: give its deadlineMs \(workload\.deadlineMs\) or options\.edgent\.deadlineMs, in ms > 0/);
  });

  it("a deadlineMs <= 0 and an unknown infeasible exit 2 with the option and the allowed values", () => {
    for (const bad of ["0", "-5"]) {
      const r = edgent([`options.edgent.deadlineMs=${bad}`]);
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(/options\.edgent\.deadlineMs: deadlineMs must be a number of ms > 0/);
    }
    const r = edgent(["options.edgent.infeasible=maybe"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/options\.edgent\.infeasible: .*"refuse"\|"fastest"/);
  });
});
