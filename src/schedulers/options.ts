// Option parsing shared by the schedulers: a zod object schema per scheduler, its problems
// turned into an OptionsError with paths under `options.<scheduler>`.
import { z } from "zod";
import { OptionsError } from "../errors.js";
import { WIRE_BITS } from "../workload/quantization.js";

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

/** The `bits` option: bits per element of boundary tensors on the wire (default 32). */
export const bitsOption = z
  .number()
  .int()
  .refine((b) => (WIRE_BITS as readonly number[]).includes(b), { message: `bits must be one of ${WIRE_BITS.join(", ")}` })
  .default(32);
