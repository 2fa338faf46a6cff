// "Did you mean" for unknown keys: the accepted keys at a path (read from the schemas' shapes)
// and the closest one within two edits.
import { closestName } from "../closest-name.js";
import { Arrivals, Content, Link, Medium, Node, ScenarioFile, Source, SyntheticTrace, Workload } from "./schema.js";

const ARRIVAL_KEYS = [...new Set(Arrivals.options.flatMap((o) => Object.keys(o.shape)))];
const SYNTHETIC_KEYS = [...new Set(SyntheticTrace.options.flatMap((o) => Object.keys(o.shape)))];

/** Keys the schema accepts at `path` (an object's own path), or [] when unknown. */
export function keysAt(path: ReadonlyArray<string | number>): string[] {
  const [a, , c] = path;
  if (path.length === 0) return Object.keys(ScenarioFile.shape);
  if (path[path.length - 1] === "arrivals") return ARRIVAL_KEYS;
  if (path[path.length - 1] === "content") return Object.keys(Content.shape);
  if (path[path.length - 1] === "closeness") return ["kind", "a", "b", "value"];
  if (a === "metrics") return Object.keys(ScenarioFile.shape.metrics.unwrap().shape);
  if (a === "nodes" && path.length === 2) return Object.keys(Node.shape);
  if (a === "links" && path.length === 2) return Object.keys(Link.shape);
  if (a === "links" && path.length === 3 && c === "trace") return SYNTHETIC_KEYS;
  if (a === "media" && path.length === 2) return Object.keys(Medium.shape);
  if (a === "media" && path.length === 3 && c === "trace") return SYNTHETIC_KEYS;
  if (a === "workload" && path.length === 1) return Object.keys(Workload.shape);
  if (a === "sources" && path.length === 2 && c === undefined) return Object.keys(Source.shape);
  if (a === "noise") return path.length === 1 ? ["compute"] : ["kind", "cv"];
  if (a === "wire") return ["headerBytes", "resultBytes"];
  if (a === "estimator") return ["kind", "alpha", "window"];
  if (a === "sweep" && path.length === 1) return ["vary", "traces", "seeds"];
  return [];
}

/** The closest accepted key (see closestName). */
export const suggestKey = closestName;
