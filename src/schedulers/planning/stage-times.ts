// Per-cut stage times of one model on one route, as a flow shop sees them: for each prefix cut k,
// the time it holds the device, the uplink, the target and the downlink, and the propagation lags
// between them, in integer ns from ctx.computeCost and ctx.transferNs — the costs the simulator
// itself charges, so a plan's predicted schedule is the simulated one (at batch 1, no noise, and
// the bandwidth estimate in force when planning).
import type { Cut, Model } from "../../workload/model.js";
import { boundaryBytes } from "../../workload/quantization.js";
import type { SchedulerContext } from "../context.js";
import type { SplitRoute } from "./route.js";
import { range } from "./split-plan.js";

/**
 * Machines: 0 device, 1 uplink, 2 target; with a downlink also 3 downlink and 4 a zero-time
 * "arrival" machine whose lag is the downlink's propagation, so a job's end on the last machine is
 * when its result is back. times[k][s] and lags[k][s] (between machine s and s + 1) per cut k.
 */
export interface StageTimes {
  readonly model: Model;
  readonly cuts: readonly Cut[];
  readonly machines: number;
  readonly times: readonly (readonly number[])[];
  readonly lags: readonly (readonly number[])[];
  /** Unloaded latency of one job at cut k: every stage time and lag. */
  readonly latency: readonly number[];
}

/** Transmission only (the link is free again once the last byte is out; propagation is a lag). */
function transmitNs(ctx: SchedulerContext, link: number, bytes: number): number {
  return ctx.transferNs(link, bytes) - ctx.topology.links[link]!.latencyNs;
}

export function stageTimes(ctx: SchedulerContext, model: Model, route: SplitRoute, bits: number): StageTimes {
  const L = model.layerCount;
  const cuts = model.prefixCuts();
  const hasDown = route.downlink >= 0;
  const machines = hasDown ? 5 : 3;
  const upLatency = route.uplink >= 0 ? ctx.topology.links[route.uplink]!.latencyNs : 0;
  const downLatency = hasDown ? ctx.topology.links[route.downlink]!.latencyNs : 0;
  const resultNs = hasDown ? transmitNs(ctx, route.downlink, ctx.resultBytes(model)) : 0;
  const times: number[][] = [];
  const lags: number[][] = [];
  const latency: number[] = [];
  for (let k = 0; k <= L; k++) {
    const device = k > 0 ? ctx.computeCost(route.origin, model, range(0, k)).ns(1) : 0;
    const t = new Array<number>(machines).fill(0);
    const lag = new Array<number>(machines - 1).fill(0);
    t[0] = device;
    if (k < L) {
      if (route.uplink < 0) {
        t[1] = Infinity; // cannot be sent: never a candidate
      } else {
        t[1] = transmitNs(ctx, route.uplink, boundaryBytes(model, cuts[k]!.boundary, bits, ctx.headerBytes));
        t[2] = ctx.computeCost(route.target, model, range(k, L)).ns(1);
        lag[1] = upLatency;
        if (hasDown) {
          t[3] = resultNs;
          lag[3] = downLatency;
        }
      }
    }
    times.push(t);
    lags.push(lag);
    latency.push(t.reduce((a, b) => a + b, 0) + lag.reduce((a, b) => a + b, 0));
  }
  return { model, cuts, machines, times, lags, latency };
}

/** The cut with the lowest unloaded latency (Neurosurgeon's choice); ties go to the earliest cut. */
export function latencyOptimalCut(st: StageTimes): number {
  let best = 0;
  for (let k = 1; k < st.latency.length; k++) if (st.latency[k]! < st.latency[best]!) best = k;
  return best;
}

/**
 * Cuts not dominated on every stage time and lag together (another cut ≤ everywhere and < once
 * is never worse in any order, as the flow-shop recurrence is monotone in its times). Exact ties
 * keep the earliest cut. Cuts that can never be sent are dropped.
 */
export function undominatedStageCuts(st: StageTimes): number[] {
  const vec = (k: number): number[] => [...st.times[k]!, ...st.lags[k]!];
  const kept: number[] = [];
  for (let k = 0; k < st.times.length; k++) {
    const v = vec(k);
    if (!v.every(Number.isFinite)) continue;
    let dominated = false;
    for (let o = 0; o < st.times.length && !dominated; o++) {
      if (o === k) continue;
      const w = vec(o);
      if (!w.every(Number.isFinite)) continue;
      const le = w.every((x, i) => x <= v[i]!);
      const equal = le && w.every((x, i) => x === v[i]!);
      dominated = le && (!equal || o < k);
    }
    if (!dominated) kept.push(k);
  }
  return kept;
}
