// Streams requests.csv while a run goes: one row per request as it leaves the system (completion
// or drop), written in blocks, so a big run never holds its requests in memory. Rows are in the
// order requests finish (deterministic for a given scenario, seed and scheduler); sort by id to
// get arrival order.
import { closeSync, openSync, writeSync } from "node:fs";
import { stringify } from "csv-stringify/sync";
import { requestHeader, requestRow, type RequestCsvOptions } from "../metrics/csv.js";
import type { Observer } from "../platform/observer.js";
import type { Request } from "../workload/request.js";

const BLOCK_ROWS = 4096;

export class RequestsCsvStream implements Observer {
  private readonly fd: number;
  private rows: string[][] = [];

  constructor(
    file: string,
    private readonly columns: RequestCsvOptions = {},
  ) {
    this.fd = openSync(file, "w");
    writeSync(this.fd, stringify([requestHeader(columns)]));
  }

  onComplete(req: Request): void {
    this.add(req);
  }

  onDrop(req: Request): void {
    this.add(req);
  }

  /** Writes what is left and closes the file (also after a failed run). */
  close(): void {
    this.flush();
    closeSync(this.fd);
  }

  private add(req: Request): void {
    this.rows.push(requestRow(req, this.columns));
    if (this.rows.length >= BLOCK_ROWS) this.flush();
  }

  private flush(): void {
    if (this.rows.length === 0) return;
    writeSync(this.fd, stringify(this.rows));
    this.rows = [];
  }
}
