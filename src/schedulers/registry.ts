// Scheduler registry: CLI/scenario name -> factory. Adding a scheduler touches its own file and
// one line here.
import { SplitsimError } from "../errors.js";
import { bps } from "./bps.js";
import { cloudOnly } from "./cloud-only.js";
import { coach } from "./coach.js";
import { dads } from "./dads.js";
import { decc } from "./decc.js";
import { deviceOnly } from "./device-only.js";
import { edgent } from "./edgent.js";
import { fixedSplit } from "./fixed-split.js";
import { halp } from "./halp.js";
import { jobOffloading } from "./job-offloading.js";
import { modnn } from "./modnn.js";
import { neurosurgeon } from "./neurosurgeon.js";
import { rfs } from "./rfs.js";
import type { SchedulerFactory } from "./scheduler.js";

export const SCHEDULERS = {
  "device-only": deviceOnly,
  "cloud-only": cloudOnly,
  "fixed-split": fixedSplit,
  neurosurgeon,
  dads,
  "job-offloading": jobOffloading,
  edgent,
  decc,
  coach,
  bps,
  halp,
  rfs,
  modnn,
} as const satisfies Record<string, SchedulerFactory>;

export type SchedulerName = keyof typeof SCHEDULERS;

export function schedulerNames(): string[] {
  return Object.keys(SCHEDULERS);
}

export function schedulerFactory(name: string): SchedulerFactory {
  const f = (SCHEDULERS as Record<string, SchedulerFactory>)[name];
  if (f === undefined) throw new SplitsimError(`unknown scheduler '${name}' (known: ${schedulerNames().join(", ")})`);
  return f;
}
