// COACH's options (coach-decc.md §1.8's decisions, each with a documented default) and their
// one-line descriptions for `splitsim schedulers`. Kept apart from the scheduler so that the
// scheduler file holds only what it does per frame.
import { z } from "zod";
import { WIRE_BITS } from "../workload/quantization.js";

const unit = (name: string) => z.number().min(0, { message: `${name} must be in [0, 1]` }).max(1, { message: `${name} must be in [0, 1]` });
const wireLevel = z.number().refine((b) => (WIRE_BITS as readonly number[]).includes(b), { message: `a bit level must be one of ${WIRE_BITS.join(", ")}` });

export const CoachOptions = z
  .strictObject({
    mode: z.enum(["full", "offline-only", "no-cache", "fixed-bits"]).default("full"),
    search: z.enum(["dc", "exact"]).default("dc"),
    objective: z.enum(["lexicographic", "weighted"]).default("lexicographic"),
    weight: z.number().min(0).finite().default(0.1),
    bubbleStages: z.enum(["all", "compute"]).default("all"),
    accuracyBudgetPct: z.number().finite().min(0, { message: "accuracyBudgetPct must be >= 0 (percentage points)" }).default(0.5),
    lossCombine: z.enum(["sum", "max"]).default("sum"),
    levels: z.array(wireLevel).min(1).optional(),
    window: z.number().int().min(0).default(2),
    quantizeCost: z.enum(["pass", "none"]).default("pass"),
    nominalMbps: z.number().positive().finite().optional(),
    cacheSize: z.number().int().min(1, { message: "cacheSize must be a whole number >= 1" }).default(16),
    eviction: z.enum(["lru", "lfu"]).default("lru"),
    theta: unit("theta").default(0.8),
    thetaEasy: unit("thetaEasy").default(0.5),
    hitPrecision: unit("hitPrecision").default(0.99),
    cacheLookupMs: z.number().min(0).finite().optional(),
    hysteresis: z.number().min(0).finite().default(0.1),
    easyLossFactor: unit("easyLossFactor").default(0.5),
    repartitionAfter: z.number().int().min(1).optional(),
    target: z.string().optional(),
  })
  .refine((o) => o.thetaEasy <= o.theta, { message: "thetaEasy must be <= theta (an easy frame is one below the hit threshold)", path: ["thetaEasy"] });

export type CoachOpts = z.output<typeof CoachOptions>;

export const COACH_OPTION_LINES = [
  "mode (full | offline-only | no-cache | fixed-bits, default full): the ablation switches: no cache and no online bits; no cache; no online bits",
  "search (dc | exact, default dc): divide and conquer (bisection, a window, per-branch cuts next to the best cut), or every articulation cut and region cut vector",
  "objective (lexicographic | weighted, default lexicographic): bottleneck, then bubble, then latency; or bottleneck + weight × the stages' sum",
  "weight (>= 0, default 0.1): α of the weighted objective",
  "bubbleStages (all | compute, default all): the stages whose idle time is the bubble: device, uplink and target, or device and target",
  "accuracyBudgetPct (points >= 0, default 0.5): the accuracy a plan may lose",
  "lossCombine (sum | max, default sum): a plan's loss over its boundary tensors",
  "levels (bit levels, default 2-8, 16, 32): the levels the bits are chosen from",
  "window (whole number >= 0, default 2): articulation cuts tried either side of the balance point",
  "quantizeCost (pass | none, default pass): one pass over each boundary tensor at the node's memory bandwidth to quantize (device) and dequantize (target), or free",
  "nominalMbps (> 0, default: the estimate at the first frame, the trace mean under ewma): the bandwidth the offline plan is made for",
  "cacheSize (whole number >= 1, default 16): labels the semantic cache holds",
  "eviction (lru | lfu, default lru): over the labels the cloud returns",
  "theta (0-1, default 0.8): closeness for a cache hit",
  "thetaEasy (0-1, <= theta, default 0.5): closeness from which a missed frame is easy (its bits may drop)",
  "hitPrecision (0-1, default 0.99): probability that a hit returns the right label",
  "cacheLookupMs (ms >= 0, default: cacheSize × channels at the cut multiply-adds on the device): the look-up's cost per frame",
  "hysteresis (>= 0, default 0.1): the link is the bottleneck once it needs more than (1 + hysteresis) × the slower compute stage",
  "easyLossFactor (0-1, default 0.5, our assumption): an easy frame's loss is the table's times this",
  "repartitionAfter (whole number >= 1, default off): re-run the offline search after this many link-bound frames in a row",
  "target (node, default: the destination of the origin's first link): where the rest runs",
];
