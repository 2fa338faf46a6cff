// User-facing errors: bad input or an impossible run. The CLI prints their message (no stack)
// and exits 2; anything else is a bug and keeps its stack.

export class SplitsimError extends Error {
  override readonly name: string = "SplitsimError";
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
