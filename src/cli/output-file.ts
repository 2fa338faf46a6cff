// The file a command writes (`report -o`, `plot -o`): checked before any work, with the rules of
// `run --out` and `--timeline` (no system folder, no directory, nothing replaced without --force,
// a folder we can write to), then written with any failure turned into an exit-2 message.
import { accessSync, constants, existsSync, statSync, writeFileSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { SplitsimError } from "../errors.js";

/** Throws a SplitsimError naming `flag` and the file when it cannot or may not be written. */
export function checkOutputFile(flag: string, file: string, force: boolean, example: string): void {
  const abs = resolve(file);
  if (/^\/(proc|sys|dev)(\/|$)/.test(abs)) throw new SplitsimError(`${flag}: '${file}' is in a system folder: give a file of your own`);
  if (existsSync(file)) {
    if (statSync(file).isDirectory()) throw new SplitsimError(`${flag}: '${file}' is a folder: give a file name such as ${file.replace(/\/$/, "")}/${example}`);
    if (!force) throw new SplitsimError(`${flag}: '${file}' already exists (use --force to replace it)`);
  }
  const dir = dirname(abs);
  try {
    if (!statSync(dir).isDirectory()) throw Object.assign(new Error("not a folder"), { code: "ENOTDIR" });
    accessSync(dir, constants.W_OK);
  } catch (e) {
    throw new SplitsimError(`${flag}: cannot write '${file}': its folder '${dirname(file)}' ${whyNot(e)}: give a file in a folder you can write to`);
  }
}

/** Writes the file; a failure (full disk, a folder that went away) is bad output, exit 2. */
export function writeOutputFile(flag: string, file: string, data: string | Uint8Array): void {
  try {
    writeFileSync(file, data);
  } catch (e) {
    throw new SplitsimError(`${flag}: cannot write '${file}' (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`);
  }
}

function whyNot(e: unknown): string {
  const code = (e as NodeJS.ErrnoException).code;
  if (code === "ENOENT") return "does not exist";
  if (code === "ENOTDIR") return "is not a folder";
  if (code === "EACCES" || code === "EPERM" || code === "EROFS") return `is not writable (${code})`;
  return `cannot be written (${code ?? (e as Error).message})`;
}
