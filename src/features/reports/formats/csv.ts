import { stringify } from 'csv-stringify/sync';
import type { Writable } from 'node:stream';
import type { Cell } from '../catalogue.js';
import { cellText, finish, put, type Batches, type FormatWriter, type ReportTable } from './table.js';

/**
 * A cell for a spreadsheet program to open safely: text that would start a formula (`=`, `+`, `-`,
 * `@`, a tab or a carriage return) is prefixed with a quote (OWASP's CSV injection advice).
 */
const safe = (c: Cell): string => {
  const t = cellText(c);
  return typeof c === 'string' && /^[=+\-@\t\r]/.test(t) ? `'${t}` : t;
};

/** CSV (RFC 4180, csv-stringify): a header row, then each batch of rows as it is read. */
export const writeCsv: FormatWriter = async (table: ReportTable, batches: Batches, out: Writable) => {
  await put(out, stringify([table.columns.map((c) => c.header)]));
  for await (const batch of batches) {
    if (batch.length > 0) await put(out, stringify(batch.map((row) => row.map(safe))));
  }
  await finish(out);
};
