// Each invariant fires: the platform keeps them all, so these runs put a faulty observer between
// the platform and a checker (run with check: false, the checker given as an observer) that hides,
// repeats, shifts or alters one event — or give the checker a capacity the run does not have — and
// the run fails with that invariant, the request, the step and the times.
import { describe, expect, it } from "vitest";
import { loadScenario } from "../../src/scenario/load.js";
import { runScenario } from "../../src/scenario/run.js";
import { InvariantError } from "../../src/metrics/invariant-error.js";
import { InvariantChecker, type InvariantSpec } from "../../src/metrics/invariants.js";
import type { Observer } from "../../src/platform/observer.js";
import type { ResolvedScenario } from "../../src/scenario/types.js";
import { newRequest, type Request } from "../../src/workload/request.js";
import type { Work } from "../../src/workload/work.js";

const HOOKS = ["onSetup", "onArrive", "onQueue", "onStart", "onEnd", "onStepStart", "onStepEnd", "onComplete", "onDrop", "onFinish"] as const;
type Hook = (typeof HOOKS)[number];
type Hooks = { [H in Hook]: NonNullable<Observer[H]> };

/** Hands every event to `checker`, except that `fault` may replace any hook (it gets the checker to pass events on). */
function between(checker: InvariantChecker, fault: (c: Hooks) => Partial<Hooks>): Observer {
  const c = Object.fromEntries(HOOKS.map((h) => [h, (checker[h] as (...a: unknown[]) => void).bind(checker)])) as Hooks;
  return { ...c, ...fault(c) };
}

/** Runs `scheduler` with only the faulty checker; returns what it threw. */
function violation(s: ResolvedScenario, scheduler: string, fault: (c: Hooks) => Partial<Hooks>, spec: InvariantSpec = s): InvariantError {
  try {
    runScenario(s, scheduler, { check: false, observers: [between(new InvariantChecker(spec), fault)] });
  } catch (e) {
    if (e instanceof InvariantError) return e;
    throw e;
  }
  throw new Error("no invariant fired");
}

const quickstart = (...sets: string[]) => loadScenario("scenarios/quickstart.yaml", { sets: ["workload.requests=20", "workload.warmupRequests=0", ...sets] });
const UP = 2; // resources: camera, edge, up, down
const DOWN = 3;
/** A copy of a work with some fields changed (records are recycled, so it is read at once). */
const altered = (w: Work, change: Partial<Work>): Work => ({ req: w.req, step: w.step, ready: w.ready, start: w.start, cost: w.cost, bytes: w.bytes, ...change });

describe("conservation: every admitted request completes or is dropped, once, per source", () => {
  it("a request that never leaves fails the run at its end, naming the source and the request", () => {
    const e = violation(quickstart(), "cloud-only", (c) => ({ onComplete: (req, t) => req.id !== 7 && c.onComplete(req, t) }));
    expect(e.invariant).toBe("conservation");
    expect(e.message).toMatch(/^invariant conservation violated at [\d.]+ s: source 0 admitted 20 requests, but 19 completed and 0 were dropped; request 7 neither completed nor was dropped$/);
  });

  it("is counted per source: the second camera's lost request names source 1", () => {
    const s = loadScenario("scenarios/examples/two-cameras.yaml");
    let lost = -1;
    const e = violation(s, "cloud-only", (c) => ({
      onComplete: (req, t) => {
        if (lost < 0 && req.source === 1) lost = req.id;
        else c.onComplete(req, t);
      },
    }));
    expect(e.message).toMatch(/source 1 admitted 100 requests, but 99 completed and 0 were dropped/);
    expect(e.message).toContain(`request ${lost} neither completed nor was dropped`);
  });

  it("a request that completes twice fails at the second completion", () => {
    const e = violation(quickstart(), "cloud-only", (c) => ({
      onComplete: (req, t) => {
        c.onComplete(req, t);
        if (req.id === 3) c.onComplete(req, t);
      },
    }));
    expect([e.invariant, e.requestId, e.step]).toEqual(["conservation", 3, null]);
    expect(e.message).toMatch(/: request 3: completed after it had left the system already$/);
  });

  it("a request that arrives twice fails at once", () => {
    const e = violation(quickstart(), "cloud-only", (c) => ({
      onArrive: (req, t) => {
        c.onArrive(req, t);
        if (req.id === 2) c.onArrive(req, t);
      },
    }));
    expect(e.message).toMatch(/^invariant conservation violated at [\d.]+ s: request 2: arrived twice$/);
  });
});

describe("causality: no step starts before its predecessors end or its request arrives", () => {
  it("a step that starts before its request's arrival fails, with both times", () => {
    let fake: Request | null = null;
    const e = violation(quickstart(), "cloud-only", (c) => ({
      onStepStart: (w, res, server, t) => {
        if (w.req.id !== 5 || w.step !== 0) return c.onStepStart(w, res, server, t);
        // The same request, as if it had arrived 1 ms after its first step started.
        fake = newRequest(w.req.id, w.req.source, w.req.index, w.req.model, t + 1_000_000, -1);
        fake.plan = w.req.plan;
        c.onStepStart(altered(w, { req: fake }), res, server, t);
      },
    }));
    expect([e.invariant, e.requestId, e.step]).toEqual(["causality", 5, 0]);
    const m = /request 5, step 0 \(transfer of \d+ bytes on 'up'\): started before its request arrived \(ready [\d.]+ s, start ([\d.]+) s, arrival ([\d.]+) s\)$/.exec(e.message);
    expect(m).not.toBeNull();
    expect(Math.round((Number(m![2]) - Number(m![1])) * 1e9)).toBe(1_000_000);
    expect(fake).not.toBeNull();
  });

  it("a request that completes before its last step ended fails at the completion", () => {
    // cloud-only: upload (step 0), compute on the edge (1), result back (2); the result's end is hidden.
    const e = violation(quickstart(), "cloud-only", (c) => ({ onStepEnd: (w, res, t) => (w.req.id === 4 && w.step === 2 ? undefined : c.onStepEnd(w, res, t)) }));
    expect(e.message).toMatch(/^invariant causality violated at [\d.]+ s: request 4: completed before its step 2 ended$/);
  });

  it("a step that ends twice fails at the second end", () => {
    const e = violation(quickstart(), "cloud-only", (c) => ({
      onStepEnd: (w, res, t) => {
        const again = altered(w, {});
        c.onStepEnd(w, res, t);
        if (w.req.id === 1 && w.step === 1) c.onStepEnd(again, res, t);
      },
    }));
    expect(e.message).toMatch(/request 1, step 1 \(compute on 'edge'\): ended twice/);
  });
});

describe("exclusivity: a server or FIFO link never serves more than its capacity at once", () => {
  it("a transfer that starts on a FIFO link still busy with another fails (the earlier end was hidden)", () => {
    let hidden = false;
    const e = violation(quickstart(), "cloud-only", (c) => ({
      onEnd: (res, server, t) => {
        if (res === UP && !hidden) hidden = true;
        else c.onEnd(res, server, t);
      },
    }));
    expect([e.invariant, e.requestId, e.step]).toEqual(["exclusivity", 1, 0]);
    expect(e.message).toMatch(/request 1, step 0 \(transfer of \d+ bytes on 'up'\): joined server 0 of 'up' while it was serving a batch already/);
  });

  it("a server that starts twice without ending fails", () => {
    const e = violation(quickstart(), "device-only", (c) => ({
      onStart: (res, server, t) => {
        c.onStart(res, server, t);
        c.onStart(res, server, t);
      },
    }));
    expect(e.message).toMatch(/^invariant exclusivity violated at [\d.]+ s: server 0 of 'camera' started while busy$/);
  });

  it("a batch larger than a server holds fails, naming the work past the capacity", () => {
    // 12 frames at t = 0 on a camera that batches up to 4; the checker is told it holds 3.
    const s = quickstart("workload.arrivals={kind: batch}", "workload.requests=12", "nodes.camera.maxBatch=4");
    const spec = { ...s, nodes: s.nodes.map((n) => (n.name === "camera" ? { ...n, maxBatch: 3 } : n)) };
    const e = violation(s, "device-only", (c) => c, spec);
    expect([e.invariant, e.requestId, e.step]).toEqual(["exclusivity", 3, 0]);
    expect(e.message).toMatch(/request 3, step 0 \(compute on 'camera'\): server 0 of 'camera' serves 4 works at once \(capacity 3\) \(ready 0 s, start 0 s\)$/);
  });

  it("a shared link serves many transfers at once; the same events judged as a FIFO link fail", () => {
    const s = quickstart("workload.arrivals={kind: batch}", "links.up.discipline=shared");
    // Processor sharing: all 20 uploads leave together, and that is no violation.
    expect(() => runScenario(s, "cloud-only", { check: false, observers: [new InvariantChecker(s)] })).not.toThrow();
    const fifo = { ...s, links: s.links.map((l) => ({ ...l, discipline: "fifo" as const })) };
    const e = violation(s, "cloud-only", (c) => c, fifo);
    expect(e.invariant).toBe("exclusivity");
    expect(e.message).toMatch(/step 0 \(transfer of \d+ bytes on 'up'\): joined server 0 of 'up' while it was serving a batch already/);
  });
});

describe("monotone time: no event is earlier than the one before it", () => {
  it("an event reported 1 ns before the previous one fails, with both times", () => {
    let last = 0;
    let seen = 0;
    const e = violation(quickstart(), "cloud-only", (c) => ({
      onStart: (res, server, t) => c.onStart(res, server, (last = t)),
      onStepEnd: (w, res, t) => c.onStepEnd(w, res, ++seen === 10 ? last - 1 : (last = t)),
    }));
    expect(e.invariant).toBe("monotone time");
    const m = /^invariant monotone time violated at ([\d.]+) s: request \d+, step \d+: step ended at an earlier time than the event before it \(previous event ([\d.]+) s\)$/.exec(e.message);
    expect(m).not.toBeNull();
    expect(Number(m![1])).toBeLessThan(Number(m![2]));
  });
});

describe("bytes: every link delivers the bytes it sent", () => {
  it("a delivery of one byte more than was sent fails at the end of the run", () => {
    let once = false;
    const e = violation(quickstart(), "cloud-only", (c) => ({
      onStepEnd: (w, res, t) => c.onStepEnd(res === UP && !once && (once = true) ? altered(w, { bytes: w.bytes + 1 }) : w, res, t),
    }));
    expect(e.invariant).toBe("bytes");
    expect(e.message).toMatch(/^invariant bytes violated at [\d.]+ s: link 'up' sent (\d+) bytes and delivered (\d+)$/);
    const [, sent, got] = /sent (\d+) bytes and delivered (\d+)/.exec(e.message)!;
    expect(Number(got) - Number(sent)).toBe(1);
  });

  it("a delivery of a transfer that never left fails at the delivery", () => {
    const e = violation(quickstart(), "cloud-only", (c) => ({ onStepStart: (w, res, server, t) => (res === DOWN && w.req.id === 0 ? undefined : c.onStepStart(w, res, server, t)) }));
    expect([e.invariant, e.requestId, e.step]).toEqual(["bytes", 0, 2]);
    expect(e.message).toMatch(/request 0, step 2 \(transfer of \d+ bytes on 'down'\): link 'down' delivered 1 transfers but sent 0/);
  });
});
