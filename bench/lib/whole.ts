// Section 6 of the bench: whole processes, timed from the parent (issue 15, items 1 and 5). Each case
// spawns one child (`node bin/splitsim.mjs ...`, `node -e 0`, or the SimPy reference) and times it
// with performance.now() around spawnSync, so Node's (or Python's) start-up, module loading, the
// run and the exit all count, as they do for a user at a shell. They run in the parent, not through
// bench/case.ts: a case.ts child would only add its own start-up around the child it times.
import { spawnSync, type SpawnSyncReturns } from "node:child_process";
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import type { CaseResult } from "./result.js";

const ROOT = fileURLToPath(new URL("../..", import.meta.url));
const BIN = fileURLToPath(new URL("../../bin/splitsim.mjs", import.meta.url));
export const PIPELINE_SCENARIO = "bench/reference/pipeline-exp.yaml";
export const STARTUP_SCENARIO = "bench/reference/startup-run10.yaml";
/** Section 4's pipeline (overload.yaml at 2 fps, stable), for the whole-process memory rows. */
const MEMORY_SCENARIO = "scenarios/examples/overload.yaml";
const SIMPY_SCRIPT = "bench/reference/simpy_pipeline.py";
/** An empty ES module: Node's start with its ESM loader, which the bin (an .mjs) pays too. */
const EMPTY_MJS = "bench/reference/empty.mjs";
/** The scheduler of pipeline-exp.yaml (the cut after layer 1). */
const PIPELINE_SCHEDULER = "fixed-split";
/** SimPy at 1e6 requests takes ~15 s here; a child past this is stopped and reported. */
const TIMEOUT_MS = 240_000;
/** Python interpreters tried for SimPy, in order (Debian's python3-simpy3 serves /usr/bin/python3 only). */
const PYTHONS = ["python3", "/usr/bin/python3"];
export const SIMPY_SKIPPED = "skipped: simpy not importable (bash scripts/setup-simpy.sh)";

/** A whole-process child that failed; `timedOut` says it was stopped rather than crashed. */
export class WholeError extends Error {
  constructor(
    message: string,
    readonly timedOut: boolean,
  ) {
    super(message);
  }
}

interface Timed {
  seconds: number;
  out: SpawnSyncReturns<string>;
}

function timeChild(cmd: string, args: readonly string[], env: NodeJS.ProcessEnv = process.env): Timed {
  const t0 = performance.now();
  const out = spawnSync(cmd, args, { cwd: ROOT, env, encoding: "utf8", timeout: TIMEOUT_MS, maxBuffer: 64 << 20 });
  const seconds = (performance.now() - t0) / 1e3;
  const timedOut = out.error !== undefined && (out.error as NodeJS.ErrnoException).code === "ETIMEDOUT";
  if (timedOut) throw new WholeError(`${cmd} ${args.join(" ")}: timed out after ${TIMEOUT_MS / 1e3} s`, true);
  if (out.status !== 0) {
    const why = (out.stderr || String(out.error ?? `exit ${out.status}`)).trim().split("\n").slice(-5).join("\n");
    throw new WholeError(`${cmd} ${args.join(" ")}: ${why}`, false);
  }
  return { seconds, out };
}

let python: string | null | undefined;
/** The first interpreter that imports simpy, or null (looked up once per bench run). */
export function simpyPython(): string | null {
  if (python === undefined) {
    python = PYTHONS.find((p) => spawnSync(p, ["-c", "import simpy; simpy.Environment"], { stdio: "ignore" }).status === 0) ?? null;
  }
  return python;
}

let build: string | undefined;
/**
 * Which CLI the bin ran: "bundle" (dist/cli-bundle), "dist" (dist/cli) or "tsx" (the sources, also
 * when src/ is newer than the build). The bin's rules change, so one untimed run is watched
 * (NODE_DEBUG=esm logs every module Node loads) rather than the rules copied here.
 */
export function cliBuild(): string {
  if (build === undefined) {
    const p = spawnSync(process.execPath, [BIN, "run", STARTUP_SCENARIO], { cwd: ROOT, encoding: "utf8", env: { ...process.env, NODE_DEBUG: "esm" }, maxBuffer: 64 << 20 });
    // Only the "Storing <url>" lines name modules that loaded; other lines quote candidate URLs.
    const loaded = (p.stderr ?? "").split("\n").filter((l) => l.includes(" Storing file://"));
    const has = (part: string): boolean => loaded.some((l) => l.includes(part));
    build = has("/dist/cli-bundle/") ? "bundle" : has("/dist/cli/") ? "dist" : has("/src/cli/main.ts") ? "tsx" : "unknown build";
  }
  return build;
}

const plainEnv = (): NodeJS.ProcessEnv => {
  const env = { ...process.env };
  delete env["NODE_EXTRA_CA_CERTS"];
  return env;
};

const result = (name: string, size: number, seconds: number, more: Partial<CaseResult> = {}): CaseResult => ({
  case: name,
  size,
  // Events are not counted across a process boundary; every figure of section 6 is a wall time.
  events: 0,
  seconds,
  // The child's peak RSS is not visible from the parent (Node has no getrusage(RUSAGE_CHILDREN)).
  rssMB: NaN,
  ...more,
});

/**
 * Runs whole-process case `name` once; `size` is the requests of the pipeline cases (start-up cases
 * ignore it). A start-up case ending in `-plain` runs without NODE_EXTRA_CA_CERTS: Node reads that
 * bundle eagerly at start (~40 ms on the reference VM, whose environment sets it), so the plain rows
 * show what the machine's configuration adds, apart from what is Node's and what is ours.
 */
export function runWhole(name: string, size: number): CaseResult {
  const plain = name.endsWith("-plain");
  const env = plain ? plainEnv() : process.env;
  switch (plain ? name.slice(0, -"-plain".length) : name) {
    case "whole-node":
      return result(name, size, timeChild(process.execPath, ["-e", "0"], env).seconds);
    case "whole-mjs":
      return result(name, size, timeChild(process.execPath, [EMPTY_MJS], env).seconds);
    case "whole-version":
      return result(name, size, timeChild(process.execPath, [BIN, "--version"], env).seconds, { label: cliBuild() });
    case "whole-run":
      return result(name, size, timeChild(process.execPath, [BIN, "run", STARTUP_SCENARIO], env).seconds, { label: cliBuild() });
    case "whole-splitsim": {
      const args = [BIN, "run", PIPELINE_SCENARIO, "--set", `workload.requests=${size}`, "--format", "json", "--scheduler", PIPELINE_SCHEDULER];
      const t = timeChild(process.execPath, args);
      const report = (JSON.parse(t.out.stdout) as { requests: { completed: number }; latencyMs: { mean: number } }[])[0];
      if (report === undefined) throw new WholeError("splitsim run printed no report", false);
      return checked(result(name, size, t.seconds, { requests: report.requests.completed, label: cliBuild(), extra: { meanLatencyMs: report.latencyMs.mean } }));
    }
    case "whole-memory":
    case "whole-memory-sketch":
      return memoryRun(name, size, name.endsWith("-sketch"));
    case "whole-simpy": {
      const py = simpyPython();
      if (py === null) return result(name, size, NaN, { skipped: SIMPY_SKIPPED });
      const t = timeChild(py, [SIMPY_SCRIPT, String(size)]);
      const r = JSON.parse(t.out.stdout.trim().split("\n").pop() ?? "") as { requests: number; meanLatencyMs: number; simSeconds: number; simpy: string };
      const extra = { meanLatencyMs: r.meanLatencyMs, simSeconds: r.simSeconds };
      return checked(result(name, size, t.seconds, { requests: r.requests, label: `SimPy ${r.simpy} (${py})`, extra }));
    }
  }
  throw new Error(`unknown bench case '${name}'`);
}

const GNU_TIME = "/usr/bin/time";
export const MEMORY_SKIPPED = "skipped: no GNU time at /usr/bin/time to read the child's peak RSS";

/**
 * Issue 15, item 4: the peak RSS of `splitsim run` itself (the compiled CLI, not a tsx child) on the
 * stable 2 fps pipeline of section 4, summary only, exact latencies or the latency sketch. Node
 * cannot read a child's peak RSS, so GNU time (`%M`, KB) reports it.
 */
function memoryRun(name: string, size: number, sketch: boolean): CaseResult {
  if (!existsSync(GNU_TIME)) return result(name, size, NaN, { skipped: MEMORY_SKIPPED });
  const args = ["-f", "peak %M", process.execPath, BIN, "run", MEMORY_SCENARIO, "--scheduler", "cloud-only", "--no-check",
    "--set", `workload.requests=${size}`, "--set", "workload.arrivals.fps=2", "--set", "workload.warmupRequests=0",
    ...(sketch ? ["--set", "metrics.latencySketch=0.001"] : [])];
  const t = timeChild(GNU_TIME, args);
  const kb = Number(/peak (\d+)/.exec(t.out.stderr)?.[1]);
  return result(name, size, t.seconds, { requests: size, rssMB: kb / 1024, label: cliBuild() });
}

/** Both models must have finished every request, or their means are not of the same thing. */
function checked(r: CaseResult): CaseResult {
  if (r.requests !== r.size) throw new WholeError(`${r.case}: ${r.requests} of ${r.size} requests finished`, false);
  return r;
}
