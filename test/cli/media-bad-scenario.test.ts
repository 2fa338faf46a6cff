// `splitsim run` on a scenario with a bad medium exits 2 with the problem's path and message (no
// stack trace), and runs a good one, reporting the medium as one resource.
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { cliAsync } from "./cli-async.js";

const dir = mkdtempSync(join(tmpdir(), "splitsim-media-"));
const scenario = (name: string, medium: string): string => {
  const p = join(dir, name);
  writeFileSync(p, `name: m
model: alexnet
nodes: { cam: { device: jetson-nano }, edge: { device: a100 } }
media: { wifi: { bandwidthMbps: 50, latencyMs: 2 } }
links:
  up: { from: cam, to: edge, medium: ${medium} }
  down: { from: edge, to: cam, medium: wifi }
workload: { arrivals: { kind: periodic, fps: 5 }, requests: 10 }
schedulers: [cloud-only]
`);
  return p;
};

const cli = cliAsync;

describe("splitsim run with media", () => {
  it("exits 2 on an unknown medium, naming the path and the closest medium", async () => {
    const r = await cli(["run", scenario("bad.yaml", "wify")]);
    expect(r.code, r.stderr).toBe(2);
    expect(r.stderr).toMatch(/bad\.yaml:6: links\.up\.medium: no medium named 'wify' \(did you mean 'wifi'\?\)/);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });

  it("runs a good one and reports the medium as one resource", async () => {
    const r = await cli(["run", scenario("good.yaml", "wifi"), "--format", "json"]);
    expect(r.code, r.stderr).toBe(0);
    const [report] = JSON.parse(r.stdout) as Array<{ resources: Record<string, unknown> }>;
    expect(Object.keys(report!.resources)).toEqual(["cam", "edge", "wifi"]);
  });
});
