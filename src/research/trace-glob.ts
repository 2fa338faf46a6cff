// File globs for a sweep's traces: `*`, `?`, `[abc]`, `{a,b}` within a path segment and `**` for
// any depth of folders. Matches are files only, sorted by code unit, so a grid never depends on
// the order a file system lists a folder. As in a shell, `*` and `?` never match a leading dot.
import { readdirSync, statSync } from "node:fs";
import { isAbsolute, join } from "node:path";

const MAGIC = /[*?[{]/;

/** Files matching `pattern`, read relative to `base` but returned as the pattern spells them. */
export function globFiles(pattern: string, base: string): string[] {
  const parts = pattern.split("/");
  // Leading literal segments are kept as written (`../traces`, `/data`), then walked.
  let i = 0;
  while (i < parts.length - 1 && !MAGIC.test(parts[i]!)) i++;
  const prefix = parts.slice(0, i).join("/") || (pattern.startsWith("/") ? "/" : "");
  if (i === parts.length - 1 && !MAGIC.test(parts[i]!)) return isFile(at(base, pattern)) ? [pattern] : [];
  const found: string[] = [];
  walk(base, prefix, parts.slice(i), found);
  return [...new Set(found)].sort();
}

function walk(base: string, dir: string, rest: string[], out: string[]): void {
  const [head, ...tail] = rest as [string, ...string[]];
  if (head === "**") {
    walk(base, dir, tail, out);
    for (const name of subfolders(base, dir)) walk(base, joined(dir, name), rest, out);
    return;
  }
  const names = MAGIC.test(head) ? entries(base, dir).filter((n) => segmentRegExp(head).test(n)) : [head];
  for (const name of names) {
    const path = joined(dir, name);
    if (tail.length === 0) {
      if (isFile(at(base, path))) out.push(path);
    } else if (isFolder(at(base, path))) walk(base, path, tail, out);
  }
}

/** One segment of a glob as an anchored regular expression. */
export function segmentRegExp(segment: string): RegExp {
  let re = "";
  for (let i = 0; i < segment.length; i++) {
    const c = segment[i]!;
    if (c === "*") re += i === 0 ? "(?!\\.)[^/]*" : "[^/]*";
    else if (c === "?") re += i === 0 ? "(?!\\.)[^/]" : "[^/]";
    else if (c === "[") {
      const end = segment.indexOf("]", i + 2);
      if (end < 0) re += "\\[";
      else {
        const body = segment.slice(i + 1, end).replace(/^!/, "^").replace(/\\/g, "\\\\");
        re += `[${body}]`;
        i = end;
      }
    } else if (c === "{") {
      const end = segment.indexOf("}", i);
      if (end < 0) re += "\\{";
      else {
        re += `(?:${segment.slice(i + 1, end).split(",").map(escape).join("|")})`;
        i = end;
      }
    } else re += escape(c);
  }
  return new RegExp(`^${re}$`);
}

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

function joined(dir: string, name: string): string {
  return dir === "" ? name : dir.endsWith("/") ? dir + name : `${dir}/${name}`;
}

function at(base: string, path: string): string {
  return isAbsolute(path) ? path : join(base, path);
}

function entries(base: string, dir: string): string[] {
  try {
    return readdirSync(at(base, dir === "" ? "." : dir));
  } catch {
    return [];
  }
}

function subfolders(base: string, dir: string): string[] {
  return entries(base, dir).filter((n) => !n.startsWith(".") && isFolder(at(base, joined(dir, n))));
}

function isFile(p: string): boolean {
  return statSync(p, { throwIfNoEntry: false })?.isFile() === true;
}

function isFolder(p: string): boolean {
  return statSync(p, { throwIfNoEntry: false })?.isDirectory() === true;
}
