import { stringify } from 'csv-stringify/sync';
import type { Writable } from 'node:stream';
import { cellText, finish, put, type Batches, type FormatWriter, type ReportTable } from './table.js';

/** CSV (RFC 4180, csv-stringify): a header row, then each batch of rows as it is read. */
export const writeCsv: FormatWriter = async (table: ReportTable, batches: Batches, out: Writable) => {
  await put(out, stringify([table.columns.map((c) => c.header)]));
  for await (const batch of batches) {
    if (batch.length > 0) await put(out, stringify(batch.map((row) => row.map(cellText))));
  }
  await finish(out);
};
