// Plug-in schedulers from the command line: a scenario names a policy file, the CLI runs it with
// its own requests.csv columns and report.policy, lists its options, and every broken plug-in
// gives exit 2 with the file and the reason (no stack trace unless --debug).
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { describe, expect, it } from "vitest";

function cli(...args: string[]) {
  const r = spawnSync(process.execPath, ["--import", "tsx", "src/cli/main.ts", ...args], { encoding: "utf8" });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

const SRC = resolve("src/index.js");
const LOCAL = `import { makePlan } from ${JSON.stringify(SRC)};
const local = (req, ctx) => makePlan([{ kind: "compute", station: 0, cost: ctx.computeCost(0, ctx.model(req.model), [0]), deps: [] }],
  { cut: "work", bits: 0, bytesSent: 0, accuracyLossPct: 0 });`;

/** A scenario in a fresh directory using the plug-in `policy.ts` (and `extra` scenario lines). */
function withPlugin(policy: string, extra = ""): string {
  const dir = mkdtempSync(join(tmpdir(), "splitsim-plugin-"));
  writeFileSync(join(dir, "policy.ts"), policy);
  writeFileSync(join(dir, "s.yaml"), [
    "name: plug",
    "model: { name: net, input: { shape: [1] }, layers: [{ name: work, outputShape: [1], macs: 0, timeMs: 1 }] }",
    "nodes: { box: { device: jetson-nano } }",
    "workload: { arrivals: { kind: batch }, requests: 3 }",
    "schedulers: [./policy.ts]",
    extra,
  ].join("\n"));
  return join(dir, "s.yaml");
}

describe("plug-in schedulers on the command line", () => {
  it("the example plug-in runs from its scenario with its own requests.csv columns and report.policy", () => {
    const out = join(mkdtempSync(join(tmpdir(), "splitsim-out-")), "r");
    const r = cli("run", "scenarios/examples/offload-when-busy.yaml", "--set", "workload.requests=30", "--set", "workload.warmupRequests=0", "--out", out);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^offload-when-busy\s+30\s+0/m);
    const csv = readFileSync(join(out, "offload-when-busy", "requests.csv"), "utf8").trim().split("\n");
    expect(csv[0]!.endsWith(",dropReason,warmup,mode,deviceBacklog")).toBe(true);
    // The first frame finds the device idle; the second (33 ms later) finds it still busy (56 ms a frame).
    expect(csv[1]!.endsWith(",local,0")).toBe(true);
    expect(csv[2]!.endsWith(",offload,1")).toBe(true);
    const report = JSON.parse(readFileSync(join(out, "offload-when-busy", "report.json"), "utf8")) as { policy: { local: number; offloaded: number } };
    const modes = csv.slice(1).map((l) => l.split(",").at(-2));
    expect(report.policy).toEqual({ local: modes.filter((m) => m === "local").length, offloaded: modes.filter((m) => m === "offload").length });
  });

  it("--scheduler takes a plug-in file too (relative to where the command runs), beside built-ins", () => {
    const r = cli("run", "scenarios/quickstart.yaml", "--set", "workload.requests=20", "--set", "workload.warmupRequests=0",
      "--scheduler", "device-only,scenarios/examples/policies/offload-when-busy.ts", "--format", "json");
    expect(r.code).toBe(0);
    const reports = JSON.parse(r.stdout) as Array<{ scheduler: string; requests: { completed: number }; policy?: { local: number; offloaded: number } }>;
    expect(reports.map((x) => x.scheduler)).toEqual(["device-only", "offload-when-busy"]);
    expect(reports[1]!.policy!.local + reports[1]!.policy!.offloaded).toBe(20);
    const missing = cli("run", "scenarios/quickstart.yaml", "--scheduler", "./nope.ts");
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/--scheduler: plug-in file not found: \.\/nope\.ts/);
  });

  it("`splitsim schedulers --plugin` lists the plug-in's options and columns", () => {
    const r = cli("schedulers", "--plugin", "scenarios/examples/policies/offload-when-busy.ts");
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^offload-when-busy: run on the device unless it is busy/m);
    expect(r.stdout).toMatch(/threshold \(whole number >= 1, default 1\)/);
    expect(r.stdout).toMatch(/requests.csv column mode:/);
  });

  it("a plug-in file that does not exist: exit 2 naming the file, at its line in the scenario", () => {
    const file = withPlugin("export default {}");
    writeFileSync(file, readFileSync(file, "utf8").replace("./policy.ts", "./nope.ts"));
    const r = cli("run", file);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/s\.yaml:5: schedulers\.0: plug-in file not found: \.\/nope\.ts/);
  });

  it("a plug-in without a default export: exit 2 saying what to export", () => {
    const r = cli("run", withPlugin("export const factory = {};"));
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/\.\/policy\.ts: the plug-in has no default export; write export default \{ description/);
    expect(r.stderr).not.toMatch(/^\s+at /m);
  });

  it("a plug-in whose create() throws: exit 2 with the file and the message", () => {
    const r = cli("run", withPlugin(`export default { description: "x", options: [], create() { throw new Error("boom"); } };`));
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/\.\/policy\.ts: create\(\) of scheduler 'policy' threw: boom/);
  });

  it("a plug-in that returns an invalid plan: exit 2 naming the scheduler and the request, no stack", () => {
    const r = cli("run", withPlugin(`${LOCAL}
import { makePlan as mk } from ${JSON.stringify(SRC)};
export default { description: "x", options: [], create: () => ({ name: "policy",
  plan: (req, ctx) => mk([{ kind: "compute", station: 3, cost: ctx.computeCost(0, ctx.model(req.model), [0]), deps: [] }], { cut: "w", bits: 0, bytesSent: 0, accuracyLossPct: 0 }) }) };`));
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/policy: the plan for request 0 cannot run: step 0 computes on station 3, which does not exist/);
    expect(r.stderr).not.toMatch(/^\s+at /m);
  });

  it("a plug-in that throws while planning: exit 2 naming the file; --debug adds the stack", () => {
    const file = withPlugin(`export default { description: "x", options: [], create: () => ({ name: "policy", plan: () => { throw new TypeError("oops"); } }) };`);
    const r = cli("run", file);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/\.\/policy\.ts: scheduler 'policy' failed at 0 s: oops/);
    expect(r.stderr).not.toMatch(/^\s+at /m);
    expect(cli("run", file, "--debug").stderr).toMatch(/^\s+at /m);
  });

  it("a bad option for a plug-in is reported at its path, like a built-in's", () => {
    const file = withPlugin(`${LOCAL}
import { parseOptions } from ${JSON.stringify(SRC)};
import { z } from ${JSON.stringify(resolve("node_modules/zod/index.js"))};
export default { description: "x", options: ["depth (whole number)"],
  create(o) { parseOptions("policy", z.strictObject({ depth: z.number().int() }), o); return { name: "policy", plan: local }; } };`,
    "options: { policy: { depth: 1.5 } }");
    const r = cli("run", file);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/options\.policy\.depth: /);
  });

  it("a plug-in named like a built-in is refused: rename the file", () => {
    const file = withPlugin("export default {}");
    const dir = join(file, "..");
    writeFileSync(join(dir, "neurosurgeon.ts"), "export default {}");
    writeFileSync(file, readFileSync(file, "utf8").replace("./policy.ts", "./neurosurgeon.ts"));
    const r = cli("run", file);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/would be named 'neurosurgeon', which is a built-in scheduler: rename the file/);
  });
});
