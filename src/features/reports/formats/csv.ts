import { stringify } from 'csv-stringify';
import { pipeline } from 'node:stream/promises';
import { Readable, type Writable } from 'node:stream';
import { cellText, type Batches, type FormatWriter, type ReportTable } from './table.js';

/** CSV (RFC 4180, csv-stringify): a header row, then one line per row, streamed. */
export const writeCsv: FormatWriter = async (table: ReportTable, batches: Batches, out: Writable) => {
  async function* records() {
    yield table.columns.map((c) => c.header);
    for await (const batch of batches) for (const row of batch) yield row.map(cellText);
  }
  await pipeline(Readable.from(records()), stringify(), out);
};
