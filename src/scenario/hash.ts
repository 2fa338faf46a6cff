// A stable hash of a resolved scenario: sha256 of its canonical JSON (object keys sorted at every
// level, trace data by the hash of its bytes), first 16 hex digits. The same scenario written in
// another key order hashes the same.
import { createHash } from "node:crypto";
import type { ResolvedScenario } from "./types.js";

export function canonicalJson(value: unknown): string {
  // Trace data (typed arrays) is hashed by content rather than spelled out number by number.
  if (ArrayBuffer.isView(value)) {
    const bytes = new Uint8Array(value.buffer, value.byteOffset, value.byteLength);
    return JSON.stringify(`sha256:${createHash("sha256").update(bytes).digest("hex")}`);
  }
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(",")}]`;
  if (value !== null && typeof value === "object") {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(",")}}`;
  }
  return JSON.stringify(value) ?? "null";
}

/** The scenario's directory is left out: moving a file does not change what it describes. */
export function scenarioHash(s: ResolvedScenario): string {
  const { baseDir: _dir, ...content } = s;
  return createHash("sha256").update(canonicalJson(content)).digest("hex").slice(0, 16);
}
