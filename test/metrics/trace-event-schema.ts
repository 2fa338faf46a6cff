// Test helper: a schema check of the Chrome Trace Event Format (the JSON object form) as far as a
// timeline uses it, written from the format's definition: field types per phase with zod, then the
// rules a viewer relies on across events — slices on one thread nest, every flow start has one end
// with the same id, category and name, each bound inside a slice on its thread, async begins pair
// with ends, counters carry numbers. Returns the problems found (empty when the trace is valid).
import { z } from "zod";

const base = { name: z.string(), pid: z.number().int().nonnegative(), tid: z.number().int().nonnegative() };
const time = z.number().nonnegative().finite();
const Complete = z.object({ ...base, ph: z.literal("X"), ts: time, dur: time, cat: z.string().optional(), cname: z.string().optional(), args: z.record(z.string(), z.unknown()).optional() });
const Flow = z.object({ ...base, ph: z.enum(["s", "f"]), ts: time, cat: z.string(), id: z.number().int(), bp: z.literal("e").optional() });
const Counter = z.object({ ...base, ph: z.literal("C"), ts: time, args: z.record(z.string(), z.number().finite()) });
const Async = z.object({ ...base, ph: z.enum(["b", "e"]), ts: time, cat: z.string(), id2: z.object({ local: z.number().int() }), args: z.record(z.string(), z.unknown()).optional() });
const Metadata = z.object({
  name: z.enum(["process_name", "thread_name", "process_sort_index", "thread_sort_index"]),
  ph: z.literal("M"), pid: z.number().int().nonnegative(), tid: z.number().int().nonnegative().optional(),
  args: z.union([z.object({ name: z.string().min(1) }), z.object({ sort_index: z.number().int() })]),
});
const Event = z.discriminatedUnion("ph", [Complete, Flow, Counter, Async, Metadata]);
export const TraceFile = z.object({ traceEvents: z.array(z.unknown()), displayTimeUnit: z.enum(["ms", "ns"]).optional(), otherData: z.record(z.string(), z.unknown()).optional() });

type Ev = z.infer<typeof Event>;
const ns = (us: number): number => Math.round(us * 1000);

export function traceProblems(text: string): string[] {
  const problems: string[] = [];
  const file = TraceFile.safeParse(JSON.parse(text));
  if (!file.success) return [`file: ${file.error.message}`];
  const events: Ev[] = [];
  file.data.traceEvents.forEach((raw, i) => {
    const r = Event.safeParse(raw);
    if (r.success) events.push(r.data);
    else problems.push(`event ${i} ${JSON.stringify(raw).slice(0, 120)}: ${r.error.issues.map((x) => `${x.path.join(".")} ${x.message}`).join("; ")}`);
  });
  const slices = new Map<string, Array<[number, number]>>();
  for (const e of events) {
    if (e.ph !== "X") continue;
    const key = `${e.pid}/${e.tid}`;
    // As Perfetto reads them: ts and dur each rounded to whole ns (llround(µs·1000)), end = ts + dur.
    const a = ns(e.ts);
    (slices.get(key) ?? slices.set(key, []).get(key)!).push([a, a + ns(e.dur)]);
  }
  // Slices on one thread may touch or nest, never overlap partly (the format's rule for X events).
  for (const [key, list] of slices) {
    list.sort((a, b) => a[0] - b[0] || b[1] - a[1]);
    const stack: Array<[number, number]> = [];
    for (const s of list) {
      while (stack.length > 0 && stack[stack.length - 1]![1] <= s[0]) stack.pop();
      const top = stack[stack.length - 1];
      if (top !== undefined && s[1] > top[1]) problems.push(`thread ${key}: slice [${s[0]}, ${s[1]}] overlaps [${top[0]}, ${top[1]}] partly`);
      stack.push(s);
    }
  }
  const inside = (e: Ev & { ts: number; tid: number }): boolean =>
    (slices.get(`${e.pid}/${e.tid}`) ?? []).some(([a, b]) => a <= ns(e.ts) && ns(e.ts) <= b);
  const flows = new Map<string, { s: number; f: number }>();
  for (const e of events) {
    if (e.ph !== "s" && e.ph !== "f") continue;
    const key = `${e.cat}/${e.name}/${e.id}`;
    const c = flows.get(key) ?? flows.set(key, { s: 0, f: 0 }).get(key)!;
    c[e.ph]++;
    if (!inside(e)) problems.push(`flow ${e.ph} ${key} at ${e.ts} is not inside a slice of its thread`);
    if (e.ph === "f" && e.bp !== "e") problems.push(`flow end ${key} does not bind to its enclosing slice (bp: "e")`);
  }
  for (const [key, c] of flows) if (c.s !== 1 || c.f !== 1) problems.push(`flow ${key}: ${c.s} starts and ${c.f} ends`);
  const open = new Map<string, number>();
  for (const e of events) {
    if (e.ph !== "b" && e.ph !== "e") continue;
    const key = `${e.pid}/${e.cat}/${e.name}/${e.id2.local}`;
    if (e.ph === "b") open.set(key, e.ts);
    else if (!open.has(key)) problems.push(`async end ${key} without a begin`);
    else if (open.get(key)! > e.ts) problems.push(`async ${key} ends before it begins`);
    else open.delete(key);
  }
  for (const key of open.keys()) problems.push(`async ${key} never ends`);
  // Every process and thread that holds events is named.
  const named = new Set(events.filter((e) => e.ph === "M" && e.name === "process_name").map((e) => e.pid));
  for (const e of events) if (e.ph !== "M" && !named.has(e.pid)) problems.push(`pid ${e.pid} has no process_name`);
  return problems;
}
