// Option parsing shared by the schedulers: a zod object schema per scheduler, its problems
// turned into an OptionsError with paths under `options.<scheduler>`.
import type { z } from "zod";
import { OptionsError } from "../errors.js";

export function parseOptions<T extends z.ZodType>(scheduler: string, schema: T, raw: Record<string, unknown>): z.output<T> {
  const r = schema.safeParse(raw);
  if (r.success) return r.data;
  throw new OptionsError(
    scheduler,
    r.error.issues.map((i) => ({
      path: i.path.map(String).join("."),
      message: i.code === "invalid_type" && i.input === undefined ? "is required" : i.message,
    })),
  );
}
