// `npm run prepare` (run by `npm ci` and `npm install`): compile the CLI and library to dist/ when
// the TypeScript compiler is installed (a development install), then bundle the CLI into
// dist/cli-bundle/ when esbuild is installed too; otherwise, as in `npm install -g .`, which
// installs no devDependencies, say so and let bin/splitsim.mjs run the sources through tsx.
import { spawnSync } from "node:child_process";
import { createRequire } from "node:module";

const require = createRequire(import.meta.url);
let tsc;
try {
  tsc = require.resolve("typescript/bin/tsc");
} catch {
  console.warn("splitsim: TypeScript is not installed here, so dist/ is not built; the splitsim command runs the sources through tsx");
  process.exit(0);
}
const r = spawnSync(process.execPath, [tsc, "-p", "tsconfig.build.json"], { stdio: "inherit" });
if (r.status !== 0) process.exit(r.status ?? 1);
try {
  require.resolve("esbuild");
} catch {
  console.warn("splitsim: esbuild is not installed here, so the CLI is not bundled; the splitsim command runs dist/cli/ (slower to start)");
  process.exit(0);
}
const b = spawnSync(process.execPath, [new URL("./bundle-cli.mjs", import.meta.url).pathname], { stdio: "inherit" });
process.exit(b.status ?? 1);
