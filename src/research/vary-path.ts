// Whether a swept path names something in the scenario: every step but the last must exist in the
// file (after --set), and the last must exist or be a key the schema accepts there. A typo would
// otherwise create a new node or link, or fail with a message about a value nobody wrote.
import { keysAt, suggestKey } from "../scenario/suggest.js";

/** Paths a sweep sets through its own flags, and why. */
const RESERVED: Record<string, string> = {
  seed: "sweep seeds with --seeds (or sweep.seeds)",
  schedulers: "choose schedulers with --scheduler",
  sweep: "the sweep section describes the grid; it is not a scenario value",
};

/** Why `path` is not a path of the scenario `raw`, or null when it is one. */
export function varyPathProblem(raw: unknown, path: string): string | null {
  const keys = path.split(".");
  const reserved = RESERVED[keys[0]!];
  if (reserved !== undefined) return `'${keys[0]}' cannot be swept this way: ${reserved}`;
  let node = raw;
  for (let i = 0; i < keys.length; i++) {
    const key = keys[i]!;
    const here = keys.slice(0, i);
    const where = here.length === 0 ? "at the top level" : `under ${here.join(".")}`;
    if (Array.isArray(node)) {
      if (/^\d+$/.test(key) && Number(key) < node.length) {
        node = node[Number(key)];
        continue;
      }
      return `no element ${key} ${where} (it has ${node.length})`;
    }
    if (node === null || typeof node !== "object") return `${here.join(".")} is a value (${JSON.stringify(node)}), not a section with keys`;
    const obj = node as Record<string, unknown>;
    if (key in obj) {
      node = obj[key];
      continue;
    }
    // An optional key or section the file leaves out can be swept; so can a scheduler's options
    // (the loader checks those against the scheduler's own list).
    const accepted = keysAt(here);
    if (accepted.includes(key)) {
      node = {};
      continue;
    }
    if (keys[0] === "options" && i > 0) return null;
    const hint = suggestKey(key, accepted.length > 0 ? accepted : Object.keys(obj));
    const has = Object.keys(obj);
    return `no '${key}' ${where}${hint ? ` (did you mean '${hint}'?)` : ""}${has.length > 0 ? `; the file has ${has.join(", ")}` : ""}`;
  }
  return null;
}
