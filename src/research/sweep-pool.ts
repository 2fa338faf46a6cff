// Where a sweep's tasks run: in the main thread (one worker), or on a piscina pool of worker
// threads. From src/ under tsx or vitest the worker is the .ts file and needs tsx's loader; from
// dist/ it is the compiled .js.
import { createRequire } from "node:module";
import { pathToFileURL } from "node:url";
import { Piscina } from "piscina";
import { message, runTask, ScenarioCache, type RunOutcome, type SweepTask } from "./sweep-task.js";

export interface TaskRunner {
  run(task: SweepTask): Promise<RunOutcome[]>;
  close(): Promise<void>;
}

export function taskRunner(workers: number): TaskRunner {
  return workers <= 1 ? inlineRunner() : threadRunner(workers);
}

function inlineRunner(): TaskRunner {
  const cache = new ScenarioCache();
  return {
    async run(task) {
      // Let timers (the progress bar) and pending writes through between tasks.
      await new Promise((r) => setImmediate(r));
      return runTask(task, cache);
    },
    async close() {},
  };
}

function threadRunner(workers: number): TaskRunner {
  const self = import.meta.url;
  const fromSource = self.endsWith(".ts");
  const hasTsx = process.execArgv.some((a) => a.includes("tsx"));
  const pool = new Piscina<SweepTask, RunOutcome[]>({
    filename: new URL(fromSource ? "./sweep-worker.ts" : "./sweep-worker.js", self).href,
    minThreads: workers,
    maxThreads: workers,
    idleTimeout: 60_000,
    // tsx located from this file, not from the working directory (a sweep run from elsewhere).
    ...(fromSource && !hasTsx ? { execArgv: [...process.execArgv, "--import", pathToFileURL(createRequire(self).resolve("tsx")).href] } : {}),
  });
  return {
    async run(task) {
      try {
        return await pool.run(task);
      } catch (e) {
        // The thread died (out of memory, a plug-in that exits): its runs fail, the sweep goes on.
        return task.schedulers.map((scheduler) => ({ scheduler, error: `worker thread failed: ${message(e)}` }));
      }
    },
    close: () => pool.destroy(),
  };
}
