// The metrics `compare` (and `report`) show when none are named: light, so the CLI can name them
// in its help without loading the statistics.
export const DEFAULT_METRICS = ["latencyMs.p95", "throughputPerSec", "bubbleRatio.overall"] as const;
