// Bundles the CLI into dist/cli-bundle/ with esbuild, so `splitsim` starts from a few large files
// instead of ~250 modules: Node's ESM loader resolves, reads and compiles each module on its own,
// and that was most of a short run's time (docs/performance.md, "Start-up"). Every command's module
// stays a lazily loaded chunk (code splitting), so `--version` still loads no simulator.
// Run by `npm run build` and `npm run prepare` after tsc; bin/splitsim.mjs prefers this bundle.
//   node scripts/bundle-cli.mjs [outdir]    (default dist/cli-bundle; a test bundles elsewhere)
import { build } from "esbuild";
import { rmSync } from "node:fs";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("..", import.meta.url));

/**
 * zod's entry re-exports every one of its ~50 message locales as a namespace (`z.locales`), which
 * the bundler cannot drop: ~300 KB that each start-up would parse. splitsim uses only the English
 * messages zod sets by default, so its locale index is replaced by one that exports `en` alone
 * (a run that asked zod for another locale would find it undefined; none does).
 */
const zodEnglishOnly = {
  name: "zod-english-only",
  setup(b) {
    b.onResolve({ filter: /^\.\.\/locales\/index\.js$/ }, (args) => (args.importer.includes("node_modules/zod/") ? { path: args.importer, namespace: "zod-locales" } : undefined));
    b.onLoad({ filter: /.*/, namespace: "zod-locales" }, (args) => ({
      contents: `export { default as en } from ${JSON.stringify(new URL("../locales/en.js", `file://${args.path}`).pathname)};`,
      resolveDir: root,
    }));
  },
};
const outdir = process.argv[2] ?? `${root}dist/cli-bundle`;
rmSync(outdir, { recursive: true, force: true });

await build({
  absWorkingDir: root,
  // Flat names: the sweep pool finds its worker as "./sweep-worker.js" beside the chunk it is in.
  entryPoints: { main: "src/cli/main.ts", "sweep-worker": "src/research/sweep-worker.ts" },
  outdir,
  bundle: true,
  splitting: true,
  format: "esm",
  platform: "node",
  target: "node20",
  sourcemap: "linked",
  // Native, resolved at run time, or loaded only for plug-ins and worker threads: kept as packages.
  external: ["@resvg/resvg-js", "chart.js", "tsx", "piscina"],
  // Bundled CommonJS packages (seedrandom, yargs' helpers) call require(); ESM has none of its own.
  banner: { js: "import { createRequire as __splitsimCreateRequire } from 'node:module'; const require = __splitsimCreateRequire(import.meta.url);" },
  logLevel: "warning",
  minifyWhitespace: true,
  minifySyntax: true,
  plugins: [zodEnglishOnly],
});
