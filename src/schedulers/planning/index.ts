// The planning library in one import, for plug-in authors: routes and split plans, the per-cut
// table, early-exit plans, predecessor-closed cut sets and per-tensor bytes, series-parallel
// decomposition, flow-shop order rules, and max-flow / min-cut (DADS). Each module is small and
// tested on its own.
export { BySourceModel } from "./by-source-model.js";
export { resolveRoute, requireUplink, RouteCache, type SplitRoute } from "./route.js";
export { partitionPlan, range, splitPlan, SplitPlanCache, RAW_INPUT_BITS } from "./split-plan.js";
export { cutTable, prefixMs, sendMs, targetMs, type CutTable } from "./cut-table.js";
export {
  estimateNs, exitBranches, exitPlan, exitTable, pathBoundary, sendNs as exitSendNs,
  type ExitBranchSpec, type ExitOption, type ExitTable, type LinkEstimate,
} from "./exit-plan.js";
export { enumerateClosedSets, DEFAULT_CLOSED_SET_LIMIT, type ClosedSetOptions } from "./cut-sets.js";
export { maskCut, type MaskCut } from "./mask-cut.js";
export { maskPlan } from "./mask-plan.js";
export { boundaryBytesPerTensor } from "./per-tensor-bytes.js";
export { articulationLayers, seriesParallel, type Block, type LayerBlock, type ParallelBlock, type Series, type SuperBlock } from "./series-parallel.js";
export {
  flowShopMakespan, flowShopSchedule, sequenceMakespan, type FlowShopInstance, type FlowShopSchedule, type FlowShopSolution,
} from "./flow-shop.js";
export { johnson, johnsonOrder } from "./johnson.js";
export { cds } from "./cds.js";
export { neh } from "./neh.js";
export { bruteForceFlowShop, BRUTE_FORCE_MAX_JOBS } from "./flow-shop-brute-force.js";
export { cutCapacity, maxFlow, type FlowEdge, type FlowNetwork, type MaxFlow } from "./max-flow.js";
export { dadsCut, dadsGraph, type DadsCut, type DadsTimes } from "./dads-cut.js";
