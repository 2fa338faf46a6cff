// RunReport: the JSON contract of DESIGN §6 (field names fixed; fields may be added). Objects are
// built in one fixed key order and numbers rounded once: times in ms to 6 decimals (exact to the
// ns), ratios to 9 decimals, so the same run gives byte-identical JSON.
import type { LatencySummary } from "./stats.js";

export interface ResourceReport {
  kind: "station" | "link";
  servers: number;
  busyMs: number;
  /** Busy time of each server (a station's servers in index order; a link has one). */
  serverBusyMs: number[];
  utilisation: number;
  bubbleRatio: number;
  fillMs: number;
  drainMs: number;
  internalIdleMs: number;
  activeBubbleRatio: number;
  idleByCauseMs: { starved: number; upstream: number; held: number };
  /** First start and last end over the resource's servers (-1 when never used). */
  firstStartMs: number;
  lastEndMs: number;
  used: boolean;
}

export interface RunReport {
  scenario: string;
  scheduler: string;
  options: Record<string, unknown>;
  estimator: string;
  seed: number;
  scenarioHash: string;
  requests: { admitted: number; completed: number; dropped: number; deadlineMissed: number };
  latencyMs: LatencySummary;
  throughputPerSec: number;
  makespanMs: number;
  window: { t0Ms: number; t1Ms: number; measuredFromMs: number; warmupRequests: number };
  bubbleRatio: { overall: number; active: number };
  resources: Record<string, ResourceReport>;
  accuracy: { meanLossPct: number };
}

export interface ReportMeta {
  scenario: string;
  scheduler: string;
  options: Record<string, unknown>;
  seed: number;
  scenarioHash: string;
  estimator: string;
}

/** ns -> ms with 6 decimals. */
export function roundMs(ns: number): number {
  return Number((ns / 1e6).toFixed(6));
}

/** A ratio (or any dimensionless figure) to 9 decimals. */
export function roundRatio(x: number): number {
  return Number(x.toFixed(9));
}
