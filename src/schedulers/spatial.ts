// The spatial partitioners (HALP §1.6, its RFS reference point and MoDNN), one factory with the
// scheme as parameter: the conv chain is cut into blocks (sync), each block's output rows are dealt
// to the nodes in a layout (ratio), and a task's plan sends slabs out, computes every node's rows
// and gathers them at the host before the next block. The schemes differ only in the layout and
// defaults: HALP puts the host between secondaries so every overlap zone is the host's (no halo
// crosses a link, no secondary computes a row twice); RFS puts the host on top and the secondaries
// next to each other (§1.6.1: the rows two secondaries share are sent to both and computed twice);
// MoDNN scatters and gathers every layer, rows in proportion to speed. Plans are made per
// (source, model, tasks released together) and made again when a link estimate moves by 1 %.
import { z } from "zod";
import { OptionsError } from "../errors.js";
import type { Model } from "../workload/model.js";
import type { Plan } from "../workload/plan.js";
import { rawInputBytes } from "../workload/quantization.js";
import type { Request } from "../workload/request.js";
import { parseOptions } from "./options.js";
import { segmentChain, type SyncRule } from "./planning/block-dp.js";
import { rowChain, strideBoundaries } from "./planning/receptive-field.js";
import type { BlockCostSetting, BlockTime, LinkCost } from "./planning/spatial-cost.js";
import { bestHaloSplit, type HaloRows } from "./planning/spatial-halo.js";
import { levelRowBytes } from "./planning/spatial-halo-plan.js";
import { memberRows } from "./planning/spatial-rows.js";
import { spatialPlan, type PlannedBlock, type SpatialNodes } from "./planning/spatial-plan.js";
import { bestPartition, partitionAt, SplitSpace, type Partition } from "./planning/spatial-search.js";
import { BlockTables, convChain, linkCost, nodeCosts, rowBytes, spatialNodes } from "./planning/spatial-setup.js";
import type { PlanResult, Scheduler, SchedulerContext, SchedulerFactory } from "./scheduler.js";

export type SpatialScheme = "halp" | "rfs" | "modnn";

const Options = z.strictObject({
  devices: z.array(z.string()).optional(),
  sync: z.enum(["dp", "pool", "layer"]).optional(),
  ratio: z.enum(["search", "proportional"]).optional(),
  layout: z.union([z.literal("interleaved"), z.array(z.string())]).optional(),
  overlap: z.enum(["zones", "halo"]).default("zones"),
  replan: z.enum(["dispatch", "mean"]).default("dispatch"),
  meanMbps: z.number().positive().finite().optional(),
  tasks: z.number().int().min(1).optional(),
});
type Opts = z.output<typeof Options>;

const OPTION_TEXT = [
  "devices (node names, host first; default: the origin and every node linked to it both ways)",
  "sync (dp | pool | layer): where blocks end — DPFP's dynamic programme, every downsampling layer, or every layer",
  "ratio (search | proportional): rows per node by brute-force search of the predicted block time, or in proportion to speed",
  "replan (dispatch | mean, default dispatch): plan with the link estimates at dispatch (again when one moves by 1 %), or once with meanMbps",
  "meanMbps (> 0): the rate every host link is planned with under replan: mean (default: the estimates at the first task)",
  "tasks (whole number >= 1): tasks the ratio is balanced for (§1.6.5 cycle objective; default: the requests released together)",
];

interface Flow {
  key: string;
  plan: Plan;
  buckets: number[];
}

export function spatialScheduler(scheme: SpatialScheme, description: string): SchedulerFactory {
  const own = scheme === "modnn" ? ["devices", "replan", "meanMbps", "tasks"] : scheme === "rfs" ? ["devices", "sync", "ratio", "replan", "meanMbps", "tasks"] : null;
  return {
    description,
    unmetNeed: (o, sources) => (o["devices"] === undefined && sources.some((s) => s.partners === 0)
      ? "it splits feature maps over nodes linked both ways with the host, and a source enters at a node with none"
      : null),
    options: scheme === "halp"
      ? [...OPTION_TEXT.slice(0, 3), "layout (interleaved | node names top to bottom, default interleaved: secondary, host, secondary, host, …)",
        "overlap (zones | halo, default zones): reading A — the host computes the overlap zones, secondaries get exclusive slabs once per block — or reading B — every row computed once, the host sending halo rows to the secondaries before each layer (at most two secondaries)",
        ...OPTION_TEXT.slice(3)]
      : OPTION_TEXT.filter((t) => own!.includes(t.split(" ")[0]!)),
    create(options): Scheduler {
      const o = parseOptions(scheme, Options, options);
      for (const k of Object.keys(options)) if (own !== null && !own.includes(k) && k in Options.shape)
        throw new OptionsError(scheme, [{ path: k, message: `${scheme} does not take this option (${scheme === "modnn" ? "MoDNN scatters every layer in proportion to speed" : "RFS's layout is fixed: host on top"})` }]);
      return new SpatialPartitioner(scheme, o);
    },
  };
}

class SpatialPartitioner implements Scheduler {
  readonly name: string;
  private readonly sync: SyncRule;
  private readonly ratio: "search" | "proportional";
  private readonly flows = new Map<string, Flow>();
  private readonly tables = new Map<string, BlockTables>();
  /** Split spaces by (model, nodes, layout, block): rate-independent, so built once. */
  private readonly spaces = new Map<string, SplitSpace>();
  private plans = 0;
  private lastBlocks: string[] = [];
  private lastPredictedMs = 0;

  constructor(private readonly scheme: SpatialScheme, private readonly o: Opts) {
    this.name = scheme;
    this.sync = scheme === "modnn" ? "layer" : (o.sync ?? "dp");
    this.ratio = scheme === "modnn" ? "proportional" : (o.ratio ?? "search");
  }

  plan(req: Request, ctx: SchedulerContext): PlanResult {
    return this.planFor(req, this.o.tasks ?? 1, ctx);
  }

  planArrivals(reqs: readonly Request[], ctx: SchedulerContext): readonly PlanResult[] {
    const together = new Map<string, number>();
    for (const r of reqs) together.set(`${r.source}/${r.model}`, (together.get(`${r.source}/${r.model}`) ?? 0) + 1);
    return reqs.map((r) => this.planFor(r, this.o.tasks ?? together.get(`${r.source}/${r.model}`)!, ctx));
  }

  summary(): Record<string, unknown> {
    return { plansMade: this.plans, blocks: this.lastBlocks, predictedBlocksMs: this.lastPredictedMs };
  }

  private planFor(req: Request, tasks: number, ctx: SchedulerContext): Plan {
    const key = `${req.source}/${req.model}/${tasks}`;
    const origin = ctx.topology.originOf(req.source);
    const nodes = spatialNodes(ctx, this.scheme, origin, this.o.devices);
    const links = this.linkCosts(ctx, nodes);
    const bucket = (c: LinkCost): number => Math.round(Math.log(c.bytesPerSec) / Math.log(1.01));
    const buckets = links.flatMap((l) => (l === null ? [] : [bucket(l.out), bucket(l.back)]));
    const flow = this.flows.get(key);
    const fixed = this.o.replan === "mean" && flow !== undefined;
    if (flow !== undefined && (fixed || flow.buckets.every((b, i) => b === buckets[i]))) return flow.plan;
    const plan = this.build(ctx, ctx.model(req.model), nodes, links, origin, tasks);
    this.flows.set(key, { key, plan, buckets });
    return plan;
  }

  /** Host → node and node → host per node, grouped by medium; replan: mean plans at meanMbps. */
  private linkCosts(ctx: SchedulerContext, nodes: SpatialNodes): Array<{ out: LinkCost; back: LinkCost } | null> {
    // Links on one medium share a server: the planner serialises them as the simulator does.
    const links = ctx.topology.links;
    const group = (link: number): number => {
      const medium = links[link]!.medium;
      return medium === undefined ? link : links.length + links.findIndex((l) => l.medium === medium);
    };
    const at = (link: number): LinkCost => {
      const c = linkCost(ctx, link, group(link));
      return this.o.replan === "mean" && this.o.meanMbps !== undefined ? { ...c, bytesPerSec: (this.o.meanMbps * 1e6) / 8 } : c;
    };
    return nodes.stations.map((_, k) => (k === 0 ? null : { out: at(nodes.out[k]!), back: at(nodes.back[k]!) }));
  }

  private layout(ctx: SchedulerContext, nodes: SpatialNodes): number[] {
    const n = nodes.stations.length;
    if (this.scheme !== "halp") return Array.from({ length: n }, (_, k) => k);
    const given = this.o.layout;
    if (given === undefined || given === "interleaved") {
      const order: number[] = [];
      for (let k = 1; k < n; k++) order.push(k, 0);
      if (n > 2 || n === 1) order.pop(); // S1, H, S2, H, …, SN; one secondary: S1 on top, host below
      return n === 1 ? [0] : order;
    }
    return given.map((name, i) => {
      const s = ctx.topology.stationIndex(name);
      const k = nodes.stations.indexOf(s);
      if (k < 0) throw new OptionsError(this.scheme, [{ path: `layout.${i}`, message: `'${name}' is not one of the devices (${nodes.stations.map((x) => ctx.topology.stations[x]!.name).join(", ")})` }]);
      return k;
    });
  }

  private build(ctx: SchedulerContext, model: Model, nodes: SpatialNodes, links: Array<{ out: LinkCost; back: LinkCost } | null>, origin: number, tasks: number): Plan {
    const { end, head } = convChain(model, this.scheme);
    const tables = (this.tables.get(model.name) ?? this.tables.set(model.name, new BlockTables(model, end + 1)).get(model.name))!;
    const costs = nodes.stations.map((s) => nodeCosts(ctx, model, s));
    const layout = this.layout(ctx, nodes);
    for (let k = 1; k < nodes.stations.length; k++) if (!layout.includes(k))
      throw new OptionsError(this.scheme, [{ path: "layout", message: `leaves out '${ctx.topology.stations[nodes.stations[k]!]!.name}'` }]);
    // The block programme asks for hundreds of blocks; only the chosen ones become Partitions.
    const outs = links.map((l) => l?.out ?? null);
    const backs = links.map((l) => l?.back ?? null);
    const found = new Map<number, { setting: BlockCostSetting; space?: SplitSpace; index?: number; partition?: Partition; halo?: HaloRows; counts?: Int32Array; time?: BlockTime }>();
    const cost = (i: number, j: number): number => {
      const block = tables.get(i, j);
      const setting: BlockCostSetting = { nodes: costs, out: outs, back: backs, ...rowBytes(model, block), headerBytes: ctx.headerBytes, tasks };
      if (this.o.overlap === "halo") {
        const b = bestHaloSplit(block, setting, layout, levelRowBytes(model, block));
        if (b === null) return Infinity;
        found.set(i * (end + 1) + j, { setting, halo: b.rows, counts: b.counts, time: b.time });
        return b.time.objective;
      }
      if (this.ratio === "search" && layout.length <= 3) {
        const key = `${model.name}/${nodes.stations.join(",")}/${layout.join(",")}/${i},${j}`;
        const space = this.spaces.get(key) ?? this.spaces.set(key, new SplitSpace(block, costs, layout)).get(key)!;
        found.set(i * (end + 1) + j, { setting, space, index: space.bestIndex(setting) });
        return space.lastObjective;
      }
      const partition = bestPartition(block, setting, layout, this.ratio);
      found.set(i * (end + 1) + j, { setting, partition });
      return partition.time.objective;
    };
    const ends = this.sync === "pool" ? strideBoundaries(rowChain(model, model.names[0]!, model.names[end]!)) : [];
    const seg = segmentChain(end + 1, this.sync, cost, ends);
    const chosen = seg.blocks.map(([i, j]) => {
      const f = found.get(i * (end + 1) + j)!;
      if (f.halo !== undefined) return { counts: f.counts!, time: f.time!, halo: f.halo, rows: memberRows(tables.get(i, j), layout, f.counts!, nodes.stations.length) };
      return f.partition ?? partitionAt(f.space!, f.index!, f.setting);
    });
    const blocks: PlannedBlock[] = seg.blocks.map(([i, j], b) => {
      const block = tables.get(i, j);
      const c = chosen[b]!;
      return { block, rows: c.rows, ...("halo" in c ? { halo: c.halo } : {}), ...rowBytes(model, block) };
    });
    const host = nodes.stations[0]!;
    const away = origin !== host;
    const upload = away ? ctx.topology.linkBetween(origin, host) : -1;
    const download = away ? ctx.topology.linkBetween(host, origin) : -1;
    if (away && (upload < 0 || download < 0))
      throw new OptionsError(this.scheme, [{ path: "devices.0", message: `the host '${ctx.topology.stations[host]!.name}' needs links both ways with the origin '${ctx.topology.stations[origin]!.name}'` }]);
    this.plans++;
    this.lastPredictedMs = chosen.reduce((t, p) => t + p.time.makespan, 0) / 1e6;
    this.lastBlocks = seg.blocks.map(([i, j], b) => `${model.names[i]}..${model.names[j]}:${Array.from(chosen[b]!.counts).join("/")}`);
    return spatialPlan(ctx, {
      model, nodes, blocks, head, origin: away ? origin : -1, upload, download,
      uploadBytes: rawInputBytes(model.inputElements, ctx.headerBytes), label: `${this.scheme}:${seg.blocks.length}`,
    });
  }
}
