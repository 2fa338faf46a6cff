// Where a split request goes: from its origin device over an uplink to a target station, and
// back over a downlink when the topology has one.
import { SplitsimError } from "../../errors.js";
import type { SchedulerContext } from "../scheduler.js";

export interface SplitRoute {
  origin: number;
  target: number;
  /** Link origin -> target, or -1 when there is none (only device-only plans then work). */
  uplink: number;
  /** Link target -> origin, or -1 (the result then stays at the target). */
  downlink: number;
}

/**
 * The route from `origin`: to the node named `targetName`, or by default to the destination of
 * the first link leaving the origin in file order (the usual device -> cloud uplink).
 */
export function resolveRoute(ctx: SchedulerContext, origin: number, targetName: string | undefined): SplitRoute {
  const topo = ctx.topology;
  let target = -1;
  if (targetName !== undefined) {
    target = topo.stationIndex(targetName);
    if (target < 0) throw new SplitsimError(`target node '${targetName}' does not exist`);
  } else {
    const first = topo.links.find((l) => l.from === origin);
    target = first === undefined ? -1 : first.to;
  }
  if (target < 0) return { origin, target: -1, uplink: -1, downlink: -1 };
  return { origin, target, uplink: topo.linkBetween(origin, target), downlink: topo.linkBetween(target, origin) };
}

export function requireUplink(ctx: SchedulerContext, route: SplitRoute, scheduler: string): void {
  if (route.uplink >= 0) return;
  const from = ctx.topology.stations[route.origin]!.name;
  throw new SplitsimError(
    route.target < 0
      ? `${scheduler}: node '${from}' has no outgoing link to offload over`
      : `${scheduler}: no link from '${from}' to '${ctx.topology.stations[route.target]!.name}'`,
  );
}

/** Routes per origin for one scheduler instance: resolved on first use, then reused. */
export class RouteCache {
  private readonly routes = new Map<number, SplitRoute>();
  constructor(private readonly targetName: string | undefined) {}

  /** The route of a request's origin, checked to have an uplink (for schedulers that offload). */
  offload(ctx: SchedulerContext, source: number, scheduler: string): SplitRoute {
    const route = this.get(ctx, ctx.topology.originOf(source));
    requireUplink(ctx, route, scheduler);
    return route;
  }

  get(ctx: SchedulerContext, origin: number): SplitRoute {
    let route = this.routes.get(origin);
    if (route === undefined) {
      route = resolveRoute(ctx, origin, this.targetName);
      this.routes.set(origin, route);
    }
    return route;
  }
}
