// Compute and idle energy from hand-fed events (docs/energy.md): a step's energy is its duration
// times the busy power, a batch's is shared equally by its works, only steps on a request's own end
// device count for it, and a node's idle energy is its idle time (servers × window − busy) times idle power.
import { describe, expect, it } from "vitest";
import { ms } from "../../src/core/time.js";
import { Collector } from "../../src/metrics/collector.js";
import { combineObservers } from "../../src/metrics/combine.js";
import type { EnergySpec } from "../../src/metrics/energy-meter.js";
import type { Observer, ResourceInfo } from "../../src/platform/observer.js";
import { newRequest, type Request } from "../../src/workload/request.js";
import type { Work } from "../../src/workload/work.js";
import { META } from "./replay.js";

/** A collector with an energy spec, and the one observer the platform would call. */
function rig(spec: EnergySpec, resources: ResourceInfo[]): { c: Collector; o: Observer } {
  const c = new Collector({ warmupRequests: 0, energy: spec });
  const o = combineObservers([c, ...c.companions()]);
  o.onSetup!(resources);
  return { c, o };
}

const work = (req: Request, startNs: number): Work => ({ req, step: 0, ready: 0, start: startNs, cost: null, bytes: 0 });

/**
 * Runs `works` as one batch on server `server` of station `res` over [fromMs, toMs], as a Station
 * reports it; on the requests' own device (`origin`) the station adds each its equal share of the
 * batch's time (Request.addOriginComputeNs; test/platform checks the Station does).
 */
function batch(o: Observer, res: number, server: number, works: Work[], fromMs: number, toMs: number, origin = res === 0): void {
  for (const w of works) o.onStepStart?.(w, res, server, ms(fromMs));
  o.onStart!(res, server, ms(fromMs));
  o.onEnd!(res, server, ms(toMs));
  for (const w of works) {
    if (origin) w.req.addOriginComputeNs((ms(toMs) - ms(fromMs)) / works.length);
    o.onStepEnd?.(w, res, ms(toMs));
  }
}

const station = (name: string, busyW: number | null, idleW: number | null) => ({ name, device: `${name}-device`, busyW, idleW });

describe("compute energy", () => {
  it("a 10 ms busy step at 10 W costs 0.1 J, exactly", () => {
    const { c, o } = rig({ stations: [station("dev", 10, 2)], links: [], origins: [0] }, [{ id: "dev", kind: "station", servers: 1 }]);
    const req = newRequest(0, 0, 0, "m", 0, -1);
    o.onArrive!(req, 0);
    batch(o, 0, 0, [work(req, 0)], 0, 10);
    req.completion = ms(10);
    o.onComplete!(req, ms(10));
    expect(req.deviceComputeJ).toBe(0.1); // priced when the request ends
    const e = c.report(META).energy!;
    expect(e.nodes["dev"]!.busyJ).toBe(0.1);
    expect(e.endDevice).toEqual({ perRequestJ: 0.1, computePerRequestJ: 0.1, radioPerRequestJ: 0, requests: 1 });
    // The window is the step itself: no idle time.
    expect(e.nodes["dev"]!.idleJ).toBe(0);
  });

  it("a batch of two over 10 ms at 10 W gives each request half of 0.1 J", () => {
    const { c, o } = rig({ stations: [station("dev", 10, 2)], links: [], origins: [0] }, [{ id: "dev", kind: "station", servers: 1 }]);
    const reqs = [newRequest(0, 0, 0, "m", 0, -1), newRequest(1, 0, 1, "m", 0, -1)];
    for (const r of reqs) o.onArrive!(r, 0);
    batch(o, 0, 0, reqs.map((r) => work(r, 0)), 0, 10);
    for (const r of reqs) {
      r.completion = ms(10);
      o.onComplete!(r, ms(10));
    }
    expect(reqs.map((r) => r.deviceComputeJ)).toEqual([0.05, 0.05]);
    expect(c.report(META).energy!.nodes["dev"]!.busyJ).toBe(0.1);
  });

  it("compute on another node costs the node, not the request's end device", () => {
    // Source 0 starts at station 0 (the phone); the step runs on station 1 (the cloud, 300 W).
    const spec = { stations: [station("phone", 5, 1), station("cloud", 300, 50)], links: [], origins: [0] };
    const { c, o } = rig(spec, [{ id: "phone", kind: "station", servers: 1 }, { id: "cloud", kind: "station", servers: 1 }]);
    const req = newRequest(0, 0, 0, "m", 0, -1);
    o.onArrive!(req, 0);
    batch(o, 1, 0, [work(req, 0)], 0, 2);
    req.completion = ms(2);
    o.onComplete!(req, ms(2));
    expect(req.deviceComputeJ).toBe(0);
    const e = c.report(META).energy!;
    expect(e.nodes["cloud"]!.busyJ).toBe(0.6); // 2 ms at 300 W
    // The phone idled the whole 2 ms window at 1 W.
    expect(e.nodes["phone"]!.idleJ).toBe(0.002);
  });
});

describe("idle energy", () => {
  it("is (servers × window − busy) × idle power, per node, over the run window", () => {
    // Two servers; server 0 busy [0, 10] and [12, 20] ms, server 1 busy [5, 7] ms; window [0, 20] ms.
    // Busy 10 + 8 + 2 = 20 ms; idle 2 × 20 − 20 = 20 ms; at 3 W idle that is 0.06 J, and busy 20 ms at 8 W 0.16 J.
    const { c, o } = rig({ stations: [station("gpu", 8, 3)], links: [], origins: [0] }, [{ id: "gpu", kind: "station", servers: 2 }]);
    const reqs = [0, 1, 2].map((i) => newRequest(i, 0, i, "m", 0, -1));
    for (const r of reqs) o.onArrive!(r, 0);
    batch(o, 0, 0, [work(reqs[0]!, 0)], 0, 10);
    reqs[0]!.completion = ms(10);
    o.onComplete!(reqs[0]!, ms(10));
    batch(o, 0, 1, [work(reqs[1]!, ms(5))], 5, 7);
    reqs[1]!.completion = ms(7);
    o.onComplete!(reqs[1]!, ms(7));
    batch(o, 0, 0, [work(reqs[2]!, ms(12))], 12, 20);
    reqs[2]!.completion = ms(20);
    o.onComplete!(reqs[2]!, ms(20));
    const n = c.report(META).energy!.nodes["gpu"]!;
    expect(n.idleJ).toBeCloseTo(((2 * 20 - 20) * 3) / 1e3, 15);
    expect(n.busyJ).toBeCloseTo((20 * 8) / 1e3, 15);
    expect(n.totalJ).toBeCloseTo(0.06 + 0.16, 15);
  });

  it("a device without power figures is not counted, and the report says the total is incomplete", () => {
    const { c, o } = rig({ stations: [station("mine", null, null)], links: [], origins: [0] }, [{ id: "mine", kind: "station", servers: 1 }]);
    const req = newRequest(0, 0, 0, "m", 0, -1);
    o.onArrive!(req, 0);
    batch(o, 0, 0, [work(req, 0)], 0, 4);
    req.completion = ms(4);
    o.onComplete!(req, ms(4));
    const e = c.report(META).energy!;
    expect([e.nodes["mine"]!.busyJ, e.nodes["mine"]!.idleJ, e.complete, e.totalJ, req.deviceEnergyJ]).toEqual([null, null, false, 0, 0]);
  });
});
