// Where the shared trace datasets live for tests, and the reader each dataset folder uses.
// Tests that need them skip when the folder is missing locally and fail under CI=true.
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import type { TraceFormat } from "../../src/platform/bandwidth/formats/index.js";

export function sharedFolder(name: "traces" | "traces-extra", marker: string): { root: string; present: boolean; inCi: boolean } {
  const root = fileURLToPath(new URL(`../../../shared/${name}/`, import.meta.url));
  return { root, present: existsSync(`${root}${marker}`), inCi: process.env.CI === "true" };
}

/** Which reader each dataset folder is in. */
export const FOLDER_FORMAT: Record<string, TraceFormat> = {
  mahimahi: "mahimahi",
  "pensieve-fcc": "time-value",
  "pensieve-norway-hsdpa": "time-value",
  lumos5g: "time-value",
  "ucc-5g": "ucc",
  oboe: "oboe",
};
