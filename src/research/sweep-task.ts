// One task of a sweep: the runs of one (point, seed) that are still to do, sharing one generated
// workload (identical-workload replay). A failed run gives its error and the others still run.
// The same code runs in a worker thread and, with one worker, in the main thread.
import { isSplitsimError } from "../errors.js";
import type { RunReport } from "../metrics/report.js";
import { generateWorkload } from "../scenario/generate-workload.js";
import { loadScenario } from "../scenario/load.js";
import { loadPlugins } from "../scenario/load-plugins.js";
import { runScenario } from "../scenario/run.js";
import type { ResolvedScenario } from "../scenario/types.js";

export interface SweepTask {
  /** The scenario file, absolute. */
  file: string;
  /** --set values, then the point's. */
  sets: string[];
  seed: number;
  schedulers: string[];
}

export interface RunOutcome {
  scheduler: string;
  report?: RunReport;
  error?: string;
}

/**
 * Loaded points by their --set values, so the seeds of one point read its trace files once. A
 * scenario depends on its seed beyond the `seed` field only through a gilbert-elliott or rayleigh
 * trace without a seed of its own (resolve-trace.ts), so only such a scenario is loaded again for
 * another seed.
 */
export class ScenarioCache {
  private readonly entries = new Map<string, ResolvedScenario>();
  constructor(private readonly size = 4) {}

  load(file: string, sets: string[], seed: number): ResolvedScenario {
    const id = JSON.stringify([file, sets]);
    const hit = this.entries.get(id);
    if (hit !== undefined && (hit.seed === seed || !seedShapesTraces(hit))) return { ...hit, seed };
    const s = loadScenario(file, { sets, seed });
    this.entries.delete(id);
    this.entries.set(id, s);
    if (this.entries.size > this.size) this.entries.delete(this.entries.keys().next().value!);
    return s;
  }
}

function seedShapesTraces(s: ResolvedScenario): boolean {
  const seeded = ["synthetic:gilbert-elliott", "synthetic:rayleigh"];
  return s.links.some((l) => l.bandwidth.kind === "trace" && seeded.includes(l.bandwidth.source));
}

export async function runTask(task: SweepTask, cache: ScenarioCache): Promise<RunOutcome[]> {
  let scenario: ResolvedScenario;
  let source;
  let workload;
  try {
    scenario = cache.load(task.file, task.sets, task.seed);
    source = await loadPlugins(scenario, task.file);
    workload = generateWorkload(scenario);
  } catch (e) {
    return task.schedulers.map((scheduler) => ({ scheduler, error: message(e) }));
  }
  return task.schedulers.map((scheduler) => {
    try {
      return { scheduler, report: runScenario(scenario, scheduler, { workload, keepRequests: false, schedulers: source }).report };
    } catch (e) {
      return { scheduler, error: message(e) };
    }
  });
}

/** A bad-input message as it is; anything else is a bug, so it keeps its kind. */
export function message(e: unknown): string {
  if (isSplitsimError(e)) return e.message;
  return e instanceof Error ? `internal error: ${e.name}: ${e.message}` : `internal error: ${String(e)}`;
}
