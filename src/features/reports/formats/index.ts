import type { OutputFormat } from '../reports.kind.js';
import { writeCsv } from './csv.js';
import { writeHtml } from './html.js';
import { writePdf } from './pdf.js';
import type { FormatWriter } from './table.js';
import { writeXlsx } from './xlsx.js';

/** Each output format: its writer, its media type and its file extension. */
export const FORMATS: Readonly<
  Record<OutputFormat, { write: FormatWriter; contentType: string; extension: string }>
> = {
  csv: { write: writeCsv, contentType: 'text/csv; charset=utf-8', extension: 'csv' },
  html: { write: writeHtml, contentType: 'text/html; charset=utf-8', extension: 'html' },
  xls: {
    write: writeXlsx,
    contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    extension: 'xlsx',
  },
  pdf: { write: writePdf, contentType: 'application/pdf', extension: 'pdf' },
};

/** The file name of an instance's output: the report's name, the instance, the format's extension. */
export const fileNameOf = (reportName: string, instanceId: string, format: OutputFormat): string =>
  `${reportName.toLowerCase().replace(/[^a-z0-9]+/g, '-')}-${instanceId}.${FORMATS[format].extension}`;

export type { ReportTable, FormatWriter } from './table.js';
