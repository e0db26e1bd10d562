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

export { cellText } from '../../../platform/csv.js';
export { put, finish } from '../../../platform/streams.js';
