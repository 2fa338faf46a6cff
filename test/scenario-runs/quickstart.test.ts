// The quickstart teaches: every policy keeps up (no node or link is busy all the time), their mean
// latencies differ by at least 20 % pairwise, and neurosurgeon (queue-aware) is the fastest. The
// overload example is the opposite: some resource is saturated under every policy.
import { describe, expect, it } from "vitest";
import { generateWorkload } from "../../src/scenario/generate-workload.js";
import { loadScenario } from "../../src/scenario/load.js";
import { runScenario } from "../../src/scenario/run.js";

function reports(file: string, sets: string[] = []) {
  const s = loadScenario(file, { sets });
  const workload = generateWorkload(s);
  return s.schedulers.map((name) => runScenario(s, name, { workload, keepRequests: false }).report);
}

describe("the quickstart", () => {
  it("four policies, all stable, pairwise ≥ 20 % apart in mean latency, neurosurgeon the fastest", () => {
    const rs = reports("scenarios/quickstart.yaml");
    expect(rs.map((r) => r.scheduler)).toEqual(["device-only", "cloud-only", "fixed-split", "neurosurgeon"]);
    for (const r of rs) for (const res of Object.values(r.resources)) expect(res.utilisation).toBeLessThan(0.8);
    const means = rs.map((r) => r.latencyMs.mean);
    for (let i = 0; i < means.length; i++)
      for (let j = i + 1; j < means.length; j++) expect(Math.max(means[i]!, means[j]!) / Math.min(means[i]!, means[j]!)).toBeGreaterThanOrEqual(1.2);
    expect(Math.min(...means)).toBe(means[3]);
  });

  it("the overload example saturates something under every policy", () => {
    for (const r of reports("scenarios/examples/overload.yaml", ["workload.requests=600"])) {
      expect(Math.max(...Object.values(r.resources).map((res) => res.utilisation))).toBeGreaterThan(0.95);
    }
  });
});

describe("the overload example on the command line", () => {
  it("warns on stderr and reports stable: false", async () => {
    const { spawnSync } = await import("node:child_process");
    const r = spawnSync(process.execPath, ["--import", "tsx", "src/cli/main.ts", "run", "scenarios/examples/overload.yaml", "--set", "workload.requests=600", "--format", "json"], { encoding: "utf8" });
    expect(r.status).toBe(0);
    expect(r.stderr).toMatch(/warning: device-only is unstable \(offered load phone at \d+ % of capacity\)/);
    expect((JSON.parse(r.stdout) as Array<{ stable: boolean }>).every((x) => x.stable === false)).toBe(true);
    const calm = spawnSync(process.execPath, ["--import", "tsx", "src/cli/main.ts", "run", "scenarios/quickstart.yaml", "--set", "workload.requests=600"], { encoding: "utf8" });
    expect(calm.stderr).not.toMatch(/unstable/);
  });
});
