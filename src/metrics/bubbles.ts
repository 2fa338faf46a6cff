// Bubble figures of a resource over the run window [T0, T1] (DESIGN §6, reference §4.3), from a
// settled ResourceAccounts. Everything is in ns; invariant: fill + drain + internal + busy = c·(T1−T0)
// and starved + upstream + held = internal.
import type { Time } from "../core/time.js";
import { HELD, type ResourceAccounts, STARVED, UPSTREAM } from "./resource-account.js";

export interface ResourceFigures {
  busyNs: number;
  serverBusyNs: number[];
  fillNs: number;
  drainNs: number;
  internalIdleNs: number;
  starvedNs: number;
  upstreamNs: number;
  heldNs: number;
  /** Σ over used servers of (last end − first start). */
  spanNs: number;
  /** Earliest first start and latest last end over the servers, -1 when unused. */
  firstStartNs: Time;
  lastEndNs: Time;
  /** Some server did work (possibly of zero length) within the window. */
  used: boolean;
  utilisation: number;
  bubbleRatio: number;
  activeBubbleRatio: number;
  bubbleRatioExcludingStarved: number;
}

/**
 * With c servers, window W = T1 − T0, busy B and E = time within the window with no request in the
 * system:
 * - fill = Σ_servers (first start − T0), a never-used server adding its whole window;
 *   drain = Σ_used servers (T1 − last end); internal idle = c·W − B − fill − drain;
 * - utilisation = B/(c·W); β = 1 − B/(c·W), and 1 for an unused resource (0 if W = 0 and used);
 * - active ratio = 1 − B/span (0 when the span is 0): stalls inside the active span only;
 * - β without starved time = 1 − B/(c·(W − E)) (0 when W = E): arrival gaps are not bubbles.
 */
export function resourceFigures(a: ResourceAccounts, r: number, t0: Time, t1: Time, emptyNs: number): ResourceFigures {
  const w = t1 - t0;
  const f: ResourceFigures = {
    busyNs: 0, serverBusyNs: [], fillNs: 0, drainNs: 0, internalIdleNs: 0, starvedNs: 0, upstreamNs: 0,
    heldNs: 0, spanNs: 0, firstStartNs: -1, lastEndNs: -1, used: false, utilisation: 0, bubbleRatio: 1,
    activeBubbleRatio: 0, bubbleRatioExcludingStarved: 1,
  };
  const servers = a.servers(r);
  for (let s = 0; s < servers; s++) {
    const b = a.windowBusyNs(r, s);
    f.serverBusyNs.push(b);
    f.busyNs += b;
    const first = a.windowFirstStart(r, s);
    if (first < 0) {
      f.fillNs += w;
      continue;
    }
    const last = a.windowLastEnd(r, s);
    f.used = true;
    f.fillNs += first - t0;
    f.drainNs += t1 - last;
    f.spanNs += last - first;
    f.starvedNs += a.internalIdleNs(r, s, STARVED);
    f.upstreamNs += a.internalIdleNs(r, s, UPSTREAM);
    f.heldNs += a.internalIdleNs(r, s, HELD);
    if (f.firstStartNs < 0 || first < f.firstStartNs) f.firstStartNs = first;
    if (last > f.lastEndNs) f.lastEndNs = last;
  }
  const capacity = servers * w;
  f.internalIdleNs = capacity - f.busyNs - f.fillNs - f.drainNs;
  f.utilisation = capacity > 0 ? f.busyNs / capacity : 0;
  if (f.used) {
    f.bubbleRatio = ratioIdle(f.busyNs, capacity);
    f.bubbleRatioExcludingStarved = ratioIdle(f.busyNs, servers * (w - emptyNs));
    f.activeBubbleRatio = ratioIdle(f.busyNs, f.spanNs);
  }
  return f;
}

export interface OverallFigures {
  bubbleRatio: number;
  activeBubbleRatio: number;
  bubbleRatioExcludingStarved: number;
}

/**
 * β = 1 − Σ B_r / Σ c_r·W over the resources used in the window only: a resource a policy never
 * touches (the cloud under device-only) is not a pipeline bubble. The active and starved-free
 * variants sum the same way. With no used resource every figure is 0.
 */
export function overallFigures(resources: readonly { servers: number; f: ResourceFigures }[], w: number, emptyNs: number): OverallFigures {
  let busy = 0;
  let servers = 0;
  let span = 0;
  for (const { servers: c, f } of resources) {
    if (!f.used) continue;
    busy += f.busyNs;
    servers += c;
    span += f.spanNs;
  }
  return {
    bubbleRatio: ratioIdle(busy, servers * w),
    activeBubbleRatio: ratioIdle(busy, span),
    bubbleRatioExcludingStarved: ratioIdle(busy, servers * (w - emptyNs)),
  };
}

/** 1 − busy/capacity, or 0 when the capacity is empty (nothing to be idle in). */
function ratioIdle(busy: number, capacity: number): number {
  return capacity > 0 ? 1 - busy / capacity : 0;
}
