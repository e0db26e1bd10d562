import type { Writable } from 'node:stream';
import { escapeXml } from '../../../platform/xml/encode.js';
import { cellText, finish, put, type Batches, type FormatWriter, type ReportTable } from './table.js';

const escape = escapeXml;

const STYLE = `body{font:14px/1.4 system-ui,sans-serif;margin:2rem;color:#1b1b1b}
h1{font-size:1.4rem;margin:0 0 .5rem}dl{display:grid;grid-template-columns:max-content auto;gap:.2rem 1rem;margin:0 0 1rem}
dt{font-weight:600}table{border-collapse:collapse;width:100%}th,td{border:1px solid #ccc;padding:.3rem .5rem;text-align:left}
th{background:#f0f0f0;position:sticky;top:0}td.n{text-align:right}tr:nth-child(even) td{background:#fafafa}`;

/** HTML: a standalone page (no outside resources) with the run's details and the table, streamed. */
export const writeHtml: FormatWriter = async (table: ReportTable, batches: Batches, out: Writable) => {
  const params = table.parameters
    .map((p) => `<dt>${escape(p.name)}</dt><dd>${escape(p.value)}</dd>`)
    .join('');
  await put(
    out,
    `<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8" /><meta name="viewport" content="width=device-width, initial-scale=1" />` +
      `<title>${escape(table.title)}</title><style>${STYLE}</style></head><body><main><h1>${escape(table.title)}</h1>` +
      `<dl><dt>Run at</dt><dd>${escape(table.ranAt)}</dd>${params}</dl>` +
      `<table><thead><tr>${table.columns.map((c) => `<th scope="col">${escape(c.header)}</th>`).join('')}</tr></thead><tbody>\n`,
  );
  for await (const batch of batches) {
    const rows = batch.map(
      (row) =>
        `<tr>${row.map((c, i) => `<td${table.columns[i]?.type === 'number' ? ' class="n"' : ''}>${escape(cellText(c))}</td>`).join('')}</tr>`,
    );
    if (rows.length > 0) await put(out, `${rows.join('\n')}\n`);
  }
  await put(out, '</tbody></table></main></body></html>\n');
  await finish(out);
};
