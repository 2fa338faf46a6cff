#!/usr/bin/env node
// The `splitsim` command: the compiled CLI (dist/, built by `npm ci` or `npm run build`), or, in an
// install that could not compile it (`npm install -g .` brings no TypeScript compiler), the same
// CLI from its TypeScript sources through tsx, a runtime dependency.
import { existsSync } from "node:fs";

const dist = new URL("../dist/cli/main.js", import.meta.url);
if (existsSync(dist)) {
  await import(dist.href);
} else {
  const { register } = await import("tsx/esm/api");
  register();
  await import(new URL("../src/cli/main.ts", import.meta.url).href);
}
