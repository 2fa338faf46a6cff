// The worker-thread entry of a sweep (piscina loads this file's default export). Each thread has
// its own module instance, hence its own cache of loaded points.
import { runTask, ScenarioCache, type RunOutcome, type SweepTask } from "./sweep-task.js";

const cache = new ScenarioCache();

export default function sweepWorker(task: SweepTask): Promise<RunOutcome[]> {
  return runTask(task, cache);
}
