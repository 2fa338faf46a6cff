#!/usr/bin/env node
// The `splitsim` command. It runs, in order of preference: the bundled CLI (dist/cli-bundle/, built
// by `npm ci` or `npm run build`: a few files load much faster than ~250 modules); the compiled
// modules (dist/cli/, when the bundler was not installed); or the TypeScript sources through tsx,
// in an install that could not compile anything (`npm install -g .` brings no TypeScript compiler)
// and in a clone whose src/ changed after the last build (so an edit is never run stale).
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";

const args = process.argv.slice(2);
// `--version` alone answers before any module loads: scripts call it to check the install.
if (args.length === 1 && args[0] === "--version") {
  process.stdout.write(JSON.parse(readFileSync(new URL("../package.json", import.meta.url), "utf8")).version + "\n");
  process.exit(0);
}
// Stack traces (--debug) name the TypeScript sources, not the bundle's lines.
if (args.includes("--debug")) process.setSourceMapsEnabled(true);

const src = new URL("../src/", import.meta.url);
const built = [new URL("../dist/cli-bundle/main.js", import.meta.url), new URL("../dist/cli/main.js", import.meta.url)].find((u) => existsSync(u));

/** The newest modification time of a file under `dir` (about 6 ms for src/'s ~290 files). */
function newestUnder(dir) {
  let newest = 0;
  for (const e of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (e.isFile()) newest = Math.max(newest, statSync(`${e.parentPath ?? e.path}/${e.name}`).mtimeMs);
  }
  return newest;
}

const stale = built !== undefined && existsSync(src) && newestUnder(src) > statSync(built).mtimeMs;
if (stale) console.error("splitsim: src/ changed after the last build, so the sources run through tsx (slower to start); `npm run build` makes the fast build current");
if (built !== undefined && !stale) await import(built.href);
else {
  const { register } = await import("tsx/esm/api");
  register();
  await import(new URL("main.ts", new URL("cli/", src)).href);
}
