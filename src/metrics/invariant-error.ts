// InvariantError: what a run throws when one of its invariants breaks (docs/invariants.md). The
// message names the invariant, the request and the step when there is one, and the times in
// seconds to the nanosecond, so that the event can be found again in a trace or requests.csv.
import { toSec, type Time } from "../core/time.js";
import { SplitsimError } from "../errors.js";

/** The invariants checked in every run, as the messages and docs name them. */
export type Invariant = "conservation" | "causality" | "exclusivity" | "monotone time" | "bytes";

/** Where a violation happened: a request's step (either may be absent) and the times involved. */
export interface ViolationSite {
  requestId?: number;
  step?: number;
  /** What the step is, e.g. "transfer of 1200 bytes on 'up'". */
  stepWhat?: string;
  /** Named times (ns), printed in this order after the event's own time. */
  times?: ReadonlyArray<readonly [string, Time]>;
}

export class InvariantError extends SplitsimError {
  override readonly name = "InvariantError";
  readonly requestId: number | null;
  readonly step: number | null;

  constructor(
    readonly invariant: Invariant,
    /** The simulation time of the event that broke it (ns). */
    readonly at: Time,
    /** What happened, as a clause: "started before its predecessor step 0 ended". */
    readonly what: string,
    site: ViolationSite = {},
  ) {
    super(violationMessage(invariant, at, what, site));
    this.requestId = site.requestId ?? null;
    this.step = site.step ?? null;
  }
}

/**
 * `invariant <name> violated at <t> s: request <id>, step <k> (<what step>): <what> (<name> <t> s, ...)`;
 * the request, step and time list appear only when known.
 */
export function violationMessage(invariant: Invariant, at: Time, what: string, site: ViolationSite): string {
  const subject: string[] = [];
  if (site.requestId !== undefined) subject.push(`request ${site.requestId}`);
  if (site.step !== undefined) subject.push(`step ${site.step}${site.stepWhat === undefined ? "" : ` (${site.stepWhat})`}`);
  const times = (site.times ?? []).map(([name, t]) => `${name} ${toSec(t)} s`);
  return (
    `invariant ${invariant} violated at ${toSec(at)} s: ${subject.length > 0 ? subject.join(", ") + ": " : ""}${what}` +
    (times.length > 0 ? ` (${times.join(", ")})` : "")
  );
}
