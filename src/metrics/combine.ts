// Combines several observers into one, so the platform always calls a single object. With one
// observer it is returned as is (no indirection in the hot path).
import type { Observer } from "../platform/observer.js";

const HOOKS = ["onSetup", "onArrive", "onQueue", "onStart", "onEnd", "onStepStart", "onStepEnd", "onComplete", "onDrop", "onFinish"] as const;

const watchesSteps = (o: Observer, res: number): boolean =>
  (o.onStepStart !== undefined || o.onStepEnd !== undefined) && (o.observesSteps?.(res) ?? true);

export function combineObservers(observers: readonly Observer[]): Observer {
  if (observers.length === 1) return observers[0]!;
  const out: Record<string, (...args: never[]) => void> = {};
  for (const hook of HOOKS) {
    const fns = observers.map((o) => o[hook]?.bind(o)).filter((f) => f !== undefined) as Array<(...a: unknown[]) => void>;
    if (fns.length > 0) out[hook] = (...args: unknown[]) => { for (const f of fns) f(...args); };
  }
  const combined = out as Observer;
  // Steps are watched on a resource if any member watches them there; each member then gets them
  // (a member that does not want a resource's steps ignores them: see observesSteps).
  combined.observesSteps = (res: number) => observers.some((o) => watchesSteps(o, res));
  return combined;
}
