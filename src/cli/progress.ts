// Progress of one long run on stderr (cli-progress): done/total requests, requests/s and the ETA,
// redrawn in place on a terminal, or a line every few seconds with --progress into a pipe or a
// log. An observer of completions and drops: a counter per request, a redraw every EVERY of them.
import cliProgress from "cli-progress";
import type { Observer } from "../platform/observer.js";

/** Requests between redraws: the per-request cost is one increment and one comparison. */
const EVERY = 4096;

/** Runs shorter than this finish before a bar would say anything. */
export const PROGRESS_MIN_REQUESTS = 50_000;

export class RunProgress implements Observer {
  private done = 0;
  private next = EVERY;
  private readonly started = performance.now();
  private readonly bar: cliProgress.SingleBar;

  constructor(label: string, private readonly total: number, tty: boolean) {
    this.bar = new cliProgress.SingleBar({
      format: `${label} [{bar}] {percentage}% | {value}/{total} requests | {speed} req/s | ETA {eta_formatted}`,
      stream: process.stderr,
      noTTYOutput: !tty,
      notTTYSchedule: 2000,
      hideCursor: false,
      clearOnComplete: tty,
      etaBuffer: 20,
    }, cliProgress.Presets.shades_classic);
    this.bar.start(total, 0, { speed: "-" });
  }

  onComplete(): void {
    if (++this.done >= this.next) this.redraw();
  }

  onDrop(): void {
    if (++this.done >= this.next) this.redraw();
  }

  private redraw(): void {
    this.next += EVERY;
    const s = (performance.now() - this.started) / 1000;
    this.bar.update(Math.min(this.done, this.total), { speed: s > 0 ? Math.round(this.done / s).toLocaleString("en") : "-" });
  }

  stop(): void {
    this.redraw();
    this.bar.stop();
  }
}
