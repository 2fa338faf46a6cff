// `splitsim trace generate rayleigh` as a user runs it: a file a scenario reads and runs on, the
// same blocks as the inline synthetic trace, and bad flags refused with exit 2.
import { execFile, spawnSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import { synthesize } from "../../src/platform/bandwidth/synthetic.js";
import { loadScenario } from "../../src/scenario/load.js";

function cli(...args: string[]) {
  const r = spawnSync(process.execPath, ["--import", "tsx", "src/cli/main.ts", ...args], { encoding: "utf8" });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

const BASE = { "bandwidth-mhz": "20", "snr-db": "10", "coherence-ms": "10", "duration-s": "5", seed: "4" } as Record<string, string | undefined>;
/** The base flags with some replaced (a repeated flag would be an array to yargs) or left out. */
const flags = (over: Record<string, string | undefined> = {}): string[] =>
  Object.entries({ ...BASE, ...over }).flatMap(([k, v]) => (v === undefined ? [] : [`--${k}`, v]));

describe("splitsim trace generate rayleigh", () => {
  it("writes a csv file that a scenario reads and runs on, with the inline trace's blocks", () => {
    const dir = mkdtempSync(join(tmpdir(), "splitsim-rayleigh-"));
    expect(cli("trace", "generate", "rayleigh", ...flags(), "--out", join(dir, "fading.csv")).code).toBe(0);
    const scenario = join(dir, "s.yaml");
    writeFileSync(scenario, `name: fading
model: alexnet
nodes: { cam: { device: jetson-nano }, edge: { device: a100 } }
links: { up: { from: cam, to: edge, trace: fading.csv, latencyMs: 5 } }
workload: { arrivals: { kind: periodic, fps: 5 }, requests: 10 }
`);
    const bw = loadScenario(scenario).links[0]!.bandwidth;
    const inline = synthesize({ kind: "rayleigh", bandwidthMhz: 20, snrDb: 10, coherenceMs: 10, durationS: 5, seed: 4 });
    expect(bw.kind).toBe("trace");
    if (bw.kind !== "trace") return;
    expect(Array.from(bw.data.startsNs)).toEqual(Array.from(inline.startsNs));
    expect(bw.data.periodNs).toBe(5e9);
    // The file holds Mbit/s to 6 decimals, so each rate is within 0.5 bit/s of the drawn one.
    bw.data.bps.forEach((b, i) => expect(Math.abs(b - inline.bps[i]!)).toBeLessThanOrEqual(0.5 + 1e-6));
    const run = cli("run", scenario, "--scheduler", "cloud-only", "--format", "json");
    expect(run.code, run.stderr).toBe(0);
  });

  it("chooses B from --mean-mbps: inspect reads a mean near it", () => {
    const dir = mkdtempSync(join(tmpdir(), "splitsim-rayleigh-"));
    const r = cli("trace", "generate", "rayleigh", ...flags({ "bandwidth-mhz": undefined, "mean-mbps": "100", "snr-db": "-3", "coherence-ms": "5", "duration-s": "500" }),
      "--format", "time-value", "--out", join(dir, "mean.log"));
    expect(r.code, r.stderr).toBe(0);
    const rows = JSON.parse(cli("trace", "inspect", join(dir, "mean.log"), "--json").stdout) as Array<{ meanMbps: number; durationS: number }>;
    // 10^5 blocks: the sd of the mean is about 0.3 %.
    expect(Math.abs(rows[0]!.meanMbps / 100 - 1)).toBeLessThan(0.01);
    expect(rows[0]!.durationS).toBe(500);
  });

  const bad: Array<[string, string[], RegExp]> = [
    ["neither bandwidth nor mean", flags({ "bandwidth-mhz": undefined }), /--bandwidth-mhz: give --bandwidth-mhz or --mean-mbps/],
    ["both bandwidth and mean", flags({ "mean-mbps": "50" }), /--bandwidth-mhz: give --bandwidth-mhz or --mean-mbps, not both/],
    ["a zero coherence", flags({ "coherence-ms": "0" }), /--coherence-ms: must be > 0 ms/],
    ["no SNR", flags({ "snr-db": undefined }), /--snr-db: give the mean SNR in dB/],
    ["too many blocks", flags({ "coherence-ms": "0.001", "duration-s": "100000" }), /--duration-s: would need 100000000000 coherence blocks/],
  ];
  for (const [what, args, message] of bad) {
    // Asynchronous, so that the cases run side by side.
    it.concurrent(`refuses ${what} with exit 2`, async () => {
      const r = await promisify(execFile)(process.execPath, ["--import", "tsx", "src/cli/main.ts", "trace", "generate", "rayleigh", ...args])
        .then(() => ({ code: 0, stderr: "" }), (e: { code: number; stderr: string }) => e);
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(message);
      expect(r.stderr).not.toMatch(/\n\s+at /);
    });
  }
});
