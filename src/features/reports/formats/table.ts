import { once } from 'node:events';
import { finished } from 'node:stream/promises';
import type { Writable } from 'node:stream';
import type { Cell, Column } from '../catalogue.js';

/** What every format writes: a titled table, the parameters it was run with and when. */
export interface ReportTable {
  readonly title: string;
  /** ISO time of the run. */
  readonly ranAt: string;
  readonly parameters: readonly { readonly name: string; readonly value: string }[];
  readonly columns: readonly Column[];
}

export type Batches = AsyncIterable<readonly (readonly Cell[])[]>;

/** A format: writes the table's rows to `out` as they come, and ends it. */
export type FormatWriter = (table: ReportTable, batches: Batches, out: Writable) => Promise<void>;

/** A cell as text (CSV, HTML, PDF): dates in ISO form, empty for none. */
export function cellText(c: Cell): string {
  if (c === null) return '';
  if (c instanceof Date) return c.toISOString();
  return String(c);
}

/**
 * Writes with back-pressure: waits for the stream to drain when its buffer is full. A stream that
 * failed (storing a part, a lost lease) makes the write throw, never wait for ever.
 */
export async function put(out: Writable, chunk: string | Buffer): Promise<void> {
  if (out.errored) throw out.errored;
  // `once` rejects when the stream emits 'error' while we wait.
  if (!out.write(chunk)) await once(out, 'drain');
}

/** Ends the stream and waits until everything written has been taken (or throws why it failed). */
export async function finish(out: Writable): Promise<void> {
  if (out.errored) throw out.errored;
  out.end();
  await finished(out);
}
