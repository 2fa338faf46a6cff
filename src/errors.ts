// User-facing errors: bad input or an impossible run. The CLI prints their message (no stack)
// and exits 2; anything else is a bug and keeps its stack.

export class SplitsimError extends Error {
  override readonly name: string = "SplitsimError";
  /** A brand that survives a second copy of this module (a plug-in importing its own splitsim). */
  readonly splitsim = true;
}

/** Whether `e` is a SplitsimError, from this copy of the module or another. */
export function isSplitsimError(e: unknown): e is SplitsimError {
  return e instanceof SplitsimError || (e instanceof Error && (e as { splitsim?: unknown }).splitsim === true);
}

/** A scheduler's options failed validation; `path` is relative to `options.<scheduler>`. */
export class OptionsError extends SplitsimError {
  override readonly name = "OptionsError";
  constructor(
    readonly scheduler: string,
    readonly problems: ReadonlyArray<{ path: string; message: string }>,
  ) {
    super(problems.map((p) => `options.${scheduler}${p.path ? "." + p.path : ""}: ${p.message}`).join("\n"));
  }
}
