// Hand-made results.jsonl lines for the compare tests, in the sweep's line format: a RunReport of
// plausible shape whose p95 latency, throughput and bubble ratio are the values a test chooses.
import { createHash } from "node:crypto";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { RunReport } from "../../src/metrics/report.js";

export interface Values {
  p95: number;
  throughput?: number;
  bubble?: number;
}

export function fakeReport(scheduler: string, seed: number, v: Values): RunReport {
  return {
    scenario: "fixture", scheduler, seed, scenarioHash: "0123456789abcdef", estimator: "oracle", options: {},
    requests: { admitted: 100, completed: 100, dropped: 0, deadlineMissed: 0, measured: 100 },
    latencyMs: { mean: v.p95 / 2, p50: v.p95 / 2, p90: v.p95 * 0.9, p95: v.p95, p99: v.p95 * 1.1, max: v.p95 * 1.2 },
    throughputPerSec: v.throughput ?? 30,
    makespanMs: 3400,
    stable: true,
    window: { t0Ms: 0, t1Ms: 3400, measuredFromMs: 0, warmupRequests: 0, emptyMs: 0 },
    bubbleRatio: { overall: v.bubble ?? 0.5, active: 0.4, excludingStarved: 0.3 },
    resources: {},
    accuracy: { meanLossPct: 0 },
  };
}

/** A run key as the sweep makes one: a hash of what identifies the run. */
function runKey(scheduler: string, seed: number, point: Record<string, unknown>): string {
  return createHash("sha256").update(JSON.stringify([scheduler, seed, point])).digest("hex").slice(0, 16);
}

export function line(scheduler: string, seed: number, v: Values, point: Record<string, unknown> = {}): string {
  return JSON.stringify({ key: runKey(scheduler, seed, point), point, scheduler, seed, report: fakeReport(scheduler, seed, v) });
}

export function failedLine(scheduler: string, seed: number, error: string, point: Record<string, unknown> = {}): string {
  return JSON.stringify({ key: runKey(scheduler, seed, point), point, scheduler, seed, error });
}

/** One line per p95 value, seeds 1, 2, ... */
export function seedLines(scheduler: string, p95s: readonly number[], point: Record<string, unknown> = {}): string[] {
  return p95s.map((p95, i) => line(scheduler, i + 1, { p95 }, point));
}

/** The lines written to a fresh results.jsonl; returns its path. */
export function writeResults(lines: readonly string[]): string {
  const file = join(mkdtempSync(join(tmpdir(), "splitsim-compare-")), "results.jsonl");
  writeFileSync(file, lines.map((l) => `${l}\n`).join(""));
  return file;
}
