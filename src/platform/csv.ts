import { stringify } from 'csv-stringify/sync';

/** What a CSV cell may hold: dates are written in ISO form, nothing as an empty cell. */
export type CsvCell = string | number | Date | null;

export function cellText(c: CsvCell): string {
  if (c === null) return '';
  if (c instanceof Date) return c.toISOString();
  return String(c);
}

/**
 * A cell for a spreadsheet program to open safely: text that would start a formula (`=`, `+`, `-`,
 * `@`, a tab or a carriage return) is prefixed with a quote (OWASP's CSV injection advice).
 */
const safe = (c: CsvCell): string => {
  const t = cellText(c);
  return typeof c === 'string' && /^[=+\-@\t\r]/.test(t) ? `'${t}` : t;
};

/** Rows as RFC 4180 lines (csv-stringify), each cell made safe to open. */
export function csvLines(rows: readonly (readonly CsvCell[])[]): string {
  return stringify(rows.map((row) => row.map(safe)));
}
