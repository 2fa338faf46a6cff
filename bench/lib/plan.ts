// Which child runs `npm run bench` makes, per mode. Jobs in one set are interleaved repeat by
// repeat (splitsim, reference, splitsim, ...), so a slow spell of the VM hits both sides alike.
// The default plan takes about 3.5 minutes on the 2-core reference machine (budget: 5; section 6's
// SimPy runs are ~50 s of it); --full about 5.5.

export type Mode = "default" | "quick" | "full";

export interface Job {
  /**
   * Section of the report (1 hold, 2 M/M/1, 3 pipeline, 4 cost per request, 5 many resources,
   * 6 whole processes: run by the parent itself, bench/lib/whole.ts, not through bench/case.ts).
   */
  group: 1 | 2 | 3 | 4 | 5 | 6;
  case: string;
  size: number;
}

export interface JobSet {
  jobs: Job[];
  repeats: number;
}

const set = (group: Job["group"], cases: string[], size: number, repeats: number): JobSet => ({
  jobs: cases.map((c) => ({ group, case: c, size })),
  repeats,
});

const HOLD = ["hold-splitsim", "hold-reference"];
const MM1 = ["mm1-splitsim", "mm1-reference"];
const PIPE = ["pipeline-cloud-only", "pipeline-neurosurgeon"];
/** The same after an untimed run in the same process (informational: the JIT warm-up apart). */
const PIPE_WARM = PIPE.map((c) => `${c}+warm`);
/** Case 5: devices 1, 8, 64 on a FIFO uplink, and 64 on a processor-sharing one. */
const MANY = ["many-fifo-1", "many-fifo-8", "many-fifo-64", "many-shared-64"];
/**
 * Case 6: start-up (node -e 0, an empty .mjs, --version, a 10-request run; each also without
 * NODE_EXTRA_CA_CERTS) has no size: 1 stands for "one process". The pipeline against SimPy runs at
 * its size and at 10 requests, whose whole time is start-up: the difference is the per-request part.
 */
const STARTUP = ["whole-node", "whole-mjs", "whole-version", "whole-run"].flatMap((c) => [c, `${c}-plain`]);
const VS_SIMPY = ["whole-splitsim", "whole-simpy"];
const MEMORY = ["whole-memory", "whole-memory-sketch"];

export function plan(mode: Mode): JobSet[] {
  if (mode === "quick") {
    return [
      set(1, HOLD, 1e3, 1),
      set(2, MM1, 1e4, 1),
      set(3, PIPE, 2e3, 1),
      set(3, PIPE_WARM, 2e3, 1),
      set(4, ["cost-cloud-only"], 1e3, 1),
      set(4, ["cost-cloud-only+warm"], 1e3, 1),
      set(4, ["cost-cloud-only"], 1e4, 1),
      set(4, ["cost-cloud-only-sketch"], 1e4, 1),
      set(5, ["many-fifo-1", "many-fifo-8", "many-shared-8"], 2e3, 1),
      set(6, STARTUP, 1, 1),
      set(6, VS_SIMPY, 10, 1),
      set(6, VS_SIMPY, 1e4, 1),
      set(6, MEMORY, 1e4, 1),
    ];
  }
  const full = mode === "full";
  return [
    set(1, HOLD, 1e3, 3),
    set(1, HOLD, 1e5, 3),
    set(1, HOLD, 1e6, 3),
    set(2, MM1, 1e6, 3),
    set(3, PIPE, 1e5, 3),
    set(3, PIPE_WARM, 1e5, 3),
    set(3, PIPE, 1e6, full ? 3 : 2),
    set(4, ["cost-cloud-only"], 1e5, 3),
    set(4, ["cost-cloud-only+warm"], 1e5, 3),
    ...(full ? [set(4, ["cost-cloud-only"], 3e5, 3)] : []),
    set(4, ["cost-cloud-only"], 1e6, full ? 3 : 2),
    ...(full ? [set(4, ["cost-cloud-only"], 3e6, 3)] : []),
    // 1e7 requests take ~35 s per run: once by default, three times with --full.
    set(4, ["cost-cloud-only"], 1e7, full ? 3 : 1),
    set(4, ["cost-cloud-only-sketch"], 1e7, full ? 3 : 1),
    set(5, MANY, 2e5, full ? 3 : 2),
    // Start-up runs take 0.05–0.4 s each: ten interleaved rounds give a steady median.
    set(6, STARTUP, 1, 10),
    set(6, VS_SIMPY, 10, 5),
    // SimPy takes ~15 s at 1e6 requests, splitsim ~2 s (issue 15, item 5: both at 1e6 in one run).
    set(6, VS_SIMPY, 1e6, 3),
    // The CLI's peak RSS at 1e7 requests (~12 s each; issue 15, item 4).
    set(6, MEMORY, 1e7, 1),
  ];
}

/** Child runs in execution order. */
export function runList(sets: readonly JobSet[]): Job[] {
  const out: Job[] = [];
  for (const s of sets) for (let r = 0; r < s.repeats; r++) out.push(...s.jobs);
  return out;
}
