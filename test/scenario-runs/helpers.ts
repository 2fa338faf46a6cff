// Shared helpers for end-to-end tests: build a scenario from an object and run one scheduler.
import { resolveScenarioText } from "../../src/scenario/load.js";
import { runScenario, type RunResult } from "../../src/scenario/run.js";
import type { ResolvedScenario } from "../../src/scenario/types.js";

/** Resolves a scenario given as a plain object (JSON is valid YAML). */
export function scenarioFrom(obj: unknown, file = "test-scenario.yaml"): ResolvedScenario {
  return resolveScenarioText(JSON.stringify(obj), file);
}

export function run(obj: unknown, scheduler: string): RunResult {
  return runScenario(scenarioFrom(obj), scheduler);
}

/** Mean and batch-means standard error (20 batches) of a sequence of observations. */
export function batchMeans(xs: readonly number[], batches = 20): { mean: number; se: number } {
  const size = Math.floor(xs.length / batches);
  const means: number[] = [];
  for (let b = 0; b < batches; b++) {
    let s = 0;
    for (let i = b * size; i < (b + 1) * size; i++) s += xs[i]!;
    means.push(s / size);
  }
  const mean = means.reduce((a, x) => a + x, 0) / batches;
  const variance = means.reduce((a, x) => a + (x - mean) ** 2, 0) / (batches - 1);
  return { mean, se: Math.sqrt(variance / batches) };
}
