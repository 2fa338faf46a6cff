// `npm run bench`: events/s of the event queue alone (hold model) and of the quickstart pipeline.
// Wall-clock figures for people, not for CI: nothing here fails on a slow machine.
import { performance } from "node:perf_hooks";
import { EventQueue, Phase, type Handler } from "../src/core/event-queue.js";
import { createStream } from "../src/core/random.js";
import { loadScenario } from "../src/scenario/load.js";
import { runScenario } from "../src/scenario/run.js";
import { generateWorkload } from "../src/workload/workload.js";

interface Row { case: string; events: number; seconds: number; requests?: number }

/** Hold model: keep `pending` events queued; each pop pushes one event Exp(1) later. */
function hold(pending: number, iterations: number): Row {
  const q = new EventQueue();
  const rng = createStream(1, "hold");
  const h: Handler = () => {};
  for (let i = 0; i < pending; i++) q.push(rng.exponential(1), Phase.Arrive, h, i);
  const t0 = performance.now();
  for (let i = 0; i < iterations; i++) {
    q.pop();
    q.push(q.poppedTime + rng.exponential(1), Phase.Arrive, h, i);
  }
  return { case: `event queue, hold, ${pending.toExponential(0)} pending`, events: iterations, seconds: (performance.now() - t0) / 1e3 };
}

function pipeline(scheduler: string, requests: number): Row {
  const s = loadScenario("scenarios/quickstart.yaml", { sets: [`workload.requests=${requests}`, "workload.warmupRequests=0"] });
  const workload = generateWorkload(s);
  const t0 = performance.now();
  const r = runScenario(s, scheduler, { workload });
  return { case: `quickstart pipeline, ${scheduler}, ${requests} requests`, events: r.events, seconds: (performance.now() - t0) / 1e3, requests };
}

const rows: Row[] = [hold(1e3, 2e6), hold(1e5, 2e6), pipeline("neurosurgeon", 1e5), pipeline("cloud-only", 1e5)];
const fmt = (x: number) => (x >= 1e6 ? `${(x / 1e6).toFixed(2)} M` : `${(x / 1e3).toFixed(1)} k`);
console.log("case".padEnd(52) + "events/s".padStart(12) + "requests/s".padStart(14));
for (const r of rows) {
  const rps = r.requests === undefined ? "" : fmt(r.requests / r.seconds);
  console.log(r.case.padEnd(52) + fmt(r.events / r.seconds).padStart(12) + rps.padStart(14));
}
