import type { Writable } from 'node:stream';
import { csvLines } from '../../../platform/csv.js';
import { finish, put, type Batches, type FormatWriter, type ReportTable } from './table.js';

/** CSV (RFC 4180, csv-stringify): a header row, then each batch of rows as it is read. */
export const writeCsv: FormatWriter = async (table: ReportTable, batches: Batches, out: Writable) => {
  await put(out, csvLines([table.columns.map((c) => c.header)]));
  for await (const batch of batches) {
    if (batch.length > 0) await put(out, csvLines(batch));
  }
  await finish(out);
};
