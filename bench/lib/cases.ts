// The registry of bench cases: a case name and a size give one CaseResult. bench/case.ts calls
// it in a fresh child process per run; the smoke test calls it in-process at tiny sizes. Cases
// are imported on demand so a hold child does not pay for loading the whole simulator (~0.5 s).
import type { CaseResult } from "./result.js";

export interface CaseOptions {
  /** Smoke-test mode: the hold loop runs only a few iterations. */
  quick?: boolean;
}

/** Frame rate at which the quickstart's cloud-only pipeline is stable (case 4). */
export const STABLE_FPS = 2;

/** A case name ending in this runs the case twice untimed, then again timed, in one process. */
export const WARM = "+warm";
/**
 * Untimed runs before a warm one. One is not enough: the second run's new simulator, stations and
 * handlers invalidate code that V8 specialised to the first run's objects, and it re-optimises.
 */
const WARM_UP_RUNS = 2;

/**
 * Runs case `name` at `size`; rejects on an unknown name. `<case>+warm` is informational: the same
 * case timed after untimed runs of it, which separates the JIT warm-up of a cold process from the
 * cost of the work itself. Targets are judged on the cold runs.
 */
export async function runCase(name: string, size: number, opts: CaseOptions = {}): Promise<CaseResult> {
  if (!(Number.isInteger(size) && size > 0)) throw new Error(`size must be a positive integer, got ${size}`);
  if (name.endsWith(WARM)) {
    const base = name.slice(0, -WARM.length);
    for (let i = 0; i < WARM_UP_RUNS; i++) await runCase(base, size, opts);
    return { ...(await runCase(base, size, opts)), case: name };
  }
  const holdIters = opts.quick === true ? Math.max(2 * size, 20_000) : undefined;
  switch (name) {
    case "hold-splitsim":
      return (await import("../cases/hold.js")).holdSplitsim(size, holdIters);
    case "hold-reference":
      return (await import("../cases/hold.js")).holdReference(size, holdIters);
    case "mm1-splitsim":
      return (await import("../cases/mm1.js")).mm1Splitsim(size);
    case "mm1-reference":
      return (await import("../cases/mm1-reference.js")).mm1Reference(size);
    case "pipeline-cloud-only":
      return (await import("../cases/pipeline.js")).pipeline("cloud-only", size);
    case "pipeline-neurosurgeon":
      return (await import("../cases/pipeline.js")).pipeline("neurosurgeon", size);
    case "cost-cloud-only":
      return { ...(await import("../cases/pipeline.js")).pipeline("cloud-only", size, STABLE_FPS), case: name };
    case "cost-cloud-only-sketch":
      return { ...(await import("../cases/pipeline.js")).pipeline("cloud-only", size, STABLE_FPS, ["metrics.latencySketch=0.001"]), case: name };
  }
  // Issue 15, item 6 (js-sdsl measured; run by bench/sdsl-ab.ts, not in the plan):
  // sdsl-hold-<eventqueue|pq|pq-pooled> at `size` pending events, sdsl-<fifo|pick>-<ringqueue|deque>
  // at a steady queue length of `size`.
  const sdsl = /^sdsl-(hold|fifo|pick)-(.+)$/.exec(name);
  if (sdsl !== null) {
    if (sdsl[1] === "hold") {
      const { HOLD_SIDES, sdslHold } = await import("../cases/sdsl-heap.js");
      const side = HOLD_SIDES.find((s) => s === sdsl[2]);
      if (side !== undefined) return sdslHold(side, size, holdIters);
    } else {
      const { FIFO_SIDES, sdslFifo } = await import("../cases/sdsl-deque.js");
      const side = FIFO_SIDES.find((s) => s === sdsl[2]);
      if (side !== undefined) return sdslFifo(side, sdsl[1] as "fifo" | "pick", size, opts.quick === true ? Math.max(2 * size, 20_000) : undefined);
    }
  }
  // many-<fifo|shared>-<devices>: the devices count is part of the name, the size is requests.
  const m = /^many-(fifo|shared)-(\d+)$/.exec(name);
  if (m !== null) {
    const { manyResources } = await import("../cases/many-resources.js");
    return manyResources({ discipline: m[1] as "fifo" | "shared", devices: Number(m[2]) }, size);
  }
  throw new Error(`unknown bench case '${name}'`);
}
