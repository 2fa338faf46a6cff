// Option parsing shared by the schedulers: a zod object schema per scheduler, its problems
// turned into an OptionsError with paths under `options.<scheduler>`.
import { z } from "zod";
import { closestName } from "../closest-name.js";
import { OptionsError } from "../errors.js";
import { WIRE_BITS } from "../workload/quantization.js";

export function parseOptions<T extends z.ZodType>(scheduler: string, schema: T, raw: Record<string, unknown>): z.output<T> {
  const r = schema.safeParse(raw, { reportInput: true });
  if (r.success) return r.data;
  throw new OptionsError(
    scheduler,
    r.error.issues.flatMap((i) => {
      const path = i.path.map(String).join(".");
      if (i.code === "unrecognized_keys") return i.keys.map((k) => ({ path: path ? `${path}.${k}` : k, message: unknownOption(k, schema) }));
      return [{ path, message: i.code === "invalid_type" && i.input === undefined ? "is required" : i.message }];
    }),
  );
}

/** "unknown option" with the closest known one, and the list, from the schema's own keys. */
function unknownOption(key: string, schema: z.ZodType): string {
  const known = optionKeys(schema);
  const hint = closestName(key, known);
  return `unknown option${hint === null ? "" : ` (did you mean '${hint}'?)`}; options: ${known.join(", ") || "none"}`;
}

/** Keys of an object schema, looking through refinements (zod 4 keeps the shape on the object). */
function optionKeys(schema: z.ZodType): string[] {
  const s = schema as unknown as { shape?: Record<string, unknown>; def?: { schema?: z.ZodType; in?: z.ZodType } };
  if (s.shape !== undefined) return Object.keys(s.shape);
  const inner = s.def?.schema ?? s.def?.in;
  return inner !== undefined ? optionKeys(inner) : [];
}

/** The `bits` option: bits per element of boundary tensors on the wire (default 32). */
export const bitsOption = z
  .number()
  .int()
  .refine((b) => (WIRE_BITS as readonly number[]).includes(b), { message: `bits must be one of ${WIRE_BITS.join(", ")}` })
  .default(32);
