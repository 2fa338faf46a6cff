// The fields that differ between two JSON values, each named by its dotted path (array items by
// index, `a.b[2].c`), with the old and the new value: what `splitsim regress` prints when a
// stored result moved. Exact: 0.1 + 0.2 differs from 0.3, as a byte-identical guard must.

export interface FieldChange {
  /** Dotted path; "" for the root. */
  readonly path: string;
  /** The stored value, or undefined when the field is new. */
  readonly old: unknown;
  /** The value now, or undefined when the field is gone. */
  readonly new: unknown;
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);

/** Changes from `a` (old) to `b` (new), in a stable order: keys as `a` lists them, then keys only `b` has. */
export function jsonDiff(a: unknown, b: unknown, path = ""): FieldChange[] {
  if (isObject(a) && isObject(b)) {
    const out: FieldChange[] = [];
    for (const k of Object.keys(a)) out.push(...jsonDiff(a[k], b[k], join(path, k)));
    for (const k of Object.keys(b)) if (!(k in a)) out.push(...jsonDiff(undefined, b[k], join(path, k)));
    return out;
  }
  if (Array.isArray(a) && Array.isArray(b)) {
    const out: FieldChange[] = [];
    for (let i = 0; i < Math.max(a.length, b.length); i++) out.push(...jsonDiff(a[i], b[i], `${path}[${i}]`));
    return out;
  }
  return Object.is(a, b) ? [] : [{ path, old: a, new: b }];
}

function join(path: string, key: string): string {
  return path === "" ? key : `${path}.${key}`;
}

/** One line per change: `path: old → new` (JSON values; "(absent)" for a missing side). */
export function formatChanges(changes: readonly FieldChange[], indent = "  "): string {
  const show = (v: unknown): string => (v === undefined ? "(absent)" : JSON.stringify(v));
  return changes.map((c) => `${indent}${c.path || "(whole value)"}: ${show(c.old)} → ${show(c.new)}`).join("\n");
}
